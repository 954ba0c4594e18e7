package io.github.eventcat.catalog;

import java.io.IOException;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DecoderFactory;

/** Reads Avro examples (Avro's JSON encoding) with Avro's own decoder and schema resolution. */
public final class AvroExampleReader {
    private AvroExampleReader() {}

    /**
     * Decodes an example written with {@code writer} as {@code reader} sees it: the same schema to
     * read it as written, an earlier and a later version to test that one can read the other's data.
     *
     * @return the datum: a {@code GenericRecord} for a record schema
     * @throws IOException or {@link AvroRuntimeException} (such as {@code AvroTypeException}) when
     *     the example does not read; the message says why
     */
    public static Object read(String exampleJson, Schema writer, Schema reader) throws IOException {
        GenericDatumReader<Object> datumReader = new GenericDatumReader<>(writer, reader);
        return datumReader.read(null, DecoderFactory.get().jsonDecoder(writer, exampleJson));
    }

    /** Why an example did not read, in one line. */
    public static String reason(Exception e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
