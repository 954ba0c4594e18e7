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
        StringBuilder text = new StringBuilder();
        line(text, "generator", GENERATOR_VERSION);
        plugin.ifPresent(identity -> line(text, "plugin", identity));
        steps.forEach(step -> line(text, "step", step));
        line(text, "configuration", configuration.canonical());
        line(text, "package", catalog.javaPackage());
        for (Topic topic : catalog.topics()) {
            line(
                    text,
                    "topic",
                    topic.name() + " key=" + topic.keyField() + " naming=" + topic.naming()
                            + " compatibility=" + topic.compatibility() + " partitions=" + topic.partitions()
                            + " retention=" + topic.retention() + " description=" + topic.description());
            for (Event event : topic.events()) {
                line(
                        text,
                        "event",
                        event.name() + " " + event.recordFullName() + " "
                                + event.javaTypeName() + " " + event.format() + " "
                                + event.schemaFile().path()
                                + " id=" + event.eventIdField());
            }
            for (Subject subject : topic.subjects()) {
                line(
                        text,
                        "subject",
                        subject.name() + " key=" + subject.key() + " "
                                + subject.schemaFile().path() + " " + subject.compatibility());
            }
        }
        for (SchemaFile file : catalog.schemaFiles()) {
            line(
                    text,
                    "file",
                    file.path() + " " + file.format() + " " + file.text().length());
            text.append(file.text()).append('\n');
        }
        return sha256(text.toString());
    }

    private static void line(StringBuilder text, String key, String value) {
        text.append(key).append(' ').append(value).append('\n');
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
