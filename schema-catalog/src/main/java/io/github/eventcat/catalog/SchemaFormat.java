package io.github.eventcat.catalog;

/** The schema languages a catalog holds, with the names the Confluent REST API uses for them. */
public enum SchemaFormat {
    AVRO("AVRO", ".avsc"),
    JSON("JSON", ".json");

    private final String registryType;
    private final String fileExtension;

    SchemaFormat(String registryType, String fileExtension) {
        this.registryType = registryType;
        this.fileExtension = fileExtension;
    }

    /** The value of {@code schemaType} in the registry's REST API. */
    public String registryType() {
        return registryType;
    }

    /** The file name extension of a schema in this format, with its dot. */
    public String fileExtension() {
        return fileExtension;
    }
}
