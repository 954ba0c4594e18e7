package io.github.eventcat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.Event;
import io.github.eventcat.catalog.SchemaFile;
import io.github.eventcat.catalog.SchemaFormat;
import java.util.List;

/** Turns an event's JSON documents into the payload its schema language needs, after checking them. */
interface EventEncoder {
    /** Every problem of the document against the event's schema; empty when it can be encoded. */
    List<DocumentProblem> check(JsonDocuments.JsonDocument document);

    /** The payload bytes (without the wire-format header) of a document {@link #check} accepted. */
    byte[] encode(JsonNode document);

    /**
     * @param writerSchema the schema registered for the topic's subject: the event's own, or under
     *     TOPIC naming with several events, their union
     */
    static EventEncoder forEvent(Catalog catalog, Event event, SchemaFile writerSchema) {
        return event.format() == SchemaFormat.AVRO
                ? new AvroEventEncoder(catalog.avroSchema(event.schemaFile()), catalog.avroSchema(writerSchema))
                : new JsonEventEncoder(catalog, writerSchema);
    }
}
