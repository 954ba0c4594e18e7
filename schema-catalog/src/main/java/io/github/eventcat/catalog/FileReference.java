package io.github.eventcat.catalog;

import java.util.Objects;

/**
 * A schema's direct reference to another schema file of the catalog. The registration form turns
 * it into the registry's reference ({@link io.github.eventcat.vocabulary.SchemaReference}: name,
 * subject, version) once it knows the subject the file is registered under.
 *
 * @param name how the referencing schema names the other one: the Avro full name of the type it
 *     uses, or the JSON Schema {@code $ref} as written, without its {@code #fragment}
 * @param path the catalog-relative path of the referenced file
 */
public record FileReference(String name, String path) {
    public FileReference {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(path, "path == null");
    }
}
