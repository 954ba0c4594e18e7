package io.github.eventcat.runtime.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Writes failed records, byte for byte, to their dead-letter topic with the failure in headers. */
final class DeadLetterPublisher implements AutoCloseable {
    private static final int MAX_MESSAGE_CHARS = 4_000;

    private final Producer<byte[], byte[]> producer;
    private final Function<String, String> dlqTopicFor;

    DeadLetterPublisher(Producer<byte[], byte[]> producer, Function<String, String> dlqTopicFor) {
        this.producer = producer;
        this.dlqTopicFor = dlqTopicFor;
    }

    String topicFor(String topic) {
        return dlqTopicFor.apply(topic);
    }

    /** Returns once the broker acknowledged the write; throws {@link DeadLetterException} otherwise. */
    void publish(ConsumerRecord<byte[], byte[]> record, Throwable failure, int attempts) {
        String dlqTopic = dlqTopicFor.apply(record.topic());
        Headers headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header);
        }
        add(headers, DeadLetterHeaders.ORIGINAL_TOPIC, record.topic());
        add(headers, DeadLetterHeaders.ORIGINAL_PARTITION, Integer.toString(record.partition()));
        add(headers, DeadLetterHeaders.ORIGINAL_OFFSET, Long.toString(record.offset()));
        add(headers, DeadLetterHeaders.EXCEPTION_CLASS, failure.getClass().getName());
        add(headers, DeadLetterHeaders.EXCEPTION_MESSAGE, message(failure));
        add(headers, DeadLetterHeaders.FAILED_AT, Instant.now().toString());
        add(headers, DeadLetterHeaders.ATTEMPTS, Integer.toString(attempts));
        ProducerRecord<byte[], byte[]> dead =
                new ProducerRecord<>(dlqTopic, null, record.key(), record.value(), headers);
        try {
            producer.send(dead).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeadLetterException(dlqTopic, record.topic(), record.partition(), record.offset(), e);
        } catch (ExecutionException e) {
            throw new DeadLetterException(dlqTopic, record.topic(), record.partition(), record.offset(), e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            throw new DeadLetterException(dlqTopic, record.topic(), record.partition(), record.offset(), e);
        }
    }

    private static String message(Throwable failure) {
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        return message.length() <= MAX_MESSAGE_CHARS ? message : message.substring(0, MAX_MESSAGE_CHARS) + "…";
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
