package io.github.eventcat.catalog;

import java.util.Objects;

/**
 * A schema's direct reference to another schema file of the catalog, in the shape the Confluent
 * REST API's {@code references} need.
 *
 * @param name how the referencing schema names the other one: the Avro full name of the type it
 *     uses, or the JSON Schema {@code $ref} as written, without its {@code #fragment}
 * @param path the catalog-relative path of the referenced file
 */
public record SchemaReference(String name, String path) {
  public SchemaReference {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(path, "path == null");
  }
}
