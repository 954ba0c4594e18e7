package com.example.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.events.AppointmentsProducer;
import com.example.events.TicketsConsumer;
import com.example.events.TicketsHandler;
import com.example.events.TicketsProducer;
import com.example.repairshop.AppointmentBooked;
import com.example.repairshop.RepairType;
import com.example.repairshop.Requester;
import com.example.repairshop.TicketClosed;
import com.example.repairshop.TicketOpened;
import io.github.eventcat.runtime.kafka.EventContext;
import io.github.eventcat.testservers.BasicAuthProxy;
import io.github.eventcat.testservers.EmbeddedSchemaRegistry;
import io.github.eventcat.testservers.SecuredKafka;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated producer and consumer on a broker that only speaks SASL_SSL with SCRAM-SHA-256
 * and checks ACLs, with the registry behind HTTP basic auth: two credential sets in one service
 * configuration, principals that each act as themselves, clear errors for a wrong password, an
 * untrusted certificate and a missing ACL, and no secret in any log line.
 */
class SaslSslFlowTest {
    private static final String REGISTRY_USER = "registry-ci";
    private static final String REGISTRY_PASSWORD = "reg-" + UUID.randomUUID();
    private static final String WRONG_PASSWORD = "wrong-" + UUID.randomUUID();

    private static CapturedOutput output;
    private static SecuredKafka kafka;
    private static BasicAuthProxy registryProxy;

    @BeforeAll
    static void start() {
        // Client and config classes at INFO (each client prints its whole configuration there), when this
        // class is the first of the JVM to create those loggers; the broker's own stay as test-servers sets them.
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka.common.config", "info");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka.clients", "info");
        System.setProperty("org.slf4j.simpleLogger.log.io.github.eventcat", "debug");
        output = CapturedOutput.install();
        EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.shared();
        registry.reset();
        E2e.registerCatalog(registry);
        registryProxy = new BasicAuthProxy(registry.url(), REGISTRY_USER, REGISTRY_PASSWORD);
        kafka = SecuredKafka.builder()
                .user("ticketing")
                .user("secretary")
                .user("booking")
                .user("auditor")
                .user("stranger")
                .acls()
                .start();
        for (String topic : List.of("tickets", "tickets.dlq", "appointments")) {
            kafka.createTopic(topic, E2e.partitions(topic.replace(".dlq", "")));
        }
        kafka.allow("ticketing", ResourceType.TOPIC, "tickets", AclOperation.WRITE, AclOperation.DESCRIBE);
        kafka.allow("booking", ResourceType.TOPIC, "appointments", AclOperation.WRITE, AclOperation.DESCRIBE);
        kafka.allow("secretary", ResourceType.TOPIC, "tickets", AclOperation.READ, AclOperation.DESCRIBE);
        kafka.allow("secretary", ResourceType.TOPIC, "tickets.dlq", AclOperation.WRITE, AclOperation.DESCRIBE);
        kafka.allow("secretary", ResourceType.GROUP, "secretary", AclOperation.READ);
        // The auditor reads tickets in its group but may not write the dead-letter topic.
        kafka.allow("auditor", ResourceType.TOPIC, "tickets", AclOperation.READ, AclOperation.DESCRIBE);
        kafka.allow("auditor", ResourceType.GROUP, "auditors", AclOperation.READ);
        // The stranger may read tickets, but in no group.
        kafka.allow("stranger", ResourceType.TOPIC, "tickets", AclOperation.READ, AclOperation.DESCRIBE);
    }

    @AfterAll
    static void stop() {
        try {
            if (registryProxy != null) {
                registryProxy.close();
            }
            if (kafka != null) {
                kafka.close();
            }
        } finally {
            if (output != null) {
                output.close();
            }
        }
    }

    @AfterEach
    void noSecretWasLogged() {
        assertThat(output.leaked(secrets()))
                .as("secrets whose value appears in System.out/err")
                .isEmpty();
    }

    private static Map<String, String> secrets() {
        Map<String, String> secrets = new LinkedHashMap<>();
        kafka.users().forEach(user -> secrets.put("SCRAM password of " + user, kafka.password(user)));
        secrets.put("store password", kafka.truststorePassword());
        secrets.put("registry password", REGISTRY_PASSWORD);
        secrets.put("registry basic auth header", basic(REGISTRY_USER, REGISTRY_PASSWORD));
        secrets.put("wrong password", WRONG_PASSWORD);
        return secrets;
    }

    /** One service's configuration: the Kafka principal (SCRAM) and the registry user (basic auth), side by side. */
    private static Map<String, Object> serviceConfig(String kafkaUser) {
        Map<String, Object> config = new HashMap<>(kafka.clientConfig(kafkaUser));
        config.put("schema.registry.url", registryProxy.url());
        config.put("basic.auth.credentials.source", "USER_INFO");
        config.put("basic.auth.user.info", REGISTRY_USER + ":" + REGISTRY_PASSWORD);
        return config;
    }

    @Test
    void generatedProducerToGeneratedConsumerOverSaslSslWithTheRegistryBehindBasicAuth() throws Exception {
        TicketOpened opened = opened(UUID.randomUUID());
        RecordMetadata sent;
        try (TicketsProducer producer = new TicketsProducer(serviceConfig("ticketing"))) {
            sent = producer.send(opened).get(30, TimeUnit.SECONDS);
        }

        List<Object> received = new CopyOnWriteArrayList<>();
        Map<String, Object> consumerConfig = serviceConfig("secretary");
        consumerConfig.put("group.id", "secretary");
        try (TicketsConsumer consumer = new TicketsConsumer(consumerConfig, collecting(received)).start()) {
            E2e.await("the ticket received by the secretary", () -> received.contains(opened));
        }

        assertThat(received).contains(opened); // other tests of the class write tickets too
        assertThat(sent.topic()).isEqualTo("tickets");
        // Only the registry credentials reached the registry; the Kafka passwords never did.
        assertThat(registryProxy.authorizations()).isNotEmpty().allSatisfy(header -> assertThat(header)
                .isEqualTo(basic(REGISTRY_USER, REGISTRY_PASSWORD)));
    }

    @Test
    void twoProducersWithDifferentPrincipalsInOneJvmEachActAsItself() throws Exception {
        try (TicketsProducer ticketsAsTicketing = new TicketsProducer(serviceConfig("ticketing"));
                TicketsProducer ticketsAsBooking = new TicketsProducer(serviceConfig("booking"));
                AppointmentsProducer appointmentsAsBooking = new AppointmentsProducer(serviceConfig("booking"));
                AppointmentsProducer appointmentsAsTicketing = new AppointmentsProducer(serviceConfig("ticketing"))) {
            UUID ticket = UUID.randomUUID();

            assertThat(ticketsAsTicketing
                            .send(opened(ticket))
                            .get(30, TimeUnit.SECONDS)
                            .topic())
                    .isEqualTo("tickets");
            assertThat(appointmentsAsBooking
                            .send(booked(ticket))
                            .get(30, TimeUnit.SECONDS)
                            .topic())
                    .isEqualTo("appointments");
            assertThatThrownBy(() -> ticketsAsBooking.send(opened(ticket)).get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(TopicAuthorizationException.class)
                    .hasMessageContaining("denied user 'booking' access to topic(s) [tickets]")
                    .hasMessageContaining("grant that principal an ACL");
            assertThatThrownBy(
                            () -> appointmentsAsTicketing.send(booked(ticket)).get(30, TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOf(TopicAuthorizationException.class)
                    .hasMessageContaining("denied user 'ticketing' access to topic(s) [appointments]");
        }
    }

    @Test
    void aWrongPasswordGivesOneErrorNamingTheUserAndTheSettingToCheck() throws Exception {
        Map<String, Object> config = serviceConfig("ticketing");
        config.put("sasl.jaas.config", SecuredKafka.jaasConfig("ticketing", WRONG_PASSWORD));
        try (TicketsProducer producer = new TicketsProducer(config)) {
            assertThatThrownBy(() -> producer.send(opened(UUID.randomUUID())).get(30, TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOf(SaslAuthenticationException.class)
                    .hasMessageStartingWith("Kafka at " + kafka.bootstrapServers()
                            + " rejected the SASL login of user 'ticketing' with SCRAM-SHA-256: check the username and password"
                            + " in sasl.jaas.config")
                    .hasMessageNotContaining(WRONG_PASSWORD);
        }
        config.put("group.id", "secretary");
        try (TicketsConsumer consumer = new TicketsConsumer(config, collecting(new CopyOnWriteArrayList<>())).start()) {
            E2e.await("the consumer with the wrong password stops", () -> consumer.failure()
                    .isPresent());
            assertThat(consumer.failure())
                    .get()
                    .isInstanceOf(SaslAuthenticationException.class)
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.THROWABLE)
                    .hasMessageContaining(
                            "rejected the SASL login of user 'ticketing' with SCRAM-SHA-256: check the username"
                                    + " and password in sasl.jaas.config");
        }
    }

    @Test
    void anUntrustedCertificateGivesOneErrorNamingTheTruststore() {
        Map<String, Object> config = serviceConfig("ticketing");
        config.keySet().removeIf(key -> key.startsWith("ssl.truststore."));
        try (TicketsProducer producer = new TicketsProducer(config)) {
            assertThatThrownBy(() -> producer.send(opened(UUID.randomUUID())).get(30, TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOf(SslAuthenticationException.class)
                    .hasMessageStartingWith(
                            "The TLS handshake with Kafka at " + kafka.bootstrapServers()
                                    + " failed: the broker's certificate is not trusted. Check that ssl.truststore.location holds the CA")
                    .hasMessageContaining("ssl.truststore.location is not set");
        }
    }

    @Test
    void aConsumerThatMayNotWriteTheDeadLetterTopicPausesWithoutCommittingPastTheUnhandledRecord() throws Exception {
        UUID ticket = UUID.randomUUID();
        TicketOpened before = opened(ticket);
        TicketClosed after = TicketClosed.newBuilder()
                .setTicketId(ticket)
                .setOccurredOn(now())
                .build();
        RecordMetadata poisonAt;
        try (TicketsProducer producer = new TicketsProducer(serviceConfig("ticketing"));
                KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(
                        kafka.clientConfig("ticketing"), new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(before).get(30, TimeUnit.SECONDS);
            poisonAt = raw.send(new ProducerRecord<>(
                            "tickets",
                            ticket.toString().getBytes(StandardCharsets.UTF_8),
                            "not a Confluent wire-format record".getBytes(StandardCharsets.UTF_8)))
                    .get(30, TimeUnit.SECONDS);
            producer.send(after).get(30, TimeUnit.SECONDS);
        }

        List<Object> received = new CopyOnWriteArrayList<>();
        Map<String, Object> config = serviceConfig("auditor");
        config.put("group.id", "auditors");
        try (TicketsConsumer consumer = new TicketsConsumer(config, collecting(received)).start()) {
            // A dead-letter write that fails is an infrastructure failure: the consumer pauses on the
            // record and tries again, it neither skips it nor stops.
            E2e.await("the auditor's consumer pauses", () -> consumer.health().isPaused());
            assertThat(consumer.failure()).isEmpty();
            assertThat(consumer.health().reason())
                    .contains("dead-letter topic tickets.dlq")
                    .contains("check the topic exists and the consumer may write to it");
        }

        assertThat(received)
                .as("the record before the poison one, not the one after")
                .contains(before)
                .doesNotContain(after);
        try (Admin admin = kafka.admin()) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets("auditors")
                    .partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS)
                    .get(new TopicPartition("tickets", poisonAt.partition()));
            assertThat(committed)
                    .as("committed offset of the poison record's partition")
                    .isNotNull();
            assertThat(committed.offset()).isEqualTo(poisonAt.offset());
        }
    }

    @Test
    void aConsumerWhosePrincipalMayNotUseItsGroupStopsWithAnErrorNamingTheGroup() throws Exception {
        Map<String, Object> config = serviceConfig("stranger");
        config.put("group.id", "strangers");
        List<Object> received = new CopyOnWriteArrayList<>();
        try (TicketsConsumer consumer = new TicketsConsumer(config, collecting(received)).start()) {
            E2e.await("the stranger's consumer stops", () -> consumer.failure().isPresent());
            assertThat(consumer.failure())
                    .get()
                    .isInstanceOf(GroupAuthorizationException.class)
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.THROWABLE)
                    .hasMessage(
                            "Kafka at " + kafka.bootstrapServers() + " denied user 'stranger' READ on consumer group"
                                    + " 'strangers': grant that principal READ on the group (ACL), or change group.id");
        }
        assertThat(received).isEmpty();
    }

    private static TicketsHandler collecting(List<Object> received) {
        return new TicketsHandler() {
            @Override
            public void onTicketOpened(TicketOpened event, EventContext context) {
                received.add(event);
            }

            @Override
            public void onTicketClosed(TicketClosed event, EventContext context) {
                received.add(event);
            }
        };
    }

    private static TicketOpened opened(UUID ticket) {
        return TicketOpened.newBuilder()
                .setOccurredOn(now())
                .setTicketId(ticket)
                .setRequester(Requester.newBuilder()
                        .setEmail("kim@example.com")
                        .setName("Kim")
                        .setSurname("Lee")
                        .setAge(30)
                        .build())
                .setRepairType(RepairType.body)
                .build();
    }

    private static AppointmentBooked booked(UUID ticket) {
        return AppointmentBooked.newBuilder()
                .setOccurredOn(now())
                .setTicketId(ticket)
                .setAppointmentId(UUID.randomUUID())
                .setScheduledAt(now().plus(1, ChronoUnit.DAYS))
                .build();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
