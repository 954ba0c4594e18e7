package io.github.eventcat.testservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A server was started but did not become ready (or died) within its start timeout. */
public final class ServerNotReadyException extends TestServerException {
    private static final long serialVersionUID = 1L;
    private static final int LOG_TAIL_LINES = 15;

    private final String server;
    private final String address;
    private final Duration waited;
    private final transient Path logFile;

    ServerNotReadyException(
            String server, String address, Duration waited, Path logFile, String reason, Throwable cause) {
        super(message(server, address, waited, logFile, reason) + logTail(logFile), cause);
        this.server = Objects.requireNonNull(server, "server == null");
        this.address = Objects.requireNonNull(address, "address == null");
        this.waited = Objects.requireNonNull(waited, "waited == null");
        this.logFile = logFile;
    }

    private static String message(String server, String address, Duration waited, Path logFile, String reason) {
        String where = logFile == null ? "" : " Its output is in " + logFile.toAbsolutePath() + ".";
        return server + " at " + address + " was not ready after " + waited.toMillis() + " ms: " + reason + "." + where;
    }

    /** The end of the server's log, so a CI failure explains itself without the file. */
    private static String logTail(Path logFile) {
        if (logFile == null) {
            return "";
        }
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
            return tail.isEmpty() ? " The log is empty." : "\nLast lines of the log:\n  " + String.join("\n  ", tail);
        } catch (IOException | UncheckedIOException e) {
            return " (Its log could not be read: " + e + ")";
        }
    }

    /** Which server, e.g. "Schema Registry (Apicurio 2.4.2.Final)". */
    public String server() {
        return server;
    }

    /** The address it was expected to answer on. */
    public String address() {
        return address;
    }

    /** How long the caller waited before giving up or seeing the server die. */
    public Duration waited() {
        return waited;
    }

    /** The server's own log, when it has one of its own (the registry does; the broker logs in this JVM). */
    public Optional<Path> logFile() {
        return Optional.ofNullable(logFile);
    }
}
