package io.github.eventcat.runtime.serde;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte buffer for one serializer call at a time, reused across calls on the same thread
 * (serializers keep one per thread: Kafka may call a serializer from several threads). Unlike
 * {@link java.io.ByteArrayOutputStream} its writes are not synchronized, and it starts each record
 * with the wire-format header already in place. {@link #toByteArray()} is the one copy per record:
 * Kafka keeps the array it is given.
 */
final class WireBuffer extends OutputStream {
    /** Larger buffers are dropped after use rather than kept by the thread. */
    private static final int KEEP_AT_MOST = 64 * 1024;

    private byte[] bytes = new byte[256];
    private int count;

    /** Empties the buffer and writes the 5-byte header of {@code schemaId}. */
    WireBuffer start(int schemaId) {
        if (bytes.length > KEEP_AT_MOST) {
            bytes = new byte[256];
        }
        bytes[0] = WireFormat.MAGIC_BYTE;
        bytes[1] = (byte) (schemaId >>> 24);
        bytes[2] = (byte) (schemaId >>> 16);
        bytes[3] = (byte) (schemaId >>> 8);
        bytes[4] = (byte) schemaId;
        count = WireFormat.HEADER_SIZE;
        return this;
    }

    @Override
    public void write(int b) {
        if (count == bytes.length) {
            grow(1);
        }
        bytes[count++] = (byte) b;
    }

    @Override
    public void write(byte[] source, int offset, int length) {
        if (length > bytes.length - count) {
            grow(length);
        }
        System.arraycopy(source, offset, bytes, count, length);
        count += length;
    }

    private void grow(int atLeast) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, count + atLeast));
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, count);
    }

    int size() {
        return count;
    }
}
