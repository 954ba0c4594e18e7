package io.github.eventcat.registry.maven;

import io.github.eventcat.maven.common.ArtifactResolver;
import io.github.eventcat.maven.common.CatalogLocation;
import io.github.eventcat.maven.common.Failures;
import io.github.eventcat.maven.common.GoalSkip;
import io.github.eventcat.maven.common.PropertyNames.Registry;
import io.github.eventcat.registry.sync.KeyStoreSettings;
import io.github.eventcat.registry.sync.RegistryConnection;
import io.github.eventcat.registry.sync.RegistryCredentials;
import io.github.eventcat.registry.sync.RegistrySync;
import io.github.eventcat.runtime.registry.SchemaRegistryException;
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
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.eclipse.aether.RepositorySystem;

/**
 * The parameters every registry goal shares, and their mapping to a {@link RegistryConnection}.
 *
 * <p>No secret is a parameter: {@code mvn -X} prints every parameter's value. Credentials and store
 * passwords come from settings.xml servers or environment variables, and {@code registry.url} (which
 * may carry user info) is read from the properties when the goal runs (see {@link SecretSources}).
 *
 * <p>Options the user leaves unset ({@code null}) take the core's defaults ({@link
 * RegistryConnection#DEFAULT_TIMEOUT}, {@link RegistryConnection#DEFAULT_RETRIES}, the store type of
 * {@link KeyStoreSettings}): no default is written here a second time.
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
    @Parameter(property = Registry.SERVER_ID)
    String serverId;

    @Parameter(property = Registry.TRUST_STORE)
    File trustStore;

    /** The settings.xml server whose password is the trust store's (else $SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD). */
    @Parameter(property = Registry.TRUST_STORE_SERVER_ID)
    String trustStoreServerId;

    /** The trust store's type (default PKCS12). */
    @Parameter(property = Registry.TRUST_STORE_TYPE)
    String trustStoreType;

    @Parameter(property = Registry.KEY_STORE)
    File keyStore;

    /** The settings.xml server whose password is the key store's (else $SCHEMA_REGISTRY_KEYSTORE_PASSWORD). */
    @Parameter(property = Registry.KEY_STORE_SERVER_ID)
    String keyStoreServerId;

    /** The key store's type (default PKCS12). */
    @Parameter(property = Registry.KEY_STORE_TYPE)
    String keyStoreType;

    /** Seconds to wait for each registry answer (default 30). */
    @Parameter(property = Registry.TIMEOUT)
    Integer timeout;

    /** Retries of a request after a 5xx answer or none, with doubling backoff (default 3). */
    @Parameter(property = Registry.RETRIES)
    Integer retries;

    /** Skip every registry goal (each goal also has its own skip). */
    @Parameter(property = Registry.SKIP, defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${settings}", readonly = true)
    Settings settings;

    @Parameter(defaultValue = "${session}", readonly = true)
    MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    MojoExecution mojoExecution;

    @Parameter(defaultValue = "${project}", readonly = true)
    MavenProject project;

    @Component
    SettingsDecrypter decrypter;

    @Component
    RepositorySystem repositorySystem;

    /** The process environment; tests replace it. */
    Map<String, String> environment = System.getenv();

    SecretSources secrets() {
        return new SecretSources(settings, decrypter, session, mojoExecution, environment);
    }

    RegistryConnection connection() throws MojoExecutionException {
        SecretSources secrets = secrets();
        secrets.refuseRemovedPasswordParameters();
        String urlList = secrets.registryUrl(url);
        List<String> urls = Arrays.stream(urlList.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        Optional<RegistryCredentials> credentials = secrets.credentials(serverId);
        Optional<KeyStoreSettings> trust = Optional.empty();
        if (trustStore != null) {
            trust = Optional.of(new KeyStoreSettings(
                    trustStore.toPath(),
                    secrets.storePassword("trust", trustStoreServerId, SecretSources.TRUSTSTORE_PASSWORD_VARIABLE),
                    trustStoreType));
        }
        Optional<KeyStoreSettings> key = Optional.empty();
        if (keyStore != null) {
            key = Optional.of(new KeyStoreSettings(
                    keyStore.toPath(),
                    secrets.storePassword("key", keyStoreServerId, SecretSources.KEYSTORE_PASSWORD_VARIABLE),
                    keyStoreType));
        }
        RegistryConnection connection;
        try {
            connection = new RegistryConnection(
                    urls,
                    credentials,
                    trust,
                    key,
                    timeout == null ? RegistryConnection.DEFAULT_TIMEOUT : Duration.ofSeconds(timeout),
                    retries == null ? RegistryConnection.DEFAULT_RETRIES : retries);
        } catch (IllegalArgumentException e) {
            // its messages show URLs redacted, never a secret
            throw new MojoExecutionException(Registry.URL + ": " + e.getMessage());
        }
        connection.credentials().ifPresent(c -> getLog().debug("Registry credentials: " + c));
        return connection;
    }

    /** This goal's name ({@code registry:sync}), its own skip, and the property of that skip. */
    abstract String goal();

    abstract boolean goalSkip();

    abstract String goalSkipProperty();

    /** The goal's work, once the skips were looked at; every unexpected exception is rendered as a bug. */
    abstract void run() throws MojoExecutionException, MojoFailureException;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        Optional<String> skipped = GoalSkip.reason(goal(), goalSkip(), goalSkipProperty(), skip, Registry.SKIP);
        if (skipped.isPresent()) {
            getLog().info(skipped.get());
            return;
        }
        Failures.guard(goal(), this::run);
    }

    private static final String CREDENTIALS_HINT = "set them in settings.xml <server> (" + Registry.SERVER_ID + "), in "
            + RegistryCredentials.USER_INFO_VARIABLE + " / " + RegistryCredentials.TOKEN_VARIABLE + ", or as "
            + "user:password@ in " + Registry.URL;
    private static final String STORES_HINT = "set " + Registry.TRUST_STORE + " (+ " + Registry.TRUST_STORE_SERVER_ID
            + " or " + SecretSources.TRUSTSTORE_PASSWORD_VARIABLE + ", " + Registry.TRUST_STORE_TYPE
            + ") to a store that "
            + "trusts the registry's certificate, or " + Registry.KEY_STORE + " for a client certificate";

    /**
     * Fails when the connection cannot make its client: a trust or key store that cannot be read, or
     * opened with its password, is the user's to fix (the core says which store), not a bug.
     */
    static RegistryConnection checked(RegistryConnection connection) throws MojoFailureException {
        try {
            connection.client();
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        return connection;
    }

    /** The catalog a goal reads: the artifact when its coordinates are set, else the directory (or jar). */
    CatalogLocation catalog(File directory, String artifact) throws MojoExecutionException {
        return CatalogLocation.of(
                directory,
                artifact,
                artifact == null || artifact.isBlank()
                        ? null
                        : new ArtifactResolver(repositorySystem, session.getRepositorySession(), project),
                project.getBasedir().toPath(),
                Registry.CATALOG_ARTIFACT);
    }

    /** The parallelism the user set, checked, or the core's default. */
    static int parallelism(Integer configured, int coreDefault) throws MojoFailureException {
        if (configured == null) {
            return coreDefault;
        }
        if (configured < 1) {
            throw new MojoFailureException(Registry.PARALLELISM + " must be at least 1, not " + configured);
        }
        return configured;
    }

    /** A registry failure, saying which property or settings.xml entry to change. */
    static MojoExecutionException registryFailure(SchemaRegistryException e) {
        return new MojoExecutionException(RegistrySync.describe(e, CREDENTIALS_HINT, STORES_HINT), e);
    }
}
