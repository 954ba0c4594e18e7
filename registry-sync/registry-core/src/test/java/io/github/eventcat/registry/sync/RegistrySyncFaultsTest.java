package io.github.eventcat.registry.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.eventcat.runtime.registry.RegistryClientConfig;
import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.github.eventcat.runtime.registry.SchemaRegistryException;
import io.github.eventcat.testservers.EmbeddedSchemaRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Auth failures and faults, with a proxy in front of the real registry (which runs without auth):
 * 401/403, 5xx bursts, an answer later than the timeout, the registry going away mid-sync. After each
 * fault a rerun converges: the plan is then up to date.
 */
class RegistrySyncFaultsTest {
    private static final String SECRET = "s3cr3t-Pa55word";
    private static final String TOKEN = "tok-9f8e7d6c5b4a";

    private final EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.shared();
    private final List<String> log = new ArrayList<>();
    private RegistryProxy proxy;

    @BeforeEach
    void freshRegistry() {
        registry.reset();
        proxy = new RegistryProxy(registry.url());
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    private SyncResult sync(RegistryConnection connection, int parallelism) {
        return new RegistrySync(log::add)
                .sync(new SyncRequest(
                        connection, ExampleCatalog.source(), parallelism, false, false, Optional.empty()));
    }

    private RegistryConnection fastRetries() {
        return RegistryConnection.of(proxy.url()).withTimeout(Duration.ofSeconds(4), 3);
    }

    private void assertConverged() {
        log.clear();
        SyncResult rerun = sync(RegistryConnection.of(proxy.url()), 1);
        assertThat(rerun.plan().isUpToDate()).as(String.join("\n", log)).isTrue();
    }

    @Test
    void missingCredentialsGive401WithWhatToConfigure() {
        proxy.requireAuthorization(basic("ci", SECRET));

        assertThatThrownBy(() -> sync(RegistryConnection.of(proxy.url()), 1))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(FailureAdvice.describe(e)).contains("401", "refused the credentials");
                });
    }

    @Test
    void wrongPasswordIs401AndTheSecretAppearsNowhere() {
        proxy.requireAuthorization(basic("ci", SECRET));
        RegistryConnection wrong = RegistryConnection.of(proxy.url())
                .withCredentials(new RegistryCredentials.Basic("ci", SECRET + "-wrong", "test"));

        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> sync(wrong, 1));

        assertThat(thrown).isInstanceOf(SchemaRegistryException.class);
        String everything =
                String.join("\n", log) + FailureAdvice.describe((SchemaRegistryException) thrown) + thrown + wrong;
        assertThat(everything).doesNotContain(SECRET).doesNotContain(base64("ci:" + SECRET + "-wrong"));
    }

    @Test
    void basicAuthAndBearerTokensAreSent() {
        proxy.requireAuthorization(basic("ci", SECRET));
        SyncResult result = sync(
                RegistryConnection.of(proxy.url()).withCredentials(new RegistryCredentials.Basic("ci", SECRET, "test")),
                1);
        assertThat(result.succeeded()).isTrue();

        proxy.requireAuthorization("Bearer " + TOKEN);
        assertThat(sync(
                                RegistryConnection.of(proxy.url())
                                        .withCredentials(new RegistryCredentials.Bearer(TOKEN, "test")),
                                1)
                        .plan()
                        .isUpToDate())
                .isTrue();
        assertThat(String.join("\n", log)).doesNotContain(SECRET).doesNotContain(TOKEN);
    }

    @Test
    void urlUserInfoIsSentAsBasicAuthAndAcceptedAndShownNowhere() {
        proxy.requireAuthorization(basic("ci", SECRET + "@x"));
        String withUserInfo = proxy.url().replace("http://", "http://ci:" + SECRET + "%40x@");

        SyncResult result = sync(RegistryConnection.of(withUserInfo), 1);
        // the runtime client (schema.registry.url, as producers and consumers configure it) too
        SchemaRegistryClient client = SchemaRegistryClient.fromConfig(Map.of(RegistryClientConfig.URL, withUserInfo));

        assertThat(result.succeeded()).isTrue();
        assertThat(client.subjects()).contains("tickets-com.example.repairshop.TicketOpened");
        String everything = String.join("\n", log) + result.plan() + client + client.config();
        assertThat(everything)
                .contains("basic auth as ci (from the registry URL's user info)")
                .doesNotContain(SECRET)
                .doesNotContain(base64("ci:" + SECRET + "@x"));
    }

    @Test
    void wrongUrlUserInfoIs401AndTheSecretAppearsNowhere() {
        proxy.requireAuthorization(basic("ci", SECRET));
        RegistryConnection wrong =
                RegistryConnection.of(proxy.url().replace("http://", "http://ci:" + SECRET + "-wrong@"));

        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> sync(wrong, 1));

        assertThat(thrown).isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status())
                .isEqualTo(401));
        String everything =
                String.join("\n", log) + FailureAdvice.describe((SchemaRegistryException) thrown) + thrown + wrong;
        assertThat(everything).doesNotContain(SECRET).doesNotContain(base64("ci:" + SECRET + "-wrong"));
    }

    @Test
    void forbiddenWritesFailEverySubjectWithA403AndNoSecret() {
        proxy.requireAuthorization("Bearer " + TOKEN);
        proxy.readOnly("Bearer " + TOKEN);
        RegistryConnection readOnly =
                RegistryConnection.of(proxy.url()).withCredentials(new RegistryCredentials.Bearer(TOKEN, "test"));

        assertThatThrownBy(() -> sync(readOnly, 1)).isInstanceOfSatisfying(SyncFailedException.class, e -> {
            assertThat(e.hasIncompatibleSchema()).isFalse();
            assertThat(e.getMessage())
                    .contains("403", "not allowed", "tickets-com.example.repairshop.TicketOpened")
                    .doesNotContain(TOKEN);
        });
        assertThat(String.join("\n", log)).doesNotContain(TOKEN);
    }

    @Test
    void aBurstOf5xxIsRetried() {
        proxy.failNext(3, 503);

        SyncResult result = sync(fastRetries(), 1);

        assertThat(result.succeeded()).isTrue();
        assertConverged();
    }

    @Test
    void anAnswerLaterThanTheTimeoutIsRetried() {
        proxy.hangNextWrites(2, Duration.ofSeconds(6));

        SyncResult result = sync(fastRetries(), 1);

        assertThat(result.succeeded()).isTrue();
        assertConverged();
    }

    @Test
    void theRegistryGoingAwayMidSyncFailsNamingSubjectsAndTheRerunConverges() {
        proxy.goDownAfter(12); // GET /subjects + a few writes, then nothing listens

        assertThatThrownBy(() -> sync(RegistryConnection.of(proxy.url()).withTimeout(Duration.ofSeconds(4), 1), 1))
                .isInstanceOfSatisfying(SyncFailedException.class, e -> {
                    assertThat(e.result().count(OutcomeStatus.APPLIED)).isPositive();
                    assertThat(e.result().failedSubjects()).isNotEmpty();
                    assertThat(e.getMessage()).contains("Tried to", "connection refused");
                });

        proxy.comeBack();
        SyncResult rerun = sync(RegistryConnection.of(proxy.url()), 1);
        assertThat(rerun.succeeded()).isTrue();
        assertConverged();
    }

    private static String basic(String user, String password) {
        return "Basic " + base64(user + ":" + password);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
