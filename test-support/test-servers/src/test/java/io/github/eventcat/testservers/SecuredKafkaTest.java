package io.github.eventcat.testservers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SASL_SSL + SCRAM-SHA-256 broker with ACLs: who may do what, and how a bad client fails. */
class SecuredKafkaTest {
    private static SecuredKafka kafka;

    @BeforeAll
    static void start() {
        kafka = SecuredKafka.builder()
                .user("alice")
                .user("bob", "bob-s3cret")
                .acls()
                .start();
        kafka.createTopic("alice-topic", 1);
        kafka.allow(
                "alice",
                ResourceType.TOPIC,
                "alice-topic",
                AclOperation.WRITE,
                AclOperation.READ,
                AclOperation.DESCRIBE);
        kafka.allow("alice", ResourceType.GROUP, "alice-group", AclOperation.READ);
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aUserWritesAndReadsWhatItsAclsAllowOverSaslSsl() throws Exception {
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(kafka.clientConfig("alice"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("alice-topic", "k", "hello")).get(30, TimeUnit.SECONDS);
        }
        Map<String, Object> config = new HashMap<>(kafka.clientConfig("alice"));
        config.put("group.id", "alice-group");
        config.put("auto.offset.reset", "earliest");
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("alice-topic"));
            Await.until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(received::add);
                return !received.isEmpty();
            });
            consumer.commitSync();
        }
        assertThat(received).extracting(ConsumerRecord::value).containsExactly("hello");
        assertThat(kafka.bootstrapServers()).startsWith("127.0.0.1:");
    }

    @Test
    void anotherUserMayNotWriteThatTopic() {
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(kafka.clientConfig("bob"), new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("alice-topic", "k", "v"))
                            .get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aWrongPasswordFailsTheSaslLogin() {
        Map<String, Object> config = new HashMap<>(kafka.clientConfig("bob", "not-bobs-password"));
        config.put("max.block.ms", "10000");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("alice-topic", "k", "v"))
                            .get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void aClientThatDoesNotTrustTheThrowawayCaFailsTheHandshake() {
        Map<String, Object> config = new HashMap<>(kafka.clientConfig("alice"));
        config.keySet().removeIf(key -> key.startsWith("ssl.truststore.")); // the JDK's own CAs only
        config.put("max.block.ms", "10000");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("alice-topic", "k", "v"))
                            .get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SslAuthenticationException.class);
        }
    }

    @Test
    void theSaslSslListenerIsOnLoopbackLikeTheOthers() throws Exception {
        List<InetSocketAddress> listening =
                ListeningSockets.of(ProcessHandle.current().pid());
        int port = Integer.parseInt(
                kafka.bootstrapServers().substring(kafka.bootstrapServers().indexOf(':') + 1));

        assertThat(listening).extracting(InetSocketAddress::getPort).contains(port);
        assertThat(listening)
                .allSatisfy(socket -> assertThat(socket.getAddress().isLoopbackAddress())
                        .as("%s is not a loopback address", socket)
                        .isTrue());
        assertThat(kafka.toString()).doesNotContain(kafka.password("alice"), kafka.truststorePassword());
    }
}
