package io.github.eventcat.registry.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.eventcat.runtime.registry.SchemaRegistryException;
import io.github.eventcat.testservers.EmbeddedSchemaRegistry;
import io.github.eventcat.testservers.WithRealServers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real registry behind an HTTPS endpoint with a self-signed certificate made here (keytool):
 * without a trust store the sync fails saying which URL and which setting; with one it succeeds.
 */
@WithRealServers
class RegistrySyncTlsTest {
    private static final String KEY_STORE_PASSWORD = "srv-K3y-Pa55";
    private static final String TRUST_STORE_PASSWORD = "tru5t-Pa55-9x";

    @TempDir
    static Path temp;

    private static Path trustStore;
    private static TlsRegistryProxy proxy;
    private final List<String> log = new ArrayList<>();

    @BeforeAll
    static void httpsInFrontOfTheRegistry(EmbeddedSchemaRegistry registry) throws Exception {
        Path keyStore = temp.resolve("registry-server.p12");
        keytool(
                "-genkeypair",
                "-alias",
                "registry",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keyStore.toString(),
                "-storepass",
                KEY_STORE_PASSWORD,
                "-keypass",
                KEY_STORE_PASSWORD);
        trustStore = temp.resolve("registry-trust.p12");
        writeTrustStore(keyStore, trustStore);
        proxy = new TlsRegistryProxy(registry.url(), keyStore, KEY_STORE_PASSWORD.toCharArray());
    }

    @AfterAll
    static void stopProxy() {
        if (proxy != null) {
            proxy.close();
        }
    }

    private SyncResult sync(RegistryConnection connection) {
        return new RegistrySync(log::add)
                .sync(new SyncRequest(connection, ExampleCatalog.source(), 1, false, false, Optional.empty()));
    }

    @Test
    void withoutATrustStoreTheSyncFailsNamingTheUrlAndTheSetting() {
        RegistryConnection untrusted = new RegistryConnection(
                List.of(proxy.url()), Optional.empty(), Optional.empty(), Optional.empty(), Duration.ofSeconds(5), 0);

        Throwable thrown = catchThrowable(() -> sync(untrusted));

        assertThat(thrown).isInstanceOf(SchemaRegistryException.class);
        String message = FailureAdvice.describe((SchemaRegistryException) thrown);
        assertThat(message).contains(proxy.url(), "TLS", "trust store");
        assertThat(log).noneMatch(line -> line.contains("plan")); // the registry could not be read: no plan, no write
    }

    @Test
    void aTrustStoreWithoutTheCertificateFailsTheSameWayAndShowsNoPassword() throws Exception {
        Path otherTrustStore = temp.resolve("other-trust.p12");
        KeyStore nothingTrusted = KeyStore.getInstance("PKCS12");
        nothingTrusted.load(null, null);
        store(nothingTrusted, otherTrustStore, TRUST_STORE_PASSWORD);
        RegistryConnection wrongTrust = new RegistryConnection(
                List.of(proxy.url()),
                Optional.empty(),
                Optional.of(new KeyStoreSettings(otherTrustStore, Optional.of(TRUST_STORE_PASSWORD), "PKCS12")),
                Optional.empty(),
                Duration.ofSeconds(5),
                0);

        Throwable thrown = catchThrowable(() -> sync(wrongTrust));

        assertThat(thrown).isInstanceOf(SchemaRegistryException.class);
        String everything = FailureAdvice.describe((SchemaRegistryException) thrown) + "\n" + thrown + "\n" + wrongTrust
                + "\n" + String.join("\n", log);
        assertThat(everything)
                .contains(proxy.url(), "trust store")
                .doesNotContain(TRUST_STORE_PASSWORD)
                .doesNotContain(KEY_STORE_PASSWORD);
    }

    @Test
    void withTheTrustStoreConfiguredTheSyncSucceedsAndARerunWritesNothing() {
        RegistryConnection trusted = new RegistryConnection(
                List.of(proxy.url()),
                Optional.empty(),
                Optional.of(new KeyStoreSettings(trustStore, Optional.of(TRUST_STORE_PASSWORD), "PKCS12")),
                Optional.empty(),
                Duration.ofSeconds(30),
                3);

        SyncResult first = sync(trusted);
        SyncResult second = sync(trusted);

        assertThat(first.succeeded()).as(String.join("\n", log)).isTrue();
        assertThat(first.count(OutcomeStatus.APPLIED)).isPositive();
        assertThat(second.plan().isUpToDate()).as(String.join("\n", log)).isTrue();
        assertThat(String.join("\n", log) + trusted).contains(proxy.url()).doesNotContain(TRUST_STORE_PASSWORD);
    }

    /** The trust store holds only the server's certificate, as a CA-less self-signed setup would. */
    private static void writeTrustStore(Path keyStore, Path target) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry(
                "registry", loadStore(keyStore, KEY_STORE_PASSWORD).getCertificate("registry"));
        store(trust, target, TRUST_STORE_PASSWORD);
    }

    private static KeyStore loadStore(Path file, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }

    private static void store(KeyStore store, Path file, String password) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }
}
