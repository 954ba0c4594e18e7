package io.github.eventcat.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLHandshakeException;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;

/** The messages alone; SaslSslFlowTest (generated-example) checks them on a real SASL_SSL broker. */
class KafkaSecurityErrorsTest {
    private static final String SECRET = "s3cret-Pa55";
    private static final String JAAS =
            "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"orders-svc\" password=\""
                    + SECRET + "\";";

    @Test
    void aRejectedLoginNamesTheUserAndTheSettingNeverThePassword() {
        for (Object jaas : new Object[] {JAAS, new Password(JAAS)}) {
            Throwable explained = KafkaSecurityErrors.of(Map.of(
                            "bootstrap.servers",
                            "k1:9093",
                            "sasl.mechanism",
                            "SCRAM-SHA-512",
                            "sasl.jaas.config",
                            jaas))
                    .explain(new SaslAuthenticationException("invalid credentials"));

            assertThat(explained)
                    .isInstanceOf(SaslAuthenticationException.class)
                    .hasMessageStartingWith(
                            "Kafka at k1:9093 rejected the SASL login of user 'orders-svc' with SCRAM-SHA-512:"
                                    + " check the username and password in sasl.jaas.config")
                    .hasMessageNotContaining(SECRET)
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void anUntrustedCertificateNamesTheTruststoreSetting() {
        SslAuthenticationException error = new SslAuthenticationException(
                "SSL handshake failed",
                new SSLHandshakeException(
                        "PKIX path building failed: unable to find valid certification path to requested target"));

        Throwable explained = KafkaSecurityErrors.of(Map.of(
                        "bootstrap.servers",
                        "k1:9093",
                        "ssl.truststore.location",
                        "/etc/kafka/ca.p12",
                        "ssl.truststore.password",
                        SECRET))
                .explain(error);

        assertThat(explained)
                .isInstanceOf(SslAuthenticationException.class)
                .hasMessageContaining(
                        "the broker's certificate is not trusted. Check that ssl.truststore.location holds the CA")
                .hasMessageContaining("ssl.truststore.location is /etc/kafka/ca.p12")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void aMissingTopicAclNamesThePrincipalAndTheTopics() {
        Throwable explained = KafkaSecurityErrors.of(Map.of("bootstrap.servers", "k1:9093", "sasl.jaas.config", JAAS))
                .explain(new TopicAuthorizationException(Set.of("tickets")));

        assertThat(explained)
                .isInstanceOf(TopicAuthorizationException.class)
                .hasMessageStartingWith("Kafka at k1:9093 denied user 'orders-svc' access to topic(s) [tickets]: grant")
                .hasMessageNotContaining(SECRET);
        assertThat(((TopicAuthorizationException) explained).unauthorizedTopics())
                .containsExactly("tickets");
    }

    @Test
    void otherErrorsStayAsTheyAre() {
        UnknownTopicOrPartitionException other = new UnknownTopicOrPartitionException("no such topic");

        assertThat(KafkaSecurityErrors.of(Map.of()).explain(other)).isSameAs(other);
    }
}
