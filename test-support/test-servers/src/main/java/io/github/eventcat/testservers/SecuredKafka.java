package io.github.eventcat.testservers;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * A real single-node KRaft broker in this JVM whose client listener is {@code SASL_SSL} with
 * {@code SCRAM-SHA-256}: users and their credentials are written into the metadata when the
 * storage is formatted (what {@code kafka-storage format --add-scram} does), the listener's
 * certificate is signed by a throwaway CA made in this JVM ({@link #truststore()} trusts it), and
 * with {@link Builder#acls()} the {@code StandardAuthorizer} denies whatever no ACL allows.
 *
 * <p>Everything listens on 127.0.0.1 only. Besides {@link #bootstrapServers()} the broker has the
 * {@code PLAINTEXT} and {@code CONTROLLER} listeners it needs internally; on those the principal
 * is {@code User:ANONYMOUS}, a super user (the broker itself talks to its controller that way).
 * {@link #internal()} uses the plaintext one for test set-up; the code under test gets
 * {@link #clientConfig(String)}.
 *
 * <p>Start one per test class and close it ({@code @BeforeAll} / {@code @AfterAll}).
 */
public final class SecuredKafka implements AutoCloseable {
    /** The only SASL mechanism the listener offers. */
    public static final String MECHANISM = "SCRAM-SHA-256";

    static final String LISTENER = "SASL_SSL";
    private static final String SCRAM_LOGIN_MODULE = "org.apache.kafka.common.security.scram.ScramLoginModule";
    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final EmbeddedKafka broker;
    private final int port;
    private final Map<String, String> passwords;
    private final String adminUser;
    private final boolean acls;
    private final TestCertificates certificates;

    private SecuredKafka(
            EmbeddedKafka broker,
            int port,
            Map<String, String> passwords,
            String adminUser,
            boolean acls,
            TestCertificates certificates) {
        this.broker = broker;
        this.port = port;
        this.passwords = Map.copyOf(passwords);
        this.adminUser = adminUser;
        this.acls = acls;
        this.certificates = certificates;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code 127.0.0.1:port} of the {@code SASL_SSL} listener. */
    public String bootstrapServers() {
        return LoopbackPorts.HOST + ":" + port;
    }

    /**
     * What a Kafka client of {@code user} needs: {@code bootstrap.servers}, {@code security.protocol},
     * {@code sasl.mechanism}, {@code sasl.jaas.config} with the user's password, and the truststore.
     */
    public Map<String, Object> clientConfig(String user) {
        return clientConfig(user, password(user));
    }

    /** As {@link #clientConfig(String)}, with any password (a wrong one, to test the failure). */
    public Map<String, Object> clientConfig(String user, String password) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("bootstrap.servers", bootstrapServers());
        config.put("security.protocol", LISTENER);
        config.put("sasl.mechanism", MECHANISM);
        config.put("sasl.jaas.config", jaasConfig(user, password));
        config.put("ssl.truststore.location", certificates.truststore().toString());
        config.put("ssl.truststore.password", certificates.password());
        config.put("ssl.truststore.type", TestCertificates.STORE_TYPE);
        return config;
    }

    /** {@code ScramLoginModule required username="..." password="...";} */
    public static String jaasConfig(String user, String password) {
        return SCRAM_LOGIN_MODULE + " required username=\"" + user + "\" password=\"" + password + "\";";
    }

    /** The SCRAM password of a user created at start. */
    public String password(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("No user '" + user + "' on this broker; users: " + users());
        }
        return password;
    }

    /** The users created at start, the admin included. */
    public Set<String> users() {
        return passwords.keySet();
    }

    /** The super user (allowed everything even with ACLs on). */
    public String adminUser() {
        return adminUser;
    }

    /** Trusts the CA that signed the listener's certificate (PKCS12, password {@link #truststorePassword()}). */
    public Path truststore() {
        return certificates.truststore();
    }

    public String truststorePassword() {
        return certificates.password();
    }

    /** The broker's own key store (PKCS12, same password): a secret that must not show in any log either. */
    public Path keystore() {
        return certificates.keystore();
    }

    public boolean aclsEnabled() {
        return acls;
    }

    /** A new admin client over {@code SASL_SSL} as the admin user; the caller closes it. */
    public Admin admin() {
        return Admin.create(clientConfig(adminUser));
    }

    /**
     * The same broker through its internal {@code PLAINTEXT} listener, where every client is a super
     * user: for test set-up (topics, reading what was written), never for the code under test.
     * Do not close it; {@link #close()} does.
     */
    public EmbeddedKafka internal() {
        return broker;
    }

    /** Creates a topic (see {@link EmbeddedKafka#createTopic}). */
    public void createTopic(String name, int partitions) {
        broker.createTopic(name, partitions);
    }

    /**
     * Allows {@code user} the operations on a resource (a literal name, or {@code "*"} for all) and
     * returns once the broker's authorizer applies them.
     */
    public void allow(String user, ResourceType type, String name, AclOperation... operations) {
        Objects.requireNonNull(user, "user == null");
        if (!acls) {
            throw new IllegalStateException("this broker has no authorizer: build it with acls()");
        }
        List<AclBinding> bindings = new ArrayList<>();
        for (AclOperation operation : operations) {
            bindings.add(new AclBinding(
                    new ResourcePattern(type, name, PatternType.LITERAL),
                    new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW)));
        }
        long deadline = System.nanoTime() + StartTimeouts.startTimeout().toNanos();
        try (Admin admin = broker.admin()) {
            admin.createAcls(bindings).all().get(remaining(deadline), TimeUnit.MILLISECONDS);
            // The controller commits the ACLs; the broker's authorizer sees them once it has the metadata.
            while (!admin.describeAcls(AclBindingFilter.ANY)
                    .values()
                    .get(remaining(deadline), TimeUnit.MILLISECONDS)
                    .containsAll(bindings)) {
                if (System.nanoTime() > deadline) {
                    throw new TestServerException(
                            "ACLs " + bindings + " were not applied in time at " + bootstrapServers());
                }
                Thread.sleep(20);
            }
        } catch (ExecutionException e) {
            throw new TestServerException(
                    "Tried to create ACLs " + bindings + " but failed because: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new TestServerException("Creating ACLs " + bindings + " did not finish in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestServerException("Interrupted while creating ACLs", e);
        }
    }

    private static long remaining(long deadline) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }

    /** Stops the broker and deletes its log folder. */
    @Override
    public void close() {
        broker.close();
    }

    @Override
    public String toString() {
        return "SecuredKafka[" + bootstrapServers() + ", users " + users() + (acls ? ", ACLs" : "")
                + "]"; // no password
    }

    /** Users, ACLs on or off; {@link #start()}. */
    public static final class Builder {
        private final Map<String, String> passwords = new LinkedHashMap<>();
        private String adminUser = "admin";
        private boolean acls;

        private Builder() {}

        /** A SCRAM user with a random password ({@link SecuredKafka#password(String)} tells it). */
        public Builder user(String name) {
            return user(name, randomPassword());
        }

        /** A SCRAM user; letters, digits, '.', '_', '-' in both the name and the password. */
        public Builder user(String name, String password) {
            check(name, "user name");
            check(password, "password of " + name);
            passwords.put(name, password);
            return this;
        }

        /** Name of the super user (default {@code admin}, random password). */
        public Builder admin(String name) {
            check(name, "admin name");
            this.adminUser = name;
            return this;
        }

        /** Turns the {@code StandardAuthorizer} on: only the admin, and what {@link SecuredKafka#allow} allows, is permitted. */
        public Builder acls() {
            this.acls = true;
            return this;
        }

        public SecuredKafka start() {
            Map<String, String> users = new LinkedHashMap<>(passwords);
            users.putIfAbsent(adminUser, randomPassword());
            TestCertificates certificates = TestCertificates.shared();
            int[] port = {-1};
            EmbeddedKafka broker = EmbeddedKafka.launch(false, new EmbeddedKafka.ExtraListener() {
                @Override
                public void configure(Map<String, String> config, int listenerPort) {
                    port[0] = listenerPort;
                    addListener(config, listenerPort, certificates, adminUser, acls);
                }

                @Override
                public List<String> scramArguments() {
                    List<String> arguments = new ArrayList<>();
                    users.forEach((name, password) ->
                            arguments.add(MECHANISM + "=[name=" + name + ",password=" + password + "]"));
                    return arguments;
                }
            });
            return new SecuredKafka(broker, port[0], users, adminUser, acls, certificates);
        }

        private static void check(String value, String what) {
            if (value == null || !USER_NAME.matcher(value).matches()) {
                throw new IllegalArgumentException(what + " must be 1 to 64 letters, digits, '.', '_' or '-'");
            }
        }
    }

    static void addListener(
            Map<String, String> config, int port, TestCertificates certificates, String adminUser, boolean acls) {
        String address = LISTENER + "://" + LoopbackPorts.HOST + ":" + port;
        config.put("listeners", config.get("listeners") + "," + address);
        config.put("advertised.listeners", config.get("advertised.listeners") + "," + address);
        config.put(
                "listener.security.protocol.map",
                config.get("listener.security.protocol.map") + "," + LISTENER + ":" + LISTENER);
        String prefix = "listener.name." + LISTENER.toLowerCase(java.util.Locale.ROOT) + ".";
        config.put("sasl.enabled.mechanisms", MECHANISM);
        config.put(prefix + "sasl.enabled.mechanisms", MECHANISM);
        // Server side of SCRAM: credentials come from the metadata, so the module needs no options.
        config.put(
                prefix + MECHANISM.toLowerCase(java.util.Locale.ROOT) + ".sasl.jaas.config",
                SCRAM_LOGIN_MODULE + " required;");
        config.put(prefix + "ssl.keystore.location", certificates.keystore().toString());
        config.put(prefix + "ssl.keystore.password", certificates.password());
        config.put(prefix + "ssl.key.password", certificates.password());
        config.put(prefix + "ssl.keystore.type", TestCertificates.STORE_TYPE);
        config.put(prefix + "ssl.client.auth", "none");
        if (acls) {
            config.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
            // ANONYMOUS: the broker's own requests to its controller, and the internal plaintext listener.
            config.put("super.users", "User:" + adminUser + ";User:ANONYMOUS");
            config.put("allow.everyone.if.no.acl.found", "false");
        }
    }

    private static String randomPassword() {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        return "pw-" + HexFormat.of().formatHex(random);
    }
}
