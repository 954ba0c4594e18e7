package io.github.eventcat.cli;

import io.github.eventcat.runtime.kafka.KafkaSecurityErrors;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Asks the broker about a topic before anything is produced or consumed, within the connection
 * timeout: Kafka's clients would otherwise retry an unreachable broker silently for minutes.
 */
final class Brokers {
    private Brokers() {}

    /** The topic as the broker knows it. */
    static TopicDescription describe(Connection connection, String topic) {
        Duration timeout = connection.timeout();
        Map<String, Object> properties = connection.kafkaProperties();
        try (Admin admin = Admin.create(properties)) {
            try {
                return admin.describeTopics(List.of(topic))
                        .allTopicNames()
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                        .get(topic);
            } catch (TimeoutException e) {
                throw unreachable(connection, e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof UnknownTopicOrPartitionException) {
                    throw new CliException(
                            ExitCode.UNAVAILABLE,
                            "Topic '" + topic + "' does not exist on the broker at "
                                    + connection.bootstrapServers()
                                    + ": create it first (mvn registry:sync with topic creation,"
                                    + " or kafka-topics.sh --create)",
                            cause);
                }
                if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
                    throw unreachable(connection, cause);
                }
                if (cause instanceof AuthenticationException || cause instanceof AuthorizationException) {
                    // Login, TLS or ACL: the message names the user and the setting of --config to check.
                    throw new CliException(
                            ExitCode.UNAVAILABLE,
                            KafkaSecurityErrors.of(properties).explain(cause).getMessage(),
                            cause);
                }
                throw new CliException(
                        ExitCode.UNAVAILABLE,
                        "Tried to describe topic '" + topic + "' at " + connection.bootstrapServers()
                                + " but failed because: " + cause,
                        cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException(ExitCode.UNAVAILABLE, "Interrupted while waiting for the broker", e);
            } finally {
                // Do not wait for a broker that never answered.
                admin.close(Duration.ZERO);
            }
        } catch (KafkaException e) {
            throw new CliException(
                    ExitCode.UNAVAILABLE,
                    "Could not connect to Kafka at " + connection.bootstrapServers() + ": " + rootMessage(e)
                            + " — check --bootstrap-servers and the --config settings",
                    e);
        }
    }

    static CliException unreachable(Connection connection, Throwable cause) {
        return new CliException(
                ExitCode.UNAVAILABLE,
                "Could not reach the Kafka broker at " + connection.bootstrapServers()
                        + " within " + seconds(connection.timeout())
                        + ": check that it runs, the address (--bootstrap-servers or "
                        + Connection.BOOTSTRAP_ENV
                        + "), and the security settings of --config (SASL/SSL); --connect-timeout waits longer",
                cause);
    }

    static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
    }
}
