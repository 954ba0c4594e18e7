package io.github.eventcat.registry.maven;

import io.github.eventcat.catalog.CatalogException;
import io.github.eventcat.catalog.registration.SubjectConflictException;
import io.github.eventcat.maven.common.CatalogLocation;
import io.github.eventcat.maven.common.Defaults;
import io.github.eventcat.maven.common.Failures;
import io.github.eventcat.maven.common.PropertyNames.Registry;
import io.github.eventcat.registry.sync.RegistrySync;
import io.github.eventcat.registry.sync.SyncFailedException;
import io.github.eventcat.registry.sync.SyncRequest;
import io.github.eventcat.registry.sync.TopicSyncException;
import io.github.eventcat.runtime.registry.SchemaRegistryException;
import java.io.File;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Registers the catalog's subjects (and optionally creates its topics): plan, print, apply. */
@Mojo(name = "sync", threadSafe = true, requiresProject = false)
public class SyncMojo extends AbstractRegistryMojo {
    /** The catalog directory (with catalog.yaml) or a catalog jar. Not used when a catalogArtifact is set. */
    @Parameter(property = Registry.CATALOG_DIRECTORY, defaultValue = Defaults.CATALOG_DIRECTORY)
    File catalogDirectory;

    /** A released catalog jar, {@code groupId:artifactId[:ext[:classifier]]:version}, resolved like a dependency. */
    @Parameter(property = Registry.CATALOG_ARTIFACT)
    String catalogArtifact;

    /** Subjects read or written at once (default 4). */
    @Parameter(property = Registry.PARALLELISM)
    Integer parallelism;

    /** Plan and print only. */
    @Parameter(property = Registry.DRY_RUN, defaultValue = "false")
    boolean dryRun;

    /** Ask the registry to normalize schemas before comparing and registering. */
    @Parameter(property = Registry.NORMALIZE, defaultValue = "false")
    boolean normalize;

    /** Also create the catalog's topics (partitions, retention) with Kafka's Admin client. */
    @Parameter(property = Registry.TOPICS, defaultValue = "false")
    boolean topics;

    /** The Kafka cluster for {@code registry.topics}; the property {@code bootstrap.servers} still works, deprecated. */
    @Parameter(property = Registry.BOOTSTRAP_SERVERS)
    String bootstrapServers;

    /**
     * A Kafka client properties file (security.protocol, sasl.*, ssl.*, secrets included), read when
     * the goal runs, like Kafka tools' --command-config: its values never pass through a parameter.
     */
    @Parameter(property = Registry.KAFKA_CONFIG_FILE)
    File kafkaConfigFile;

    /** More Kafka Admin client properties, no secrets (mvn -X prints them): a secret key is refused. */
    @Parameter
    Map<String, String> kafkaProperties;

    /** Skip this goal. */
    @Parameter(property = Registry.SYNC_SKIP, defaultValue = "false")
    boolean syncSkip;

    @Override
    String goal() {
        return "registry:sync";
    }

    @Override
    boolean goalSkip() {
        return syncSkip;
    }

    @Override
    String goalSkipProperty() {
        return Registry.SYNC_SKIP;
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        CatalogLocation catalog = catalog(catalogDirectory, catalogArtifact);
        SyncRequest request = request(catalog);
        checked(request.connection());
        try {
            new RegistrySync(MavenLog.info(getLog())).sync(request);
        } catch (SyncFailedException e) {
            if (e.hasIncompatibleSchema()) {
                throw new MojoFailureException(e.getMessage(), e);
            }
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (CatalogException e) {
            throw Failures.invalidCatalog(catalog.description(), e, "sync");
        } catch (SubjectConflictException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (TopicSyncException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (org.apache.kafka.common.config.ConfigException e) {
            // Kafka's own check of the admin properties (a file or <kafkaProperties> value); it names the key
            throw new MojoFailureException(
                    "The Kafka admin properties (" + Registry.KAFKA_CONFIG_FILE + ", <kafkaProperties>) are not valid: "
                            + e.getMessage(),
                    e);
        } catch (SchemaRegistryException e) {
            throw registryFailure(e);
        }
    }

    SyncRequest request(CatalogLocation catalog) throws MojoExecutionException, MojoFailureException {
        KafkaClientProperties.refuseSecrets(kafkaProperties);
        int threads = parallelism(parallelism, SyncRequest.DEFAULT_PARALLELISM);
        Optional<Map<String, String>> admin = Optional.empty();
        if (topics) {
            Map<String, String> properties =
                    KafkaClientProperties.merge(kafkaConfigFile, kafkaProperties, kafkaAddress());
            if (!properties.containsKey("bootstrap.servers")) {
                throw new MojoFailureException(Registry.TOPICS + "=true needs -D" + Registry.BOOTSTRAP_SERVERS
                        + "=host:9092 (the Kafka cluster to create topics on), or bootstrap.servers in "
                        + Registry.KAFKA_CONFIG_FILE);
            }
            admin = Optional.of(properties);
        }
        return new SyncRequest(connection(), catalog.path(), threads, dryRun, normalize, admin);
    }

    /** {@code registry.bootstrapServers}, else the deprecated {@code bootstrap.servers} with a warning. */
    String kafkaAddress() {
        Optional<String> deprecated = secrets().property(Registry.DEPRECATED_BOOTSTRAP_SERVERS);
        if (bootstrapServers != null && !bootstrapServers.isBlank()) {
            deprecated.filter(old -> !old.equals(bootstrapServers)).ifPresent(old -> getLog().warn(
                            Registry.DEPRECATED_BOOTSTRAP_SERVERS + " is ignored: " + Registry.BOOTSTRAP_SERVERS
                                    + " is set too, and wins"));
            return bootstrapServers;
        }
        deprecated.ifPresent(old -> getLog().warn("The property " + Registry.DEPRECATED_BOOTSTRAP_SERVERS
                + " is deprecated for registry:sync: use -D" + Registry.BOOTSTRAP_SERVERS + "=" + old + " instead"));
        return deprecated.orElse(null);
    }
}
