package io.github.eventcat.testservers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

@WithRealServers
class EmbeddedKafkaTest {
    private static final int RECORDS = 10_000;
    /** Polls without progress before giving up: a missing record fails the test, it does not hang it. */
    private static final int IDLE_POLLS_ALLOWED = 60;

    @Test
    void everyOneOfTenThousandRecordsProducedToThreePartitionsIsConsumed(EmbeddedKafka kafka) throws Exception {
        kafka.createTopic("smoke-ten-thousand", 3);
        Set<String> sent =
                IntStream.range(0, RECORDS).mapToObj(i -> "value-" + i).collect(Collectors.toSet());

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.LINGER_MS_CONFIG, "5"),
                new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < RECORDS; i++) {
                producer.send(new ProducerRecord<>("smoke-ten-thousand", "key-" + i, "value-" + i));
            }
            producer.flush();
        }

        Set<String> received = new HashSet<>();
        Set<Integer> partitions = new HashSet<>();
        int duplicates = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG, "smoke-ten-thousand-readers",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of("smoke-ten-thousand"));
            int idlePolls = 0;
            while (received.size() < RECORDS && idlePolls < IDLE_POLLS_ALLOWED) {
                var records = consumer.poll(Duration.ofMillis(500));
                idlePolls = records.isEmpty() ? idlePolls + 1 : 0;
                for (ConsumerRecord<String, String> record : records) {
                    duplicates += received.add(record.value()) ? 0 : 1;
                    partitions.add(record.partition());
                }
            }
            consumer.commitSync();
        }

        assertThat(received).isEqualTo(sent);
        assertThat(duplicates).isZero();
        assertThat(partitions).containsExactlyInAnyOrder(0, 1, 2);
    }

    @Test
    void aDeletedTopicIsGoneAndItsNameCanBeUsedAgain(EmbeddedKafka kafka) {
        kafka.createTopic("smoke-deleted", 2);
        assertThat(kafka.topicNames()).contains("smoke-deleted");

        kafka.deleteTopic("smoke-deleted");
        assertThat(kafka.topicNames()).doesNotContain("smoke-deleted");

        kafka.createTopic("smoke-deleted", 1);
        assertThat(kafka.topicNames()).contains("smoke-deleted");
    }

    @Test
    void creatingAnExistingTopicSaysWhichTopicAndWhere(EmbeddedKafka kafka) {
        kafka.createTopic("smoke-twice", 1);

        assertThatThrownBy(() -> kafka.createTopic("smoke-twice", 1))
                .isInstanceOf(TestServerException.class)
                .hasMessageContaining("create topic 'smoke-twice'")
                .hasMessageContaining(kafka.bootstrapServers())
                .hasMessageContaining("TopicExistsException");
    }

    @Test
    void adminGivesANewClientOfTheCallersOwn(EmbeddedKafka kafka) throws Exception {
        kafka.createTopic("smoke-admin", 1);
        try (Admin admin = kafka.admin()) {
            assertThat(admin.listTopics().names().get()).contains("smoke-admin");
        }
        assertThat(kafka.topicNames()).contains("smoke-admin");
    }

    @Test
    void sharedBrokerIsOnePerJvmAndCloseLeavesItRunning(EmbeddedKafka kafka) {
        EmbeddedKafka.shared().close();

        assertThat(EmbeddedKafka.shared()).isSameAs(kafka);
        kafka.createTopic("smoke-still-running", 1);
        assertThat(kafka.topicNames()).contains("smoke-still-running");
    }

    @Test
    void ownBrokerReleasesItsPortsThreadsAndLogDirectoryOnClose(EmbeddedKafka sharedKafka) throws Exception {
        Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();
        EmbeddedKafka own = EmbeddedKafka.start();
        Path logDirectory = own.logDirectory();
        List<InetSocketAddress> listeners = own.listenerAddresses();
        try {
            assertThat(own.bootstrapServers()).isNotEqualTo(sharedKafka.bootstrapServers());
            own.createTopic("smoke-own", 1);
            assertThat(own.topicNames()).contains("smoke-own");
            assertThat(sharedKafka.topicNames()).doesNotContain("smoke-own");
        } finally {
            own.close();
        }

        assertThat(logDirectory).doesNotExist();
        List<Thread> leftOver = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !threadsBefore.contains(thread))
                .toList();
        for (Thread thread : leftOver) {
            thread.join(10_000); // stopping threads may still be finishing their last loop
        }
        assertThat(leftOver)
                .filteredOn(Thread::isAlive)
                .extracting(Thread::getName)
                .isEmpty();
        for (InetSocketAddress listener : listeners) {
            try (ServerSocket socket = new ServerSocket(listener.getPort(), 1, InetAddress.getByName("127.0.0.1"))) {
                assertThat(socket.getLocalPort()).isEqualTo(listener.getPort());
            }
        }
    }

    @Test
    void brokerLoggersAreQuietUnlessAskedOtherwise(EmbeddedKafka kafka) {
        assertThat(kafka.bootstrapServers()).startsWith("127.0.0.1:");
        for (String name : ServerLogging.KAFKA_LOGGERS) {
            ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(name);
            assertThat(logger.getLevel()).as(name).hasToString(ServerLogging.level());
        }
    }
}
