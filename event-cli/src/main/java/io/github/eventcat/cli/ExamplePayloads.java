package io.github.eventcat.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.eventcat.catalog.AvroExampleReader;
import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.Event;
import io.github.eventcat.catalog.Example;
import io.github.eventcat.catalog.SchemaFormat;
import io.github.eventcat.catalog.Subject;
import io.github.eventcat.catalog.Topic;
import io.github.eventcat.runtime.kafka.EventKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * {@code publish --examples}: the catalog's example payloads of a topic (or of one event of it), as
 * the records to send. The loader checked every example against its schema already; here each is
 * encoded with the schema of its event's value subject, the one it is written in.
 */
final class ExamplePayloads {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One example, ready to send once its subject's schema id is known. */
    record Payload(Example example, Subject subject, String key, byte[] value) {}

    private ExamplePayloads() {}

    /** The examples of {@code event}, or of every event of the topic when empty, in catalog order. */
    static List<Payload> of(Catalog catalog, Topic topic, Optional<Event> event) {
        List<Payload> payloads = new ArrayList<>();
        for (Event each : event.map(List::of).orElse(topic.events())) {
            Subject subject = CatalogEvents.valueSubject(topic, each);
            for (Example example : each.examples()) {
                payloads.add(
                        example.format() == SchemaFormat.AVRO
                                ? avro(catalog, topic, subject, example)
                                : json(topic, subject, example));
            }
        }
        if (payloads.isEmpty()) {
            throw CliException.usage((event.isPresent() ? "Event " + event.get().name() + " of topic '" : "Topic '")
                    + topic.name() + (event.isPresent() ? "'" : "'") + " has no examples in the"
                    + " catalog: list them in catalog.yaml, e.g. {schema: "
                    + topic.events().get(0).schemaFile().path()
                    + ", examples: [examples/" + topic.events().get(0).name() + ".json]}");
        }
        return payloads;
    }

    private static Payload avro(Catalog catalog, Topic topic, Subject subject, Example example) {
        Schema schema = catalog.avroSchema(subject.schemaFile());
        Object datum;
        try {
            datum = AvroExampleReader.read(example.text(), schema, schema);
        } catch (IOException | AvroRuntimeException e) {
            throw new CliException(
                    ExitCode.INVALID_INPUT,
                    "Example " + example.path() + " does not read with" + " the schema of subject '" + subject.name()
                            + "': " + AvroExampleReader.reason(e),
                    e);
        }
        Object key = datum instanceof GenericRecord record ? record.get(topic.keyField()) : null;
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            new GenericDatumWriter<>(schema).write(datum, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new IllegalStateException("writing Avro to memory failed: " + e.getMessage(), e);
        }
        return new Payload(example, subject, key(example, key), out.toByteArray());
    }

    private static Payload json(Topic topic, Subject subject, Example example) {
        JsonNode value = example.value();
        JsonNode key = value.get(topic.keyField());
        try {
            return new Payload(
                    example,
                    subject,
                    key(example, key == null ? null : key.isTextual() ? key.asText() : key.numberValue()),
                    JSON.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree did not write: " + e.getMessage(), e);
        }
    }

    private static String key(Example example, Object key) {
        if (key == null) {
            // The loader makes the key field required in every event: only a defect gets here.
            throw new IllegalStateException("example " + example.path() + " has no key field");
        }
        return EventKeys.render(key);
    }
}
