package io.github.eventcat.catalog;

import java.util.Objects;
import java.util.Optional;

/**
 * One event type carried by a topic.
 *
 * @param name snake_case name of the record, e.g. {@code ticket_opened}
 * @param recordFullName Avro {@code namespace.name}, or the JSON Schema {@code title}: what
 *     RECORD and TOPIC_RECORD naming put in the subject name
 * @param javaTypeName the fully qualified name of the generated Java type, unique in the catalog
 * @param format the schema language
 * @param schemaFile the file that defines the record
 * @param eventIdField the field holding a unique id of each event, when the manifest names one
 */
public record Event(
    String name,
    String recordFullName,
    String javaTypeName,
    SchemaFormat format,
    SchemaFile schemaFile,
    Optional<String> eventIdField) {
  public Event {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(recordFullName, "recordFullName == null");
    Objects.requireNonNull(javaTypeName, "javaTypeName == null");
    Objects.requireNonNull(format, "format == null");
    Objects.requireNonNull(schemaFile, "schemaFile == null");
    Objects.requireNonNull(eventIdField, "eventIdField == null");
  }

  /** The simple name of the Java type. */
  public String javaSimpleName() {
    return javaTypeName.substring(javaTypeName.lastIndexOf('.') + 1);
  }
}
