package com.example.e2e;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Everything written to System.out and System.err while installed (still passed through): the
 * example logs with slf4j-simple, which looks System.err up at every line, so Kafka's and the
 * runtime's log lines land here too.
 */
final class CapturedOutput implements AutoCloseable {
    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    private CapturedOutput() {}

    static CapturedOutput install() {
        CapturedOutput output = new CapturedOutput();
        System.setOut(new PrintStream(output.tee(output.originalOut), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(output.tee(output.originalErr), true, StandardCharsets.UTF_8));
        return output;
    }

    private OutputStream tee(PrintStream original) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (captured) {
                    captured.write(b);
                }
                original.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                synchronized (captured) {
                    captured.write(bytes, offset, length);
                }
                original.write(bytes, offset, length);
            }
        };
    }

    String text() {
        synchronized (captured) {
            return captured.toString(StandardCharsets.UTF_8);
        }
    }

    /** The names of the secrets (name → value) whose value appears in what was captured; never the values. */
    List<String> leaked(Map<String, String> secrets) {
        String text = text();
        return secrets.entrySet().stream()
                .filter(secret -> text.contains(secret.getValue()))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    @Override
    public void close() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }
}
