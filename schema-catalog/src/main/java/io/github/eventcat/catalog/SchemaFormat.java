package io.github.eventcat.catalog;

import io.github.eventcat.vocabulary.SchemaType;

/** The schema languages a catalog holds: the registry's schema types that a catalog file can have. */
public enum SchemaFormat {
    AVRO(SchemaType.AVRO),
    JSON(SchemaType.JSON);

    private final SchemaType registryType;

    SchemaFormat(SchemaType registryType) {
        this.registryType = registryType;
    }

    /** The value of {@code schemaType} in the registry's REST API. */
    public SchemaType registryType() {
        return registryType;
    }

    /** The file name extension of a schema in this format, with its dot. */
    public String fileExtension() {
        return registryType.fileExtension();
    }
}
