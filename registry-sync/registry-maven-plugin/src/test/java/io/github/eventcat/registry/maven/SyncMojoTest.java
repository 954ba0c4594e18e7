package io.github.eventcat.registry.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.eventcat.registry.sync.KeyStoreSettings;
import io.github.eventcat.registry.sync.RegistryConnection;
import io.github.eventcat.registry.sync.RegistryCredentials;
import io.github.eventcat.registry.sync.SyncRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.testing.AbstractMojoTestCase;
import org.apache.maven.project.MavenProject;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.apache.maven.settings.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code sync} goal as Maven configures it: the harness reads the built plugin descriptor and
 * evaluates each parameter's property and default expression, as a real build does.
 *
 * <p>Harness 3.3.0 has no JUnit 5 support; its {@link AbstractMojoTestCase} is driven by hand
 * ({@code setUp}/{@code tearDown} around each JUnit 5 test).
 */
class SyncMojoTest extends AbstractMojoTestCase {
    private static final String PASSWORD = "srv-Pa55-w0rd-77";
    private static final String TRUST_STORE_PASSWORD = "tru5t-Pa55-31";

    @TempDir
    Path project;

    @BeforeEach
    void startContainer() throws Exception {
        setUp();
    }

    @AfterEach
    void stopContainer() throws Exception {
        tearDown();
    }

    @Test
    void defaultsAreTheDocumentedOnes() throws Exception {
        SyncMojo mojo = mojo(Map.of("registry.url", "http://127.0.0.1:1/apis/ccompat/v7"), List.of());

        RegistryConnection connection = mojo.connection();

        assertThat(connection.urls()).containsExactly("http://127.0.0.1:1/apis/ccompat/v7");
        assertThat(connection.trustStore()).isEmpty();
        assertThat(connection.keyStore()).isEmpty();
        assertThat(connection.timeout()).isEqualTo(RegistryConnection.DEFAULT_TIMEOUT);
        assertThat(connection.retries()).isEqualTo(RegistryConnection.DEFAULT_RETRIES);
        assertThat(mojo.catalogDirectory.toPath()).isEqualTo(project.resolve("src/main/catalog"));
        SyncRequest request = mojo.request(mojo.catalog(mojo.catalogDirectory, mojo.catalogArtifact));
        assertThat(request.catalog()).isEqualTo(project.resolve("src/main/catalog"));
        assertThat(request.parallelism()).isEqualTo(SyncRequest.DEFAULT_PARALLELISM);
        assertThat(request.dryRun()).isFalse();
        assertThat(request.normalize()).isFalse();
        assertThat(request.kafkaAdmin()).isEmpty();
        assertThat(mojo.skip).isFalse();
        assertThat(mojo.syncSkip).isFalse();
        // unset: the core's defaults apply, written in the core only
        assertThat(mojo.timeout).isNull();
        assertThat(mojo.retries).isNull();
        assertThat(mojo.trustStoreType).isNull();
        assertThat(mojo.keyStoreType).isNull();
    }

    @Test
    void everyPropertyIsMappedIntoTheConnectionAndRequest() throws Exception {
        SyncMojo mojo = mojo(
                Map.ofEntries(
                        Map.entry("registry.url", " https://sr1:8081 , https://sr2:8081,"),
                        Map.entry(
                                "registry.trustStore",
                                project.resolve("trust.jks").toString()),
                        Map.entry("registry.trustStoreServerId", "trust-store"),
                        Map.entry("registry.trustStoreType", "JKS"),
                        Map.entry(
                                "registry.keyStore",
                                project.resolve("client.p12").toString()),
                        Map.entry("registry.timeout", "7"),
                        Map.entry("registry.retries", "1"),
                        Map.entry(
                                "registry.catalogDirectory",
                                project.resolve("events").toString()),
                        Map.entry("registry.parallelism", "8"),
                        Map.entry("registry.dryRun", "true"),
                        Map.entry("registry.normalize", "true"),
                        Map.entry("registry.topics", "true"),
                        Map.entry("registry.bootstrapServers", "127.0.0.1:9092")),
                List.of(server("trust-store", null, TRUST_STORE_PASSWORD)));

        RegistryConnection connection = mojo.connection();

        assertThat(connection)
                .isEqualTo(new RegistryConnection(
                        List.of("https://sr1:8081", "https://sr2:8081"),
                        Optional.empty(),
                        Optional.of(new KeyStoreSettings(
                                project.resolve("trust.jks"), Optional.of(TRUST_STORE_PASSWORD), "JKS")),
                        Optional.of(new KeyStoreSettings(project.resolve("client.p12"), Optional.empty(), "PKCS12")),
                        Duration.ofSeconds(7),
                        1));
        SyncRequest request = mojo.request(mojo.catalog(mojo.catalogDirectory, mojo.catalogArtifact));
        assertThat(request.catalog()).isEqualTo(project.resolve("events"));
        assertThat(request.parallelism()).isEqualTo(8);
        assertThat(request.dryRun()).isTrue();
        assertThat(request.normalize()).isTrue();
        assertThat(request.kafkaAdmin()).hasValue(Map.of("bootstrap.servers", "127.0.0.1:9092"));
        assertThat(connection.toString()).doesNotContain(TRUST_STORE_PASSWORD);
    }

    @Test
    void theDeprecatedBootstrapServersPropertyStillWorksWithAWarning() throws Exception {
        SyncMojo mojo = mojo(
                Map.of(
                        "registry.url",
                        "http://127.0.0.1:1",
                        "registry.topics",
                        "true",
                        "bootstrap.servers",
                        "127.0.0.1:9093"),
                List.of());
        List<String> warnings = new java.util.ArrayList<>();
        mojo.setLog(
                new org.apache.maven.monitor.logging.DefaultLog(
                        new org.codehaus.plexus.logging.console.ConsoleLogger()) {
                    @Override
                    public void warn(CharSequence content) {
                        warnings.add(content.toString());
                    }
                });

        SyncRequest request = mojo.request(mojo.catalog(mojo.catalogDirectory, mojo.catalogArtifact));

        assertThat(request.kafkaAdmin()).hasValue(Map.of("bootstrap.servers", "127.0.0.1:9093"));
        assertThat(warnings)
                .containsExactly("The property bootstrap.servers is deprecated for registry:sync: "
                        + "use -Dregistry.bootstrapServers=127.0.0.1:9093 instead");
    }

    @Test
    void registryBootstrapServersWinsOverTheDeprecatedProperty() throws Exception {
        SyncMojo mojo = mojo(
                Map.of(
                        "registry.url",
                        "http://127.0.0.1:1",
                        "registry.topics",
                        "true",
                        "bootstrap.servers",
                        "old:9092",
                        "registry.bootstrapServers",
                        "new:9092"),
                List.of());

        assertThat(mojo.request(mojo.catalog(mojo.catalogDirectory, mojo.catalogArtifact))
                        .kafkaAdmin())
                .hasValue(Map.of("bootstrap.servers", "new:9092"));
    }

    @Test
    void theGoalsOwnSkipSkipsItAlone() throws Exception {
        // Nothing listens on this URL and the catalog directory does not exist: anything but a skip fails.
        SyncMojo mojo = mojo(
                Map.of(
                        "registry.url",
                        "http://127.0.0.1:1/apis/ccompat/v7",
                        "registry.sync.skip",
                        "true",
                        "registry.catalogDirectory",
                        project.resolve("missing").toString()),
                List.of());

        mojo.execute();

        assertThat(mojo.syncSkip).isTrue();
        assertThat(mojo.skip).isFalse();
    }

    @Test
    void anotherGoalsSkipDoesNotSkipThisOne() throws Exception {
        SyncMojo mojo = mojo(
                Map.of(
                        "registry.url",
                        "http://127.0.0.1:1/apis/ccompat/v7",
                        "registry.check.skip",
                        "true",
                        "registry.catalogDirectory",
                        project.resolve("missing").toString()),
                List.of());

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(org.apache.maven.plugin.MojoFailureException.class)
                .hasMessageContaining("The catalog at missing has 1 problem");
    }

    @Test
    void skipDoesNothingNotEvenReadTheCatalogOrTheRegistry() throws Exception {
        // Nothing listens on this URL and the catalog directory does not exist: anything but a skip fails.
        SyncMojo mojo = mojo(
                Map.of(
                        "registry.url",
                        "http://127.0.0.1:1/apis/ccompat/v7",
                        "registry.skip",
                        "true",
                        "registry.catalogDirectory",
                        project.resolve("missing").toString()),
                List.of());

        mojo.execute();

        assertThat(mojo.skip).isTrue();
        assertThat(project.resolve("missing")).doesNotExist();
    }

    @Test
    void serverCredentialsAreUsedButNeverShown() throws Exception {
        Server server = new Server();
        server.setId("schema-registry");
        server.setUsername("ci-sync");
        server.setPassword(PASSWORD);
        SyncMojo mojo = mojo(
                Map.of("registry.url", "https://sr1:8081", "registry.serverId", "schema-registry"), List.of(server));

        RegistryConnection connection = mojo.connection();
        SyncRequest request = mojo.request(mojo.catalog(mojo.catalogDirectory, mojo.catalogArtifact));

        assertThat(connection.credentials()).hasValueSatisfying(credentials -> {
            assertThat(credentials).isInstanceOf(RegistryCredentials.Basic.class);
            assertThat(((RegistryCredentials.Basic) credentials).password()).isEqualTo(PASSWORD);
            assertThat(credentials.source()).contains("schema-registry");
        });
        assertThat(request.toString()).contains("ci-sync").doesNotContain(PASSWORD);
        assertThat(connection.toString()).doesNotContain(PASSWORD);
    }

    @Test
    void aPasswordAloneIsABearerTokenNeverShown() throws Exception {
        Server server = new Server();
        server.setId("schema-registry-token");
        server.setPassword(PASSWORD);
        SyncMojo mojo = mojo(
                Map.of("registry.url", "https://sr1:8081", "registry.serverId", "schema-registry-token"),
                List.of(server));

        RegistryConnection connection = mojo.connection();

        assertThat(connection.credentials()).containsInstanceOf(RegistryCredentials.Bearer.class);
        assertThat(connection.toString()).contains("bearer token").doesNotContain(PASSWORD);
    }

    @Test
    void userInfoInTheRegistryUrlPropertyIsBasicAuthAndShownNowhere() throws Exception {
        SyncMojo mojo = mojo(Map.of("registry.url", "https://ci:" + PASSWORD + "@sr1:8081/x"), List.of());

        RegistryConnection connection = mojo.connection();

        assertThat(connection.urls()).containsExactly("https://sr1:8081/x");
        assertThat(connection.credentials())
                .hasValue(new RegistryCredentials.Basic("ci", PASSWORD, RegistryConnection.URL_USER_INFO));
        assertThat(connection.toString())
                .contains("ci", "the registry URL's user info")
                .doesNotContain(PASSWORD);
        // not a parameter Maven injects, so mvn -X has nothing to print (the invoker ITs check the real output)
        assertThat(mojo.url).isNull();
    }

    @Test
    void userInfoAndASettingsServerAreAConflict() throws Exception {
        SyncMojo mojo = mojo(
                Map.of("registry.url", "https://ci:" + PASSWORD + "@sr1:8081", "registry.serverId", "sr"),
                List.of(server("sr", "ci-sync", "other-" + PASSWORD)));

        assertThatThrownBy(mojo::connection)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining(
                        "registry.url: the registry URL has user info and there are credentials from settings.xml server sr")
                .hasMessageNotContaining(PASSWORD);
    }

    @Test
    void userInfoInThePomConfigurationIsRefusedNamingNoSecret() throws Exception {
        SyncMojo mojo = mojo(Map.of(), List.of());
        mojo.url = "https://ci:" + PASSWORD + "@sr1:8081";

        assertThatThrownBy(mojo::connection)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("https://ci:***@sr1:8081")
                .hasMessageContaining("-Dregistry.url")
                .hasMessageNotContaining(PASSWORD);
    }

    @Test
    void noRegistryUrlSaysHowToSetIt() throws Exception {
        SyncMojo mojo = mojo(Map.of(), List.of());

        assertThatThrownBy(mojo::connection)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("registry.url is not set: pass -Dregistry.url=");
    }

    @Test
    void storePasswordsComeFromTheEnvironmentWhenNoServerIsNamed() throws Exception {
        SyncMojo mojo = mojo(
                Map.of(
                        "registry.url",
                        "https://sr1:8081",
                        "registry.trustStore",
                        "trust.p12",
                        "registry.keyStore",
                        "client.p12"),
                List.of());
        mojo.environment = Map.of(
                "SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD",
                TRUST_STORE_PASSWORD,
                "SCHEMA_REGISTRY_KEYSTORE_PASSWORD",
                "key-" + TRUST_STORE_PASSWORD);

        RegistryConnection connection = mojo.connection();

        assertThat(connection.trustStore().orElseThrow().password()).hasValue(TRUST_STORE_PASSWORD);
        assertThat(connection.keyStore().orElseThrow().password()).hasValue("key-" + TRUST_STORE_PASSWORD);
        assertThat(connection.toString()).doesNotContain(TRUST_STORE_PASSWORD);
    }

    @Test
    void theRemovedStorePasswordPropertiesFailWithWhatToUseInstead() throws Exception {
        SyncMojo mojo = mojo(
                Map.of(
                        "registry.url",
                        "https://sr1:8081",
                        "registry.trustStorePassword",
                        TRUST_STORE_PASSWORD,
                        "registry.keyStorePassword",
                        TRUST_STORE_PASSWORD),
                List.of());

        assertThatThrownBy(mojo::connection)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("registry.trustStorePassword is set: it is no longer read")
                .hasMessageContaining("registry.trustStoreServerId")
                .hasMessageContaining("SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD")
                .hasMessageContaining("registry.keyStorePassword is set")
                .hasMessageContaining("SCHEMA_REGISTRY_KEYSTORE_PASSWORD")
                .hasMessageNotContaining(TRUST_STORE_PASSWORD);
    }

    @Test
    void aStoreServerWithoutAPasswordIsAClearError() throws Exception {
        SyncMojo mojo = mojo(
                Map.of(
                        "registry.url",
                        "https://sr1:8081",
                        "registry.keyStore",
                        "client.p12",
                        "registry.keyStoreServerId",
                        "ks"),
                List.of(server("ks", "someone", null)));

        assertThatThrownBy(mojo::connection)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("registry.keyStoreServerId=ks names a settings.xml <server> without a <password>: "
                        + "add the key store's password to it");
    }

    private static Server server(String id, String username, String password) {
        Server server = new Server();
        server.setId(id);
        server.setUsername(username);
        server.setPassword(password);
        return server;
    }

    /** The goal, configured the way Maven would for a project in the temporary directory. */
    private SyncMojo mojo(Map<String, String> userProperties, List<Server> servers) throws Exception {
        MavenProject mavenProject = new MavenProject();
        mavenProject.setFile(project.resolve("pom.xml").toFile());
        mavenProject.getBuild().setDirectory(project.resolve("target").toString());
        mavenProject.setRemoteArtifactRepositories(List.of());
        // The session's settings are taken from the request when the session is made: servers first.
        MavenExecutionRequest request = new DefaultMavenExecutionRequest();
        servers.forEach(request::addServer);
        userProperties.forEach(request.getUserProperties()::setProperty);
        MavenSession session = new MavenSession(
                getContainer(), MavenRepositorySystemUtils.newSession(), request, new DefaultMavenExecutionResult());
        session.setCurrentProject(mavenProject);
        session.setProjects(List.of(mavenProject));
        MojoExecution execution = newMojoExecution("sync");
        return (SyncMojo) lookupConfiguredMojo(session, execution);
    }
}
