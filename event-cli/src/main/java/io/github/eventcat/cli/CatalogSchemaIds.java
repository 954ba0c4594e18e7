package io.github.eventcat.cli;

import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.SchemaFile;
import io.github.eventcat.catalog.SchemaFormat;
import io.github.eventcat.runtime.registry.RegisteredSchema;
import io.github.eventcat.runtime.registry.SchemaDefinition;
import io.github.eventcat.runtime.registry.SchemaReference;
import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.github.eventcat.runtime.registry.SchemaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * The registry id of a catalog schema under a subject: looked up, or registered with
 * {@code --auto-register}. Referenced files are resolved first under the subjects
 * {@code mvn registry:sync} uses for them (the Avro full name or the JSON Schema {@code title}),
 * so the CLI finds what the plugin registered and registers what the plugin would.
 */
final class CatalogSchemaIds {
  private final Catalog catalog;
  private final SchemaRegistryClient client;
  private final boolean register;

  CatalogSchemaIds(Catalog catalog, SchemaRegistryClient client, boolean register) {
    this.catalog = catalog;
    this.client = client;
    this.register = register;
  }

  RegisteredSchema resolve(String subject, SchemaFile file) {
    SchemaDefinition definition = definition(file);
    if (register) {
      client.register(subject, definition);
    }
    return client.lookup(subject, definition).orElseThrow(() -> new CliException(ExitCode.UNAVAILABLE,
        "The schema " + file.path() + " is not registered under subject '" + subject + "' at " + client.config().urls()
            + ": register the catalog first (mvn registry:sync), or pass --auto-register"));
  }

  private SchemaDefinition definition(SchemaFile file) {
    Map<String, SchemaReference> byPath = new LinkedHashMap<>();
    for (io.github.eventcat.catalog.SchemaReference reference : file.references()) {
      if (byPath.containsKey(reference.path())) {
        continue;
      }
      SchemaFile target = catalog.schemaFile(reference.path()).orElseThrow(
          () -> new IllegalStateException("the catalog has no file " + reference.path()));
      String subject = referenceSubject(target);
      RegisteredSchema registered = resolve(subject, target);
      // Avro: the registry parses the referenced subject's schema, whose top-level name is the subject.
      String name = file.format() == SchemaFormat.AVRO ? subject : reference.name();
      byPath.put(reference.path(), new SchemaReference(name, subject, registered.version()));
    }
    SchemaType type = file.format() == SchemaFormat.AVRO ? SchemaType.AVRO : SchemaType.JSON;
    return new SchemaDefinition(file.text(), type, new ArrayList<>(byPath.values()));
  }

  private String referenceSubject(SchemaFile file) {
    if (file.format() == SchemaFormat.AVRO) {
      Schema schema = catalog.avroSchema(file);
      return switch (schema.getType()) {
        case RECORD, ENUM, FIXED -> schema.getFullName();
        default -> file.path();
      };
    }
    String title = catalog.jsonSchema(file).path("title").asText("");
    return title.isBlank() ? file.path() : title;
  }
}
