package com.example.app;

import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.SchemaFile;
import io.github.eventcat.catalog.SchemaFormat;
import io.github.eventcat.catalog.Subject;
import io.github.eventcat.runtime.registry.CompatibilityLevel;
import io.github.eventcat.runtime.registry.RegisteredSchema;
import io.github.eventcat.runtime.registry.SchemaDefinition;
import io.github.eventcat.runtime.registry.SchemaReference;
import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.github.eventcat.runtime.registry.SchemaType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Registers every subject of a catalog, referenced schemas first, and sets each subject's
 * compatibility level: a stand-in for {@code mvn registry:sync} so that the example (and its
 * tests) can run against an empty registry.
 *
 * <p>Avro schemas without references are registered in Avro's own JSON form ({@code
 * Schema.toString()}), the text Avro serializers look up; everything else as written in the
 * catalog. A referenced file gets a subject of its own, named after what it defines: the Avro full name
 * of its type ({@code com.example.orders.OrderLine}), or the JSON Schema {@code title}
 * ({@code TaskData}), else the file path.
 */
public final class CatalogRegistration {
  private final Catalog catalog;
  private final SchemaRegistryClient registry;
  private final Map<String, RegisteredSchema> registeredFiles = new HashMap<>();

  public CatalogRegistration(Catalog catalog, SchemaRegistryClient registry) {
    this.catalog = Objects.requireNonNull(catalog, "catalog == null");
    this.registry = Objects.requireNonNull(registry, "registry == null");
  }

  /** Registers everything; returns the subjects registered, in registration order. */
  public List<RegisteredSchema> registerAll() {
    List<RegisteredSchema> registered = new ArrayList<>();
    for (Subject subject : catalog.subjects()) {
      for (SchemaFile dependency : catalog.referencesInRegistrationOrder(subject.schemaFile())) {
        if (!registeredFiles.containsKey(dependency.path())) {
          RegisteredSchema schema = register(referenceSubject(dependency), dependency);
          registeredFiles.put(dependency.path(), schema);
          registered.add(schema);
        }
      }
      registered.add(register(subject.name(), subject.schemaFile()));
      registry.setSubjectCompatibility(subject.name(),
          CompatibilityLevel.valueOf(subject.compatibility().name()));
    }
    return registered;
  }

  /** The schema of a file exactly as registered: its text and its references to other subjects. */
  public SchemaDefinition definition(SchemaFile file) {
    List<SchemaReference> references = new ArrayList<>();
    for (io.github.eventcat.catalog.SchemaReference reference : file.references()) {
      RegisteredSchema target = registeredFiles.get(reference.path());
      if (target == null) {
        throw new IllegalStateException(file.path() + " references " + reference.path()
            + ", which is not registered yet");
      }
      references.add(new SchemaReference(reference.name(), target.subject(), target.version()));
    }
    if (file.format() == SchemaFormat.AVRO && references.isEmpty()) {
      // Avro's own JSON form of the schema: what Avro serializers send to look a schema up.
      // Confluent compares parsed schemas, Apicurio (without canonical hashing) the exact text.
      return new SchemaDefinition(catalog.avroSchema(file).toString(), SchemaType.AVRO, references);
    }
    SchemaType type = file.format() == SchemaFormat.AVRO ? SchemaType.AVRO : SchemaType.JSON;
    return new SchemaDefinition(file.text(), type, references);
  }

  private RegisteredSchema register(String subject, SchemaFile file) {
    SchemaDefinition definition = definition(file);
    registry.register(subject, definition);
    return registry.lookup(subject, definition).orElseThrow(() -> new IllegalStateException(
        "registered " + file.path() + " under " + subject + " but the registry cannot find it"));
  }

  private String referenceSubject(SchemaFile file) {
    if (file.format() == SchemaFormat.AVRO) {
      return catalog.avroSchema(file).getFullName();
    }
    var title = catalog.jsonSchema(file).path("title");
    return title.isTextual() ? title.asText() : file.path();
  }
}
