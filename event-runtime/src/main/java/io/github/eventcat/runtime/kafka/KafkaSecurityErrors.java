package io.github.eventcat.runtime.kafka;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;

/**
 * Turns Kafka's authentication and authorisation failures into one message that says what to
 * check: Kafka's own ("SSL handshake failed", "invalid credentials") name neither the setting nor
 * the principal. The result has the same exception type as the original (so {@code catch} clauses
 * keep working) and the original as its cause. Messages name the user, never a password; no
 * setting's value is quoted except {@code bootstrap.servers}, the user name and the truststore's path.
 */
public final class KafkaSecurityErrors {
    private static final Pattern USERNAME = Pattern.compile("username\\s*=\\s*\"([^\"]*)\"");

    private final String bootstrapServers;
    private final String user;
    private final String mechanism;
    private final String truststore;

    private KafkaSecurityErrors(String bootstrapServers, String user, String mechanism, String truststore) {
        this.bootstrapServers = bootstrapServers;
        this.user = user;
        this.mechanism = mechanism;
        this.truststore = truststore;
    }

    /** For the clients made from {@code config} (the user's Kafka settings). */
    public static KafkaSecurityErrors of(Map<String, ?> config) {
        return new KafkaSecurityErrors(
                text(config, "bootstrap.servers", "(bootstrap.servers not set)"),
                user(config),
                text(config, "sasl.mechanism", "GSSAPI"),
                text(config, "ssl.truststore.location", null));
    }

    /** The principal's name from {@code sasl.jaas.config}, or null. */
    private static String user(Map<String, ?> config) {
        Object jaas = config.get("sasl.jaas.config");
        if (jaas == null) {
            return null;
        }
        // Kafka's Password type prints "[hidden]"; its value() is the text.
        String text = jaas instanceof Password password ? password.value() : jaas.toString();
        Matcher matcher = USERNAME.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String text(Map<String, ?> config, String key, String fallback) {
        Object value = config.get(key);
        return value == null || value.toString().isBlank()
                ? fallback
                : value.toString().trim();
    }

    /** {@code error} with a message that says what to check, or {@code error} itself when it is not about security. */
    public Throwable explain(Throwable error) {
        if (error instanceof SaslAuthenticationException e) {
            return new SaslAuthenticationException(
                    "Kafka at " + bootstrapServers + " rejected the SASL login"
                            + (user == null ? "" : " of user '" + user + "'") + " with " + mechanism
                            + ": check the username and password in sasl.jaas.config, and that sasl.mechanism is one the broker"
                            + " offers for this user (broker said: " + e.getMessage() + ")",
                    e);
        }
        if (error instanceof SslAuthenticationException e) {
            return new SslAuthenticationException(tlsMessage(e), e);
        }
        if (error instanceof TopicAuthorizationException e) {
            return new TopicAuthorizationException(
                    "Kafka at " + bootstrapServers + " denied " + principal()
                            + (e.unauthorizedTopics().isEmpty()
                                    ? " this topic operation (Kafka said: " + e.getMessage() + ")"
                                    : " access to topic(s) " + e.unauthorizedTopics())
                            + ": grant that principal an ACL for the operation"
                            + " (kafka-acls --add --allow-principal User:" + (user == null ? "<user>" : user)
                            + " --operation <Write, Read, Create...> --topic <topic>), or use the credentials of a principal that has one",
                    e.unauthorizedTopics());
        }
        if (error instanceof GroupAuthorizationException e) {
            return new GroupAuthorizationException(
                    "Kafka at " + bootstrapServers + " denied " + principal()
                            + " READ on consumer group '" + e.groupId()
                            + "': grant that principal READ on the group (ACL), or"
                            + " change group.id",
                    e.groupId());
        }
        return error;
    }

    /** As {@link #explain(Throwable)}; every replacement is a {@code RuntimeException} too. */
    public RuntimeException explain(RuntimeException error) {
        return (RuntimeException) explain((Throwable) error);
    }

    private String principal() {
        return user == null ? "this client's principal" : "user '" + user + "'";
    }

    private String tlsMessage(SslAuthenticationException e) {
        String root = rootMessage(e);
        String where = "The TLS handshake with Kafka at " + bootstrapServers + " failed";
        String store = truststore == null
                ? "ssl.truststore.location is not set, so only the JDK's default CAs are trusted"
                : "ssl.truststore.location is " + truststore;
        if (root.contains("PKIX") || root.contains("certification path") || root.contains("unable to find valid")) {
            return where + ": the broker's certificate is not trusted. Check that ssl.truststore.location holds the CA"
                    + " that signed it (and ssl.truststore.type / ssl.truststore.password fit that file); " + store
                    + ". (" + root + ")";
        }
        if (root.contains("subject alternative") || root.contains("No name matching")) {
            return where + ": the broker's certificate does not name the host in bootstrap.servers. Connect with a"
                    + " name the certificate lists, or have it reissued. (" + root + ")";
        }
        return where + ": check the ssl.* settings (" + store + ") and that the listener speaks TLS. (" + root + ")";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
