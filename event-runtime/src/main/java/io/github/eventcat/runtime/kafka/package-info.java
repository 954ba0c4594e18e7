/**
 * Producer and consumer support that generated code calls: {@link io.github.eventcat.runtime.kafka.EventProducer}
 * and {@link io.github.eventcat.runtime.kafka.EventConsumer}.
 *
 * <h2>What a code generator emits per topic</h2>
 *
 * <p>A {@code <Topic>Producer} wraps one {@code EventProducer} and has one {@code send} per event type:
 *
 * <pre>{@code
 * public final class TicketsProducer implements AutoCloseable {
 *     private final EventProducer<SpecificRecord> producer;
 *
 *     public TicketsProducer(Map<String, ?> config) {
 *         SchemaRegistryClient registry = SchemaRegistryClient.fromConfig(config);
 *         AvroSerializer<SpecificRecord> values = new AvroSerializer<>(registry, SerdeConfig.from(config, false), false);
 *         this.producer = EventProducer.<SpecificRecord>builder(config)
 *                 .topic(Topics.TICKETS)
 *                 .key(event -> event.get("ticket_id"))      // or a switch over the event types' getters
 *                 .valueSerializer(values)
 *                 .build();
 *     }
 *
 *     public CompletableFuture<RecordMetadata> send(TicketOpened event) { return producer.send(event); }
 *     public CompletableFuture<RecordMetadata> send(TicketClosed event) { return producer.send(event); }
 *     public void inTransaction(Consumer<TicketsProducer> body) { producer.inTransaction(p -> body.accept(this)); }
 *     public void close() { producer.close(); }
 * }
 * }</pre>
 *
 * <p>A {@code <Topic>Handler} is an interface with one method per event type; a {@code <Topic>Consumer}
 * turns it into an {@link io.github.eventcat.runtime.kafka.EventDispatcher} and runs an {@code EventConsumer}:
 *
 * <pre>{@code
 * public final class TicketsConsumer implements AutoCloseable {
 *     private final EventConsumer<Object> consumer;
 *
 *     public TicketsConsumer(Map<String, ?> config, TicketsHandler handler) {
 *         SchemaRegistryClient registry = SchemaRegistryClient.fromConfig(config);
 *         AvroDeserializer<Object> values = new AvroDeserializer<>(registry, Map.of(
 *                 TicketOpened.SCHEMA$.getFullName(), TicketOpened.class,
 *                 TicketClosed.SCHEMA$.getFullName(), TicketClosed.class));
 *         this.consumer = EventConsumer.builder(config)
 *                 .topics(Topics.TICKETS)
 *                 .valueDeserializer(values)
 *                 .handler(EventDispatcher.builder()
 *                         .on(TicketOpened.class, (event, context) -> handler.onTicketOpened(event, context))
 *                         .on(TicketClosed.class, (event, context) -> handler.onTicketClosed(event, context))
 *                         .build())
 *                 .build();
 *     }
 *
 *     public TicketsConsumer start() { consumer.start(); return this; }   // own thread
 *     public void run() { consumer.run(); }                               // caller's thread
 *     public ConsumerHealth health() { return consumer.health(); }        // RUNNING, PAUSED + why, ...
 *     public void close() { consumer.close(); }
 * }
 * }</pre>
 *
 * <p>JSON Schema events use {@link io.github.eventcat.runtime.serde.JsonSchemaSerializer} with
 * {@link io.github.eventcat.runtime.serde.JsonEventType}s (or a {@code public static final String
 * JSON_SCHEMA} constant on each generated record) and {@link io.github.eventcat.runtime.serde.JsonSchemaDeserializer}
 * with a map from schema {@code title} to record class.
 *
 * <h2>Configuration</h2>
 * One {@code Map}/{@code Properties} in Kafka's style configures everything: Kafka's own keys
 * ({@code bootstrap.servers}, {@code group.id}, {@code security.protocol}, {@code sasl.mechanism},
 * {@code sasl.jaas.config}, {@code ssl.*}, {@code transactional.id}, {@code isolation.level}...) go to
 * the clients untouched; {@code schema.registry.*} keys configure the registry client
 * ({@link io.github.eventcat.runtime.registry.RegistryClientConfig}); serde keys are in
 * {@link io.github.eventcat.runtime.serde.SerdeConfig}; {@code eventcat.consumer.*} keys are in
 * {@link io.github.eventcat.runtime.kafka.EventConsumer}.
 *
 * <p>Producers are idempotent with {@code acks=all} unless configured otherwise. Consumers never
 * auto-commit, and start from {@code earliest} when the group has no offset yet (unless
 * {@code auto.offset.reset} says otherwise).
 */
package io.github.eventcat.runtime.kafka;
