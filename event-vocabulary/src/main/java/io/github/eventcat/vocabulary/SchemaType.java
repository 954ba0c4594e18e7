package io.github.eventcat.vocabulary;

import java.util.Locale;

/**
 * The schema languages of the Confluent REST API ({@code schemaType}), with the file name
 * extension a schema of each has in a catalog or a pulled folder.
 */
public enum SchemaType {
    AVRO(".avsc"),
    JSON(".json"),
    PROTOBUF(".proto");

    private final String fileExtension;

    SchemaType(String fileExtension) {
        this.fileExtension = fileExtension;
    }

    /** The file name extension of a schema of this type, with its dot. */
    public String fileExtension() {
        return fileExtension;
    }

    /**
     * Reads the {@code schemaType} field of a registry answer, which Confluent omits for Avro.
     *
     * @throws IllegalArgumentException for a type this enum does not name
     */
    public static SchemaType fromRegistry(String value) {
        return value == null || value.isBlank() ? AVRO : valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
