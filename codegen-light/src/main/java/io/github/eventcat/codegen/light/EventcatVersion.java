package io.github.eventcat.codegen.light;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Properties;

/**
 * The version of Eventcat's code generation, from the build. The plugin, the engine it resolves and
 * the generator are released together under it: the plugin resolves the engine at this version, and
 * the output fingerprint holds it (a new version may generate other code).
 */
public final class EventcatVersion {
    /** The version, e.g. {@code 0.1.0} or {@code 0.1.0-SNAPSHOT} (a SNAPSHOT counts as a version too). */
    public static final String VALUE = read();

    private EventcatVersion() {}

    private static String read() {
        try (InputStream in = EventcatVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from codegen-light");
            }
            Properties properties = new Properties();
            properties.load(in);
            return Objects.requireNonNull(properties.getProperty("version"), "version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
