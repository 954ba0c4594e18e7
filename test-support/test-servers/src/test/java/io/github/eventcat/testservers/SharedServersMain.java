package io.github.eventcat.testservers;

/** Started as a separate JVM by {@link JvmExitTest}: uses both shared servers, reports them, exits. */
public final class SharedServersMain {
    private SharedServersMain() {}

    public static void main(String[] args) {
        try {
            EmbeddedKafka kafka = EmbeddedKafka.shared();
            EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.shared();
            kafka.createTopic("before-exit", 1);
            System.out.println("registry-pid=" + registry.process().pid());
            System.out.println("kafka-log-directory=" + kafka.logDirectory());
        } catch (RuntimeException e) {
            e.printStackTrace(System.out);
            // The broker's threads would keep this JVM alive.
            System.exit(1);
        }
        System.out.flush();
        // No close(): the shutdown hooks must stop both servers.
        System.exit(0);
    }
}
