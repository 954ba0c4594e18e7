package io.github.eventcat.runtime.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.eventcat.runtime.TestClients;
import io.github.eventcat.runtime.registry.RegistryClientConfig;
import io.github.eventcat.runtime.registry.SchemaDefinition;
import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.github.eventcat.runtime.testevents.TicketClosed;
import io.github.eventcat.runtime.testevents.TicketOpened;
import io.github.eventcat.testservers.EmbeddedKafka;
import io.github.eventcat.testservers.EmbeddedSchemaRegistry;
import io.github.eventcat.testservers.WithRealServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Avro serdes through the real broker and registry. */
@WithRealServers
class AvroSerdeRealServersTest {
    private static final SerdeConfig TOPIC_RECORD =
            SerdeConfig.from(Map.of("value.subject.name.strategy", "topic_record"), false);

    private static String avsc(String file) throws Exception {
        return Files.readString(Path.of("src/test/avro", file));
    }

    @Test
    void serializerCalledFromSeveralThreadsAtOnceWritesWhatOneThreadWrites(EmbeddedSchemaRegistry registry)
            throws Exception {
        String topic = "tickets-threads";
        SchemaRegistryClient admin = new SchemaRegistryClient(RegistryClientConfig.of(registry.url()));
        admin.register(
                topic + "-" + TicketOpened.SCHEMA$.getFullName(), SchemaDefinition.avro(avsc("ticket_opened.avsc")));
        admin.register(
                topic + "-" + TicketClosed.SCHEMA$.getFullName(), SchemaDefinition.avro(avsc("ticket_closed.avsc")));
        AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>(
                new SchemaRegistryClient(RegistryClientConfig.of(registry.url())), TOPIC_RECORD, false);
        // Two event types alternating (the serializer's last-hit cache changes hands), one larger than the kept buffer.
        List<SpecificRecord> events = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            events.add(
                    i % 2 == 0
                            ? new TicketOpened("t-" + i, i == 100 ? "x".repeat(100_000) : "cust" + i, i % 5)
                            : new TicketClosed("t-" + i, "done " + i));
        }
        List<byte[]> expected =
                events.stream().map(e -> serializer.serialize(topic, e)).toList();
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t * 37;
                results.add(threads.submit(() -> {
                    for (int round = 0; round < 50; round++) {
                        for (int i = 0; i < events.size(); i++) {
                            int at = (i + offset) % events.size();
                            if (!java.util.Arrays.equals(
                                    serializer.serialize(topic, events.get(at)), expected.get(at))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (java.util.concurrent.Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(expected.get(100).length).isGreaterThan(100_000);
    }

    @Test
    void specificRecordsOfAMultiEventTopicRoundTripWithIdsCached(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry)
            throws Exception {
        String topic = "tickets-avro";
        kafka.createTopic(topic, 3);
        // What registry:sync does: register the catalog's .avsc files (no avro.java.string properties).
        SchemaRegistryClient admin = new SchemaRegistryClient(RegistryClientConfig.of(registry.url()));
        int openedId = admin.register(
                topic + "-" + TicketOpened.SCHEMA$.getFullName(), SchemaDefinition.avro(avsc("ticket_opened.avsc")));
        int closedId = admin.register(
                topic + "-" + TicketClosed.SCHEMA$.getFullName(), SchemaDefinition.avro(avsc("ticket_closed.avsc")));

        SchemaRegistryClient producerClient = new SchemaRegistryClient(RegistryClientConfig.of(registry.url()));
        AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>(producerClient, TOPIC_RECORD, false);
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", kafka.bootstrapServers()), new StringSerializer(), serializer)) {
            producer.send(new ProducerRecord<>(topic, "t-0", new TicketOpened("t-0", "ann", 1)))
                    .get();
            producer.send(new ProducerRecord<>(topic, "t-0", new TicketClosed("t-0", "fixed")))
                    .get();
            long afterFirstOfEach = producerClient.requestCount();
            // Per event type, once: a lookup, and (when the registry compares text) a look through the versions.
            assertThat(afterFirstOfEach).isBetween(2L, 6L);
            for (int i = 1; i < 100; i++) {
                producer.send(new ProducerRecord<>(topic, "t-" + i, new TicketOpened("t-" + i, "cust" + i, i % 5)));
                producer.send(new ProducerRecord<>(topic, "t-" + i, new TicketClosed("t-" + i, "done " + i)));
            }
            producer.flush();
            assertThat(producerClient.requestCount()).isEqualTo(afterFirstOfEach);
        }

        SchemaRegistryClient consumerClient = new SchemaRegistryClient(RegistryClientConfig.of(registry.url()));
        AvroDeserializer<Object> deserializer = new AvroDeserializer<>(
                consumerClient,
                Map.of(
                        TicketOpened.SCHEMA$.getFullName(),
                        TicketOpened.class,
                        TicketClosed.SCHEMA$.getFullName(),
                        TicketClosed.class));
        List<ConsumerRecord<String, Object>> records =
                TestClients.readAll(TestClients.consumerConfig(kafka.bootstrapServers()), topic, deserializer, 200);

        assertThat(records).hasSize(200);
        assertThat(consumerClient.requestCount()).isEqualTo(2); // one schema fetch per id
        assertThat(records)
                .filteredOn(r -> r.key().equals("t-7"))
                .extracting(ConsumerRecord::value)
                .containsExactly(new TicketOpened("t-7", "cust7", 2), new TicketClosed("t-7", "done 7"));
        // Confluent wire format on the topic itself.
        List<ConsumerRecord<String, byte[]>> bytes = TestClients.readAllBytes(kafka.bootstrapServers(), topic, 200);
        assertThat(bytes).allSatisfy(r -> {
            assertThat(r.value()[0]).isZero();
            assertThat(WireFormat.schemaId(topic, r.value())).isIn(openedId, closedId);
        });
    }

    @Test
    void readsAnOlderWriterSchemaIntoTheGeneratedClassWithSchemaResolution(
            EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) {
        String topic = "tickets-evolution";
        kafka.createTopic(topic, 1);
        Schema oldOpened = new Schema.Parser().parse("""
                {"type":"record","name":"TicketOpened","namespace":"io.github.eventcat.runtime.testevents",
                 "fields":[{"name":"ticket_id","type":"string"},{"name":"customer","type":"string"}]}""");
        GenericRecord old = new GenericData.Record(oldOpened);
        old.put("ticket_id", "t-old");
        old.put("customer", "bea");

        SchemaRegistryClient client = new SchemaRegistryClient(RegistryClientConfig.of(registry.url()));
        AvroSerializer<GenericRecord> serializer =
                new AvroSerializer<>(client, SerdeConfig.from(Map.of("auto.register.schemas", "true"), false), false);
        try (KafkaProducer<String, GenericRecord> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", kafka.bootstrapServers()), new StringSerializer(), serializer)) {
            producer.send(new ProducerRecord<>(topic, "t-old", old));
        }

        AvroDeserializer<Object> specific =
                new AvroDeserializer<>(client, Map.of(TicketOpened.SCHEMA$.getFullName(), TicketOpened.class));
        specific.configure(Map.of("schema.registry.url", registry.url()), false); // keeps the types it was built with
        List<ConsumerRecord<String, Object>> records =
                TestClients.readAll(TestClients.consumerConfig(kafka.bootstrapServers()), topic, specific, 1);
        assertThat(records).extracting(ConsumerRecord::value).containsExactly(new TicketOpened("t-old", "bea", 3));

        AvroDeserializer<GenericRecord> generic = new AvroDeserializer<>(client, Map.of());
        assertThat(TestClients.readAll(TestClients.consumerConfig(kafka.bootstrapServers()), topic, generic, 1))
                .extracting(r -> r.value().get("customer").toString())
                .containsExactly("bea");
    }

    @Test
    void anUnregisteredSchemaFailsWithTheSubjectAndWhatToDo(EmbeddedSchemaRegistry registry) {
        SchemaRegistryClient client = new SchemaRegistryClient(RegistryClientConfig.of(registry.url()));
        AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>(client, TOPIC_RECORD, false);

        assertThatThrownBy(() -> serializer.serialize("nowhere", new TicketClosed("t", "r")))
                .isInstanceOfSatisfying(SchemaLookupException.class, e -> {
                    assertThat(e.subject()).isEqualTo("nowhere-io.github.eventcat.runtime.testevents.TicketClosed");
                    assertThat(e.getMessage())
                            .contains(
                                    "is not registered under subject nowhere-io.github",
                                    "registry:sync",
                                    "auto.register.schemas=true");
                });
    }

    @Test
    void unknownSchemaIdIsAPoisonRecord(EmbeddedSchemaRegistry registry) {
        AvroDeserializer<Object> deserializer =
                new AvroDeserializer<>(new SchemaRegistryClient(RegistryClientConfig.of(registry.url())), Map.of());

        assertThatThrownBy(() -> deserializer.deserialize("t", WireFormat.frame(999_999, new byte[] {2, 65})))
                .isInstanceOfSatisfying(PoisonRecordException.class, e -> {
                    assertThat(e.reason()).isEqualTo(PoisonRecordException.Reason.UNKNOWN_SCHEMA_ID);
                    assertThat(e.schemaId()).isEqualTo(999_999);
                });
    }

    @Test
    void aRecordIsWrittenAsItsBranchOfAUnionSubject(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry)
            throws Exception {
        String topic = "tickets-union";
        kafka.createTopic(topic, 1);
        // TOPIC naming with several event types: the value subject holds a union of the records.
        String union = "[" + avsc("ticket_opened.avsc") + "," + avsc("ticket_closed.avsc") + "]";
        SchemaRegistryClient admin = new SchemaRegistryClient(RegistryClientConfig.of(registry.url()));
        int unionId = admin.register(topic + "-value", SchemaDefinition.avro(union));

        AvroSerializer<SpecificRecord> serializer =
                new AvroSerializer<>(new SchemaRegistryClient(RegistryClientConfig.of(registry.url())));
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", kafka.bootstrapServers()), new StringSerializer(), serializer)) {
            producer.send(new ProducerRecord<>(topic, "t-1", new TicketOpened("t-1", "ann", 3)))
                    .get();
            producer.send(new ProducerRecord<>(topic, "t-1", new TicketClosed("t-1", "fixed")))
                    .get();
        }

        List<ConsumerRecord<String, byte[]>> bytes = TestClients.readAllBytes(kafka.bootstrapServers(), topic, 2);
        assertThat(bytes).extracting(r -> WireFormat.schemaId(topic, r.value())).containsExactly(unionId, unionId);
        // Avro's union encoding: the branch index (zig-zag varint: 0 → 0x00, 1 → 0x02), then the record.
        assertThat(bytes).extracting(r -> r.value()[5]).containsExactly((byte) 0, (byte) 2);
        // What any Avro reader of the union schema makes of it.
        Schema unionSchema = new Schema.Parser().parse(union);
        GenericRecord closed = (GenericRecord) new org.apache.avro.generic.GenericDatumReader<Object>(unionSchema)
                .read(
                        null,
                        org.apache.avro.io.DecoderFactory.get()
                                .binaryDecoder(
                                        bytes.get(1).value(), 5, bytes.get(1).value().length - 5, null));
        assertThat(closed.getSchema().getFullName()).isEqualTo(TicketClosed.SCHEMA$.getFullName());
        assertThat(closed.get("resolution").toString()).isEqualTo("fixed");

        AvroDeserializer<Object> deserializer = new AvroDeserializer<>(
                new SchemaRegistryClient(RegistryClientConfig.of(registry.url())),
                Map.of(
                        TicketOpened.SCHEMA$.getFullName(),
                        TicketOpened.class,
                        TicketClosed.SCHEMA$.getFullName(),
                        TicketClosed.class));
        assertThat(TestClients.readAll(TestClients.consumerConfig(kafka.bootstrapServers()), topic, deserializer, 2))
                .extracting(ConsumerRecord::value)
                .containsExactly(new TicketOpened("t-1", "ann", 3), new TicketClosed("t-1", "fixed"));
    }

    @Test
    void aProducerPointedAtAWrongPathSaysSoInsteadOfNotRegistered(EmbeddedSchemaRegistry registry) throws Exception {
        // The registry's own 404s carry 404xx codes; the server root without /apis/ccompat/v7 answers
        // a bare 404, which must not read as "the schema is not registered".
        String root = registry.url().replaceFirst("/apis/ccompat/v[0-9]+/?$", "");
        assertThat(root).isNotEqualTo(registry.url());
        SchemaRegistryClient wrongPath = new SchemaRegistryClient(RegistryClientConfig.of(root));
        AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>(wrongPath, TOPIC_RECORD, false);

        assertThatThrownBy(() -> serializer.serialize("tickets-wrong-path", new TicketOpened("t-0", "ann", 1)))
                .hasMessageContaining("the URL path looks wrong")
                .hasMessageNotContaining("is not registered");
    }
}
