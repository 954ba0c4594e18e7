package io.github.eventcat.testservers;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Apache Kafka broker (KRaft, broker and controller in one node) running in
 * this JVM, listening on 127.0.0.1 only, on free ports, with its log in a temporary folder.
 *
 * <p>Use {@link #shared()} in tests (one broker per JVM, stopped when the JVM exits) or
 * {@link #start()} for a broker of your own that you {@link #close()}.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final int NODE_ID = 1;
    private static final int START_ATTEMPTS = 5;
    private static final String BROKER_LISTENER = "PLAINTEXT";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Duration POLL_INTERVAL = Duration.ofMillis(20);

    private static EmbeddedKafka shared;

    static {
        // A broker fault must fail the test, not kill the surefire fork with System.exit.
        Exit.setExitProcedure((status, message) -> {
            throw new TestServerException(
                    "The embedded Kafka broker asked to exit the JVM (status " + status + "): " + message);
        });
        Exit.setHaltProcedure((status, message) -> {
            throw new TestServerException(
                    "The embedded Kafka broker asked to halt the JVM (status " + status + "): " + message);
        });
    }

    private final KafkaRaftServer server;
    private final Path logDirectory;
    private final InetSocketAddress brokerAddress;
    private final InetSocketAddress controllerAddress;
    private final Admin topicAdmin;
    private final boolean sharedInstance;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private EmbeddedKafka(
            KafkaRaftServer server, Path logDirectory, int brokerPort, int controllerPort, boolean sharedInstance) {
        this.server = server;
        this.logDirectory = logDirectory;
        this.brokerAddress = new InetSocketAddress(LoopbackPorts.HOST, brokerPort);
        this.controllerAddress = new InetSocketAddress(LoopbackPorts.HOST, controllerPort);
        this.sharedInstance = sharedInstance;
        this.topicAdmin = Admin.create(adminConfig(bootstrapServers(brokerPort)));
    }

    /** Starts a new broker; the caller closes it. */
    public static EmbeddedKafka start() {
        return launch(false);
    }

    /** The broker of this JVM, started on first use and stopped by a shutdown hook; {@link #close()} leaves it running. */
    public static synchronized EmbeddedKafka shared() {
        if (shared == null) {
            EmbeddedKafka kafka = launch(true);
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop, "eventcat-kafka-shutdown"));
            shared = kafka;
        }
        return shared;
    }

    private static EmbeddedKafka launch(boolean sharedInstance) {
        return launch(sharedInstance, null);
    }

    /**
     * Starts a broker; a {@code listener} (may be null) adds one more listener on a further free
     * port, with its settings and the SCRAM credentials to format the storage with (see {@link SecuredKafka}).
     */
    static EmbeddedKafka launch(boolean sharedInstance, ExtraListener listener) {
        ServerLogging.applyToKafka();
        for (int attempt = 1; ; attempt++) {
            int brokerPort = LoopbackPorts.freePort();
            int controllerPort = LoopbackPorts.freePort();
            int extraPort = listener == null ? -1 : LoopbackPorts.freePort();
            if (brokerPort == controllerPort || extraPort == brokerPort || extraPort == controllerPort) {
                continue;
            }
            Path logDirectory = createLogDirectory();
            KafkaRaftServer server = null;
            EmbeddedKafka kafka = null;
            try {
                Map<String, String> brokerConfig = brokerConfig(logDirectory, brokerPort, controllerPort);
                if (listener != null) {
                    listener.configure(brokerConfig, extraPort);
                }
                KafkaConfig config = new KafkaConfig(brokerConfig);
                format(config, logDirectory, listener == null ? List.of() : listener.scramArguments());
                KafkaRaftServer starting = new KafkaRaftServer(config, Time.SYSTEM);
                server = starting;
                StartTimeouts.runWithin(
                        "the embedded Kafka broker's start", StartTimeouts.startTimeout(), starting::startup);
                kafka = new EmbeddedKafka(server, logDirectory, brokerPort, controllerPort, sharedInstance);
                kafka.awaitReady();
                return kafka;
            } catch (RuntimeException e) {
                if (kafka != null) {
                    kafka.topicAdmin.close(Duration.ZERO);
                }
                stopQuietly(server);
                deleteRecursively(logDirectory);
                // Someone took a port between our check and the broker's bind: try new ports.
                if (attempt < START_ATTEMPTS && causedByBindFailure(e)) {
                    continue;
                }
                throw e instanceof TestServerException
                        ? e
                        : new TestServerException(
                                "Could not start the embedded Kafka broker on 127.0.0.1:" + brokerPort
                                        + " (controller 127.0.0.1:" + controllerPort + ", attempt " + attempt + "): "
                                        + e,
                                e);
            }
        }
    }

    static Map<String, String> brokerConfig(Path logDirectory, int brokerPort, int controllerPort) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("node.id", String.valueOf(NODE_ID));
        config.put("process.roles", "broker,controller");
        // Loopback only: nothing of a test run is reachable from the network.
        config.put(
                "listeners",
                BROKER_LISTENER + "://" + LoopbackPorts.HOST + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://"
                        + LoopbackPorts.HOST + ":" + controllerPort);
        config.put("advertised.listeners", BROKER_LISTENER + "://" + LoopbackPorts.HOST + ":" + brokerPort);
        config.put(
                "listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        config.put("inter.broker.listener.name", BROKER_LISTENER);
        config.put("controller.listener.names", CONTROLLER_LISTENER);
        config.put("controller.quorum.voters", NODE_ID + "@" + LoopbackPorts.HOST + ":" + controllerPort);
        config.put("log.dirs", logDirectory.toString());
        // One node: every internal topic must live with one replica.
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("transaction.state.log.num.partitions", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("default.replication.factor", "1");
        config.put("min.insync.replicas", "1");
        // Otherwise every consumer group join waits 3 s for more members.
        config.put("group.initial.rebalance.delay.ms", "0");
        // The log cleaner's buffer is 128 MB of heap by default, allocated at start: two brokers in a
        // 512 MB test fork (the shared one and a secured one) ran the second out of heap, and its
        // start then waited forever. 4 MB compacts a test's internal topics just as well.
        config.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
        return config;
    }

    private static void format(KafkaConfig config, Path logDirectory, List<String> scramArguments) {
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setDirectories(List.of(logDirectory.toString()))
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setUnstableFeatureVersionsEnabled(false)
                    .setScramArguments(scramArguments)
                    .run();
        } catch (Exception e) {
            throw new TestServerException("Could not format the Kafka log directory " + logDirectory + ": " + e, e);
        }
    }

    private void awaitReady() {
        Duration timeout = StartTimeouts.startTimeout();
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (!topicAdmin
                        .describeCluster()
                        .nodes()
                        .get(remaining(deadline), TimeUnit.MILLISECONDS)
                        .isEmpty()) {
                    return;
                }
            } catch (ExecutionException | TimeoutException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TestServerException(
                        "Interrupted while waiting for the Kafka broker at " + bootstrapServers(), e);
            }
            pause();
        }
        throw new ServerNotReadyException(
                "Kafka broker",
                bootstrapServers(),
                timeout,
                null,
                (last == null ? "no broker registered in the cluster" : String.valueOf(last))
                        + " (if the machine is just slow, raise -D" + StartTimeouts.PROPERTY + "=<seconds>)",
                last);
    }

    /** {@code 127.0.0.1:port}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers(brokerAddress.getPort());
    }

    private static String bootstrapServers(int brokerPort) {
        return LoopbackPorts.HOST + ":" + brokerPort;
    }

    /** The addresses the broker listens on: the client listener first, then the controller's. */
    public List<InetSocketAddress> listenerAddresses() {
        return List.of(brokerAddress, controllerAddress);
    }

    /**
     * Creates a topic with one replica per partition and returns once every partition has a
     * leader, so producers and consumers can use it at once.
     */
    public void createTopic(String name, int partitions) {
        Objects.requireNonNull(name, "name == null");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions < 1: " + partitions);
        }
        long deadline = System.nanoTime() + StartTimeouts.startTimeout().toNanos();
        await(
                topicAdmin
                        .createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
                        .all(),
                deadline,
                "create topic '" + name + "' with " + partitions + " partitions");
        while (!allPartitionsLed(name, partitions, deadline)) {
            pause();
        }
    }

    private boolean allPartitionsLed(String name, int partitions, long deadline) {
        try {
            TopicDescription description = topicAdmin
                    .describeTopics(List.of(name))
                    .allTopicNames()
                    .get(remaining(deadline), TimeUnit.MILLISECONDS)
                    .get(name);
            return description.partitions().size() == partitions
                    && description.partitions().stream().allMatch(partition -> partition.leader() != null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException && System.nanoTime() < deadline) {
                return false; // created, but not yet in this broker's metadata
            }
            throw new TestServerException(
                    "Could not describe topic '" + name + "' at " + bootstrapServers() + ": " + e.getCause(), e);
        } catch (TimeoutException e) {
            throw new TestServerException(
                    "Topic '" + name + "' at " + bootstrapServers() + " had no leader for every partition in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestServerException("Interrupted while waiting for topic '" + name + "'", e);
        }
    }

    /** Deletes a topic and returns once the broker no longer lists it, so the name can be reused. */
    public void deleteTopic(String name) {
        Objects.requireNonNull(name, "name == null");
        long deadline = System.nanoTime() + StartTimeouts.startTimeout().toNanos();
        await(topicAdmin.deleteTopics(List.of(name)).all(), deadline, "delete topic '" + name + "'");
        while (await(topicAdmin.listTopics().names(), deadline, "list topics").contains(name)) {
            if (System.nanoTime() > deadline) {
                throw new TestServerException(
                        "Topic '" + name + "' was still listed at " + bootstrapServers() + " after its deletion");
            }
            pause();
        }
    }

    /** Names of the topics that are not internal. */
    public Set<String> topicNames() {
        long deadline = System.nanoTime() + StartTimeouts.startTimeout().toNanos();
        return await(topicAdmin.listTopics().names(), deadline, "list topics");
    }

    /** A new admin client connected to this broker; the caller closes it. */
    public Admin admin() {
        return Admin.create(adminConfig(bootstrapServers()));
    }

    private static Map<String, Object> adminConfig(String bootstrapServers) {
        return Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG,
                "eventcat-embedded-kafka");
    }

    private <T> T await(KafkaFuture<T> future, long deadline, String action) {
        try {
            return future.get(remaining(deadline), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new TestServerException(
                    "Tried to " + action + " at " + bootstrapServers() + " but failed because: " + e.getCause(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new TestServerException(
                    "Tried to " + action + " at " + bootstrapServers() + " but it did not finish in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestServerException("Interrupted while trying to " + action, e);
        }
    }

    /**
     * Stops the broker, waits until it has stopped and deletes its log directory. Does nothing on
     * the {@link #shared()} broker, which other test classes of this JVM still use.
     */
    @Override
    public void close() {
        if (!sharedInstance) {
            stop();
        }
    }

    private void stop() {
        if (stopped.compareAndSet(false, true)) {
            topicAdmin.close(Duration.ofSeconds(5));
            stopQuietly(server);
            deleteRecursively(logDirectory);
        }
    }

    private static void stopQuietly(KafkaRaftServer server) {
        if (server == null) {
            return;
        }
        try {
            // Bounded too: a broker whose start hung may not stop either.
            StartTimeouts.runWithin("the embedded Kafka broker's shutdown", Duration.ofSeconds(60), () -> {
                server.shutdown();
                server.awaitShutdown();
            });
        } catch (RuntimeException e) {
            // Already failing or stopping: the original problem, if any, is what the caller reports.
        }
    }

    private static boolean causedByBindFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException
                    || String.valueOf(cause.getMessage()).contains("failed to bind")) {
                return true;
            }
        }
        return false;
    }

    private static Path createLogDirectory() {
        try {
            return Files.createTempDirectory("eventcat-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a log directory for the embedded Kafka broker", e);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the embedded Kafka log directory " + directory, e);
        }
    }

    /** The broker's log directory (deleted by {@link #close()}). */
    Path logDirectory() {
        return logDirectory;
    }

    private static long remaining(long deadline) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestServerException("Interrupted while waiting for the embedded Kafka broker", e);
        }
    }

    /** One more listener for {@link #launch(boolean, ExtraListener)}. */
    interface ExtraListener {
        /** Adds the listener on {@code port} to {@code config} (called again with a new port when a start is retried). */
        void configure(Map<String, String> config, int port);

        /** {@code kafka-storage format --add-scram} arguments, e.g. {@code SCRAM-SHA-256=[name=alice,password=...]}. */
        List<String> scramArguments();
    }

    @Override
    public String toString() {
        return "EmbeddedKafka[" + bootstrapServers() + (sharedInstance ? ", shared" : "") + "]";
    }
}
