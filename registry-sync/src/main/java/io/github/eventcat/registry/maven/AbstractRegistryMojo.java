package io.github.eventcat.registry.maven;

import java.io.File;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

import io.github.eventcat.registry.sync.KeyStoreSettings;
import io.github.eventcat.registry.sync.RegistryConnection;
import io.github.eventcat.registry.sync.RegistryCredentials;

/** The parameters every registry goal shares, and their mapping to a {@link RegistryConnection}. */
abstract class AbstractRegistryMojo extends AbstractMojo {
    /** Registry base URL(s), comma-separated: the next one is tried when one does not answer. */
    @Parameter(property = "registry.url", required = true)
    String url;

    /** The settings.xml server with the credentials: username + password = basic auth, password alone = bearer token. */
    @Parameter(property = "registry.serverId")
    String serverId;

    @Parameter(property = "registry.trustStore")
    File trustStore;

    @Parameter(property = "registry.trustStorePassword")
    String trustStorePassword;

    @Parameter(property = "registry.trustStoreType", defaultValue = "PKCS12")
    String trustStoreType;

    @Parameter(property = "registry.keyStore")
    File keyStore;

    @Parameter(property = "registry.keyStorePassword")
    String keyStorePassword;

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

    @Component
    SettingsDecrypter decrypter;

    RegistryConnection connection() throws MojoExecutionException {
        List<String> urls = Arrays.stream(url.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        Optional<RegistryCredentials> credentials = credentials();
        credentials.ifPresent(c -> getLog().debug("Registry credentials: " + c));
        return new RegistryConnection(urls, credentials,
                Optional.ofNullable(trustStore).map(f -> new KeyStoreSettings(f.toPath(), Optional.ofNullable(trustStorePassword), trustStoreType)),
                Optional.ofNullable(keyStore).map(f -> new KeyStoreSettings(f.toPath(), Optional.ofNullable(keyStorePassword), keyStoreType)),
                Duration.ofSeconds(timeout), retries);
    }

    private Optional<RegistryCredentials> credentials() throws MojoExecutionException {
        if (serverId == null || serverId.isBlank()) {
            return RegistryCredentials.resolve(null, null, null, System.getenv());
        }
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server == null) {
            throw new MojoExecutionException("registry.serverId=" + serverId + " names no <server> in settings.xml: add "
                    + "<server><id>" + serverId + "</id><username>…</username><password>…</password></server>");
        }
        if (decrypter != null) {
            SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
            for (SettingsProblem problem : result.getProblems()) {
                if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                    throw new MojoExecutionException("Could not decrypt the password of server " + serverId + ": "
                            + problem.getMessage());
                }
            }
            server = result.getServer();
        }
        return RegistryCredentials.resolve(serverId, server.getUsername(), server.getPassword(), System.getenv());
    }
}
