package io.github.eventcat.registry.maven;

import io.github.eventcat.maven.common.PropertyNames.Registry;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The Kafka Admin client's properties for topic provisioning. {@code mvn -X} prints every plugin
 * parameter, so secrets come from {@code registry.kafkaConfigFile}, a Kafka client properties file
 * read when the goal runs (as Kafka's own tools take {@code --command-config}); a secret in the
 * {@code <kafkaProperties>} parameter is refused, naming the key and never the value.
 */
final class KafkaClientProperties {
    static final String CONFIG_FILE_PROPERTY = Registry.KAFKA_CONFIG_FILE;

    private KafkaClientProperties() {}

    /**
     * The file's properties, then {@code <kafkaProperties>}, then {@code bootstrap.servers} (each
     * overriding the ones before).
     */
    static Map<String, String> merge(File configFile, Map<String, String> parameters, String bootstrapServers)
            throws MojoExecutionException {
        refuseSecrets(parameters);
        Map<String, String> merged = new HashMap<>(read(configFile));
        merged.putAll(parameters == null ? Map.of() : parameters);
        if (bootstrapServers != null && !bootstrapServers.isBlank()) {
            merged.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        }
        return merged;
    }

    /** Fails when {@code <kafkaProperties>} holds a secret; the message names the keys, never a value. */
    static void refuseSecrets(Map<String, String> parameters) throws MojoExecutionException {
        if (parameters == null) {
            return;
        }
        List<String> secrets = new ArrayList<>(new TreeSet<>(parameters.keySet().stream()
                .filter(KafkaClientProperties::isSecret)
                .toList()));
        if (!secrets.isEmpty()) {
            throw new MojoExecutionException(
                    "<kafkaProperties> has " + String.join(", ", secrets) + ": a secret does not "
                            + "belong in the pom, and mvn -X prints every plugin parameter. Move "
                            + (secrets.size() == 1 ? "it" : "them")
                            + " to a Kafka client properties file and pass -D" + CONFIG_FILE_PROPERTY
                            + "=<file> (like kafka-topics "
                            + "--command-config); if this value was ever printed by mvn -X, change it");
        }
    }

    /**
     * Kafka's own password-typed settings ({@code sasl.jaas.config}, {@code ssl.*.password},
     * {@code ssl.keystore.key}, OAuth client secrets), and by name anything holding a password,
     * secret or user info ({@code basic.auth.user.info} of a registry client).
     */
    static boolean isSecret(String key) {
        ConfigDef.ConfigKey known = AdminClientConfig.configDef().configKeys().get(key);
        if (known != null && known.type == ConfigDef.Type.PASSWORD) {
            return true;
        }
        String name = key.toLowerCase(Locale.ROOT);
        return name.equals(SaslConfigs.SASL_JAAS_CONFIG)
                || name.equals(SslConfigs.SSL_KEYSTORE_KEY_CONFIG)
                || name.endsWith("password")
                || name.endsWith("secret")
                || name.endsWith("user.info")
                || name.endsWith("jaas.config");
    }

    private static Map<String, String> read(File file) throws MojoExecutionException {
        if (file == null) {
            return Map.of();
        }
        if (!file.isFile()) {
            throw new MojoExecutionException(CONFIG_FILE_PROPERTY + "=" + file + " is not a file: give a Kafka client "
                    + "properties file (security.protocol, sasl.*, ssl.*)");
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file.toPath())) {
            properties.load(in); // ISO-8859-1 with \\u escapes, as Kafka's tools read it
        } catch (IOException | IllegalArgumentException e) {
            // no content in the message: the file holds secrets
            throw new MojoExecutionException(CONFIG_FILE_PROPERTY + "=" + file
                    + " could not be read as a properties file (" + e.getClass().getSimpleName() + ")");
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }
}
