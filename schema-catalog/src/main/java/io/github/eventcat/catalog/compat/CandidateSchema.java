package io.github.eventcat.catalog.compat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.FileReference;
import io.github.eventcat.catalog.SchemaFile;
import io.github.eventcat.catalog.SchemaFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Objects;
import org.apache.avro.Schema;

/**
 * One version of a subject's schema, as the compatibility checker compares it: parsed already, so
 * that the checker does not care whether it came from a catalog directory, a released catalog jar,
 * a git revision or a registry.
 */
public sealed interface CandidateSchema {

  /** A label for this version in findings, e.g. {@code 1.4.0} or {@code working tree}. */
  String version();

  SchemaFormat format();

  /** An Avro schema, with every named type it uses already resolved by the parser. */
  static CandidateSchema avro(String version, Schema schema) {
    return new Avro(version, schema);
  }

  /**
   * A JSON Schema.
   *
   * @param references the documents that {@code $ref}s to other files point to, keyed by the
   *     {@code $ref} as written without its {@code #fragment} (as {@link
   *     io.github.eventcat.catalog.FileReference#name()} spells it), including the references of
   *     referenced documents
   */
  static CandidateSchema json(String version, JsonNode schema, Map<String, JsonNode> references) {
    return new Json(version, schema, references);
  }

  /**
   * A schema file of a catalog as the checker compares it: Avro as parsed by the catalog, JSON
   * Schema with every document it references (directly or through other documents) by name.
   */
  static CandidateSchema of(Catalog catalog, SchemaFile file, String version) {
    if (file.format() == SchemaFormat.AVRO) {
      return avro(version, catalog.avroSchema(file));
    }
    Map<String, JsonNode> references = new TreeMap<>();
    List<SchemaFile> documents = new ArrayList<>(List.of(file));
    documents.addAll(catalog.referencesInRegistrationOrder(file));
    for (SchemaFile document : documents) {
      for (FileReference reference : document.references()) {
        references.computeIfAbsent(reference.name(),
            name -> catalog.jsonSchema(catalog.schemaFile(reference.path()).orElseThrow()));
      }
    }
    return json(version, catalog.jsonSchema(file), references);
  }

  /** A JSON Schema with no {@code $ref} to another file. */
  static CandidateSchema json(String version, JsonNode schema) {
    return new Json(version, schema, Map.of());
  }

  record Avro(String version, Schema schema) implements CandidateSchema {
    public Avro {
      Objects.requireNonNull(version, "version == null");
      Objects.requireNonNull(schema, "schema == null");
    }

    @Override
    public SchemaFormat format() {
      return SchemaFormat.AVRO;
    }
  }

  record Json(String version, JsonNode schema, Map<String, JsonNode> references)
      implements CandidateSchema {
    public Json {
      Objects.requireNonNull(version, "version == null");
      Objects.requireNonNull(schema, "schema == null");
      references = Map.copyOf(references);
    }

    @Override
    public SchemaFormat format() {
      return SchemaFormat.JSON;
    }
  }
}
