package io.github.eventcat.registry.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.eventcat.catalog.CatalogLoader;
import io.github.eventcat.testservers.EmbeddedSchemaRegistry;
import io.github.eventcat.testservers.SecuredKafka;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * registry.topics=true against a broker that only speaks SASL_SSL + SCRAM-SHA-256 and checks ACLs:
 * the Admin client gets the same Kafka settings a service would ({@code security.protocol},
 * {@code sasl.*}, {@code ssl.truststore.*}), acts as its own principal, and a wrong password or a
 * missing ACL says which one to fix. Ordered: the topics must not exist yet when the principal
 * without CREATE tries.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TopicSyncSaslSslTest {
    private static SecuredKafka kafka;
    private static EmbeddedSchemaRegistry registry;

    @BeforeAll
    static void start() {
        registry = EmbeddedSchemaRegistry.shared();
        registry.reset();
        kafka = SecuredKafka.builder().user("provisioner").user("viewer").acls().start();
        kafka.allow(
                "provisioner",
                ResourceType.TOPIC,
                "*",
                AclOperation.CREATE,
                AclOperation.DESCRIBE,
                AclOperation.DESCRIBE_CONFIGS,
                AclOperation.ALTER);
        kafka.allow("viewer", ResourceType.TOPIC, "*", AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS);
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    private static Map<String, String> adminConfig(String user, String password) {
        Map<String, String> config = new TreeMap<>();
        kafka.clientConfig(user, password).forEach((key, value) -> config.put(key, value.toString()));
        return config;
    }

    private static SyncRequest request(Map<String, String> kafkaAdmin) {
        return new SyncRequest(
                RegistryConnection.of(registry.url()),
                ExampleCatalog.source(),
                2,
                false,
                false,
                Optional.of(kafkaAdmin));
    }

    @Test
    @Order(3)
    void provisionsTheCatalogsTopicsThroughTheSecuredAdminClientAsItsOwnPrincipal() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();

        SyncResult result =
                new RegistrySync(log::add).sync(request(adminConfig("provisioner", kafka.password("provisioner"))));

        List<String> catalogTopics = CatalogLoader.load(ExampleCatalog.source()).topics().stream()
                .map(io.github.eventcat.catalog.Topic::name)
                .toList();
        assertThat(result.failedTopics()).isEmpty();
        assertThat(kafka.internal().topicNames()).containsAll(catalogTopics);
        try (Admin admin = kafka.admin()) {
            assertThat(admin.describeTopics(List.of("tickets"))
                            .allTopicNames()
                            .get()
                            .get("tickets")
                            .partitions())
                    .hasSize(3);
        }
        assertThat(String.join("\n", log)).doesNotContain(kafka.password("provisioner"), kafka.truststorePassword());

        SyncResult again =
                new RegistrySync(line -> {}).sync(request(adminConfig("provisioner", kafka.password("provisioner"))));
        assertThat(again.plan().isUpToDate()).isTrue();
    }

    @Test
    @Order(2)
    void aWrongPasswordFailsThePlanWithOneErrorNamingTheUserAndTheSetting() {
        String wrong = "wrong-password-123";
        List<String> log = new CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> new RegistrySync(log::add).sync(request(adminConfig("provisioner", wrong))))
                .isInstanceOf(TopicSyncException.class)
                .hasMessageStartingWith("Tried to list topics but failed because: Kafka at " + kafka.bootstrapServers()
                        + " rejected the SASL login of user 'provisioner' with SCRAM-SHA-256: check the username and"
                        + " password in sasl.jaas.config")
                .hasMessageNotContaining(wrong);
        assertThat(String.join("\n", log)).doesNotContain(wrong);
    }

    @Test
    @Order(1)
    void aPrincipalWithoutCreateGetsTheTopicsItCouldNotCreateAsFailuresNamingItself() {
        assertThatThrownBy(() ->
                        new RegistrySync(line -> {}).sync(request(adminConfig("viewer", kafka.password("viewer")))))
                .isInstanceOfSatisfying(
                        SyncFailedException.class,
                        e -> assertThat(e.result().failedTopics()).isNotEmpty().allSatisfy(outcome -> assertThat(
                                        outcome.message())
                                .startsWith("Tried to create topic "
                                        + outcome.plan().topic() + " but failed because: Kafka at "
                                        + kafka.bootstrapServers() + " denied user 'viewer' this topic operation")
                                .contains("grant that principal an ACL")));
    }
}
