package io.github.eventcat.codegen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of the Avro the generator compiles with, part of the fingerprint: never left unknown.
 * Read without loading any Avro class (a no-op run loads none), from the {@code pom.properties} that
 * Avro's jar, or the shaded codegen plugin holding Avro, keeps; only when that is missing from the
 * manifest of the jar holding Avro's {@code Schema}.
 */
final class AvroVersion {
    static final String POM_PROPERTIES = "META-INF/maven/org.apache.avro/avro/pom.properties";

    private AvroVersion() {}

    static String get() {
        ClassLoader loader = AvroVersion.class.getClassLoader();
        String version = null;
        try (InputStream in = loader == null ? null : loader.getResourceAsStream(POM_PROPERTIES)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                version = properties.getProperty("version");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (version == null) {
            version = Manifest.version();
        }
        if (version == null) {
            throw new IllegalStateException("Avro's version is unknown: neither " + POM_PROPERTIES
                    + " nor the manifest of the jar holding " + Manifest.SCHEMA + " names it");
        }
        return version;
    }

    /** Avro's jar manifest; a class of its own, so that {@link #get()} loads Avro only when it reads it. */
    private static final class Manifest {
        static final String SCHEMA = "org.apache.avro.Schema";

        static String version() {
            return org.apache.avro.Schema.class.getPackage().getImplementationVersion();
        }
    }
}
