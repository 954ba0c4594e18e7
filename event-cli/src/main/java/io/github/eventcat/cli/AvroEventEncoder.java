package io.github.eventcat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/** Avro events: JSON converted by {@link JsonToAvro}, written as Avro binary with the subject's schema. */
final class AvroEventEncoder implements EventEncoder {
    private final Schema eventSchema;
    private final GenericDatumWriter<Object> writer;

    AvroEventEncoder(Schema eventSchema, Schema writerSchema) {
        this.eventSchema = eventSchema;
        this.writer = new GenericDatumWriter<>(writerSchema);
    }

    @Override
    public List<DocumentProblem> check(JsonDocuments.JsonDocument document) {
        return JsonToAvro.convert(document.value(), eventSchema).problems().stream()
                .map(p -> new DocumentProblem(document.index(), document.line(), 0, p.pointer(), p.rule(), p.message()))
                .toList();
    }

    @Override
    public byte[] encode(JsonNode document) {
        JsonToAvro.Result result = JsonToAvro.convert(document, eventSchema);
        if (!result.problems().isEmpty()) {
            throw new IllegalStateException("encode() called on a document check() rejected: " + result.problems());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            writer.write(result.datum(), encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new IllegalStateException("writing Avro to memory failed: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
