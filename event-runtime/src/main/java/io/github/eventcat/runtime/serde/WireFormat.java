package io.github.eventcat.runtime.serde;

import java.io.ByteArrayOutputStream;

/**
 * Confluent's wire format: magic byte {@code 0}, the schema's global id as 4 bytes big-endian,
 * then the payload (Avro binary or JSON UTF-8). Any Confluent-compatible client reads what this
 * writes, and the reverse.
 */
public final class WireFormat {
    public static final byte MAGIC_BYTE = 0;
    public static final int HEADER_SIZE = 5;

    private WireFormat() {}

    /** Writes the 5-byte header to {@code out}. */
    public static void writeHeader(ByteArrayOutputStream out, int schemaId) {
        out.write(MAGIC_BYTE);
        out.write(schemaId >>> 24);
        out.write(schemaId >>> 16);
        out.write(schemaId >>> 8);
        out.write(schemaId);
    }

    /** Header followed by {@code payload}. */
    public static byte[] frame(int schemaId, byte[] payload) {
        byte[] framed = new byte[HEADER_SIZE + payload.length];
        framed[0] = MAGIC_BYTE;
        framed[1] = (byte) (schemaId >>> 24);
        framed[2] = (byte) (schemaId >>> 16);
        framed[3] = (byte) (schemaId >>> 8);
        framed[4] = (byte) schemaId;
        System.arraycopy(payload, 0, framed, HEADER_SIZE, payload.length);
        return framed;
    }

    /**
     * The schema id of a framed record.
     *
     * @throws PoisonRecordException when the bytes are not in the wire format (too short, or a magic byte other than 0)
     */
    public static int schemaId(String topic, byte[] data) {
        if (data == null || data.length < HEADER_SIZE) {
            throw new PoisonRecordException(
                    PoisonRecordException.Reason.TOO_SHORT,
                    topic,
                    -1,
                    "record value has " + (data == null ? 0 : data.length) + " bytes, fewer than the " + HEADER_SIZE
                            + "-byte Confluent wire-format header; it was not written by a schema-registry serializer");
        }
        if (data[0] != MAGIC_BYTE) {
            throw new PoisonRecordException(
                    PoisonRecordException.Reason.BAD_MAGIC_BYTE,
                    topic,
                    -1,
                    "record value starts with byte " + data[0]
                            + ", expected the magic byte 0 of the Confluent wire format;"
                            + " it was not written by a schema-registry serializer");
        }
        return ((data[1] & 0xff) << 24) | ((data[2] & 0xff) << 16) | ((data[3] & 0xff) << 8) | (data[4] & 0xff);
    }
}
