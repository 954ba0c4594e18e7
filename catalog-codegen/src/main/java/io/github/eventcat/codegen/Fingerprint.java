package io.github.eventcat.codegen;

import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.Event;
import io.github.eventcat.catalog.SchemaFile;
import io.github.eventcat.catalog.Subject;
import io.github.eventcat.catalog.Topic;
import io.github.eventcat.codegen.light.EventcatVersion;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The SHA-256 of everything generated code depends on: the catalog's content (not file times),
 * the generator's version and steps, and the configuration.
 */
final class Fingerprint {
    /** The version of this library, from the build (a SNAPSHOT counts as a version too). */
    static final String GENERATOR_VERSION = EventcatVersion.VALUE;

    private Fingerprint() {}

    static String of(Catalog catalog, CodegenConfiguration configuration, List<String> steps) {
        return of(catalog, configuration, steps, Optional.empty());
    }

    /**
     * @param plugin the identity of the plugin running the generator, when one does (a SNAPSHOT
     *     plugin adds its jars' sizes and times to its version)
     */
    static String of(Catalog catalog, CodegenConfiguration configuration, List<String> steps, Optional<String> plugin) {
        // Streamed into the digest piece by piece: a catalog's texts together are tens of MB at
        // 10,000 events, and one string of them all (grown, copied, then encoded) was several times that.
        MessageDigest digest = sha256();
        write(catalog, configuration, steps, plugin, piece -> digest.update(piece.getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The text {@link #of} digests, whole (for tests: its SHA-256 is the fingerprint). */
    static String text(
            Catalog catalog, CodegenConfiguration configuration, List<String> steps, Optional<String> plugin) {
        StringBuilder text = new StringBuilder();
        write(catalog, configuration, steps, plugin, text::append);
        return text.toString();
    }

    private static void write(
            Catalog catalog,
            CodegenConfiguration configuration,
            List<String> steps,
            Optional<String> plugin,
            Consumer<String> out) {
        line(out, "generator", GENERATOR_VERSION);
        plugin.ifPresent(identity -> line(out, "plugin", identity));
        steps.forEach(step -> line(out, "step", step));
        line(out, "configuration", configuration.canonical());
        line(out, "package", catalog.javaPackage());
        for (Topic topic : catalog.topics()) {
            line(
                    out,
                    "topic",
                    topic.name() + " key=" + topic.keyField() + " naming=" + topic.naming()
                            + " compatibility=" + topic.compatibility() + " partitions=" + topic.partitions()
                            + " retention=" + topic.retention() + " description=" + topic.description());
            for (Event event : topic.events()) {
                line(
                        out,
                        "event",
                        event.name() + " " + event.recordFullName() + " "
                                + event.javaTypeName() + " " + event.format() + " "
                                + event.schemaFile().path()
                                + " id=" + event.eventIdField());
            }
            for (Subject subject : topic.subjects()) {
                line(
                        out,
                        "subject",
                        subject.name() + " key=" + subject.key() + " "
                                + subject.schemaFile().path() + " " + subject.compatibility());
            }
        }
        for (SchemaFile file : catalog.schemaFiles()) {
            line(
                    out,
                    "file",
                    file.path() + " " + file.format() + " " + file.text().length());
            out.accept(file.text());
            out.accept("\n");
        }
    }

    private static void line(Consumer<String> out, String key, String value) {
        out.accept(key + ' ' + value + '\n');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
