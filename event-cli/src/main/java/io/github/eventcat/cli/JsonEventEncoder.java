package io.github.eventcat.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.SpecVersionDetector;
import com.networknt.schema.ValidationMessage;
import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.SchemaFile;
import io.github.eventcat.catalog.SchemaFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates JSON events with the networknt validator against the catalog's schema, formats
 * ({@code uuid}, {@code date-time}, {@code email}) asserted. Unlike the runtime's serializer, this
 * one resolves {@code $ref}s to other files of the catalog: every JSON Schema file is served
 * from memory under a base IRI, so relative references resolve as they do on disk.
 */
final class JsonEventEncoder implements EventEncoder {
  /** An IRI no network fetch can ever reach: references never leave the catalog. */
  private static final String BASE = "urn:eventcat:catalog:/";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
      .pathType(PathType.JSON_POINTER)
      .formatAssertionsEnabled(true)
      .build();

  private final JsonSchema schema;

  JsonEventEncoder(Catalog catalog, SchemaFile file) {
    Map<String, String> files = new HashMap<>();
    for (SchemaFile each : catalog.schemaFiles()) {
      if (each.format() == SchemaFormat.JSON) {
        files.put(BASE + each.path(), each.text());
      }
    }
    JsonNode root = catalog.jsonSchema(file);
    SpecVersion.VersionFlag version = SpecVersionDetector.detectOptionalVersion(root, false)
        .orElse(SpecVersion.VersionFlag.V202012);
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(version,
        builder -> builder.schemaLoaders(loaders -> loaders.schemas(files)));
    this.schema = factory.getSchema(SchemaLocation.of(BASE + file.path()), CONFIG);
    this.schema.initializeValidators(); // resolve every $ref now, not on the first document
  }

  @Override
  public List<DocumentProblem> check(JsonDocuments.JsonDocument document) {
    List<DocumentProblem> problems = new ArrayList<>();
    for (ValidationMessage message : schema.validate(document.value())) {
      String pointer = message.getInstanceLocation().toString();
      if ("required".equals(message.getType()) && message.getProperty() != null) {
        pointer = pointer + "/" + message.getProperty(); // the missing field itself
      }
      problems.add(new DocumentProblem(document.index(), document.line(), 0, pointer, message.getType(),
          message.getMessage()));
    }
    problems.sort(Comparator.comparing(DocumentProblem::pointer).thenComparing(DocumentProblem::rule));
    return problems;
  }

  @Override
  public byte[] encode(JsonNode document) {
    try {
      return JSON.writeValueAsBytes(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed JSON tree did not write: " + e.getMessage(), e);
    }
  }
}
