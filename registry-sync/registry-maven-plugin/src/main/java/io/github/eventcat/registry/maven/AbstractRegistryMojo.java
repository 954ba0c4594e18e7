package io.github.eventcat.registry.maven;

import java.io.File;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

import io.github.eventcat.registry.sync.KeyStoreSettings;
import io.github.eventcat.registry.sync.RegistryConnection;
import io.github.eventcat.registry.sync.RegistryCredentials;

/**
 * The parameters every registry goal shares, and their mapping to a {@link RegistryConnection}.
 *
 * <p>No secret is a parameter: {@code mvn -X} prints every parameter's value. Credentials and store
 * passwords come from settings.xml servers or environment variables, and {@code registry.url} (which
 * may carry user info) is read from the properties when the goal runs (see {@link SecretSources}).
 */
abstract class AbstractRegistryMojo extends AbstractMojo {
    /**
     * Registry base URL(s), comma-separated, when set in the plugin configuration; the
     * {@code registry.url} property (-D or a project property) is read when this is not set. Put no
     * user info here: this value is printed by {@code mvn -X}.
     */
    @Parameter
    String url;

    /** The settings.xml server with the credentials: username + password = basic auth, password alone = bearer token. */
    @Parameter(property = "registry.serverId")
    String serverId;

    @Parameter(property = "registry.trustStore")
    File trustStore;

    /** The settings.xml server whose password is the trust store's (else $SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD). */
    @Parameter(property = "registry.trustStoreServerId")
    String trustStoreServerId;

    @Parameter(property = "registry.trustStoreType", defaultValue = "PKCS12")
    String trustStoreType;

    @Parameter(property = "registry.keyStore")
    File keyStore;

    /** The settings.xml server whose password is the key store's (else $SCHEMA_REGISTRY_KEYSTORE_PASSWORD). */
    @Parameter(property = "registry.keyStoreServerId")
    String keyStoreServerId;

    @Parameter(property = "registry.keyStoreType", defaultValue = "PKCS12")
    String keyStoreType;

    /** Seconds to wait for each registry answer. */
    @Parameter(property = "registry.timeout", defaultValue = "30")
    int timeout;

    /** Retries of a request after a 5xx answer or none, with doubling backoff. */
    @Parameter(property = "registry.retries", defaultValue = "3")
    int retries;

    @Parameter(property = "registry.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${settings}", readonly = true)
    Settings settings;

    @Parameter(defaultValue = "${session}", readonly = true)
    MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    MojoExecution mojoExecution;

    @Component
    SettingsDecrypter decrypter;

    /** The process environment; tests replace it. */
    Map<String, String> environment = System.getenv();

    RegistryConnection connection() throws MojoExecutionException {
        SecretSources secrets = new SecretSources(settings, decrypter, session, mojoExecution, environment);
        secrets.refuseRemovedPasswordParameters();
        String urlList = secrets.registryUrl(url);
        List<String> urls = Arrays.stream(urlList.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        Optional<RegistryCredentials> credentials = secrets.credentials(serverId);
        Optional<KeyStoreSettings> trust = Optional.empty();
        if (trustStore != null) {
            trust = Optional.of(new KeyStoreSettings(trustStore.toPath(),
                    secrets.storePassword("trust", trustStoreServerId, SecretSources.TRUSTSTORE_PASSWORD_VARIABLE), trustStoreType));
        }
        Optional<KeyStoreSettings> key = Optional.empty();
        if (keyStore != null) {
            key = Optional.of(new KeyStoreSettings(keyStore.toPath(),
                    secrets.storePassword("key", keyStoreServerId, SecretSources.KEYSTORE_PASSWORD_VARIABLE), keyStoreType));
        }
        RegistryConnection connection;
        try {
            connection = new RegistryConnection(urls, credentials, trust, key, Duration.ofSeconds(timeout), retries);
        } catch (IllegalArgumentException e) {
            // its messages show URLs redacted, never a secret
            throw new MojoExecutionException("registry.url: " + e.getMessage());
        }
        connection.credentials().ifPresent(c -> getLog().debug("Registry credentials: " + c));
        return connection;
    }
}
