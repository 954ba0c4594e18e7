package io.github.eventcat.registry.maven;

import java.io.File;
import java.util.Map;
import java.util.Optional;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import io.github.eventcat.catalog.CatalogException;
import io.github.eventcat.registry.sync.RegistrySync;
import io.github.eventcat.registry.sync.SyncFailedException;
import io.github.eventcat.registry.sync.SyncRequest;
import io.github.eventcat.registry.sync.SubjectConflictException;
import io.github.eventcat.registry.sync.TopicSyncException;
import io.github.eventcat.runtime.registry.SchemaRegistryException;

/** Registers the catalog's subjects (and optionally creates its topics): plan, print, apply. */
@Mojo(name = "sync", threadSafe = true, requiresProject = false)
public class SyncMojo extends AbstractRegistryMojo {
    /** The catalog directory (with catalog.yaml) or a catalog jar. */
    @Parameter(property = "registry.catalogDirectory", defaultValue = "${basedir}/src/main/catalog")
    File catalogDirectory;

    @Parameter(property = "registry.parallelism", defaultValue = "4")
    int parallelism;

    /** Plan and print only. */
    @Parameter(property = "registry.dryRun", defaultValue = "false")
    boolean dryRun;

    /** Ask the registry to normalize schemas before comparing and registering. */
    @Parameter(property = "registry.normalize", defaultValue = "false")
    boolean normalize;

    /** Also create the catalog's topics (partitions, retention) with Kafka's Admin client. */
    @Parameter(property = "registry.topics", defaultValue = "false")
    boolean topics;

    @Parameter(property = "bootstrap.servers")
    String bootstrapServers;

    /**
     * A Kafka client properties file (security.protocol, sasl.*, ssl.*, secrets included), read when
     * the goal runs, like Kafka tools' --command-config: its values never pass through a parameter.
     */
    @Parameter(property = KafkaClientProperties.CONFIG_FILE_PROPERTY)
    File kafkaConfigFile;

    /** More Kafka Admin client properties, no secrets (mvn -X prints them): a secret key is refused. */
    @Parameter
    Map<String, String> kafkaProperties;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("registry:sync skipped (registry.skip)");
            return;
        }
        KafkaClientProperties.refuseSecrets(kafkaProperties);
        if (parallelism < 1) {
            throw new MojoFailureException("registry.parallelism must be at least 1, not " + parallelism);
        }
        Optional<Map<String, String>> admin = Optional.empty();
        if (topics) {
            Map<String, String> properties = KafkaClientProperties.merge(kafkaConfigFile, kafkaProperties, bootstrapServers);
            if (!properties.containsKey("bootstrap.servers")) {
                throw new MojoFailureException("registry.topics=true needs -Dbootstrap.servers=host:9092 (the Kafka cluster "
                        + "to create topics on), or bootstrap.servers in " + KafkaClientProperties.CONFIG_FILE_PROPERTY);
            }
            admin = Optional.of(properties);
        }
        SyncRequest request = new SyncRequest(connection(), catalogDirectory.toPath(), parallelism, dryRun, normalize, admin);
        try {
            new RegistrySync(MavenLog.info(getLog())).sync(request);
        } catch (SyncFailedException e) {
            if (e.hasIncompatibleSchema()) {
                throw new MojoFailureException(e.getMessage(), e);
            }
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (CatalogException | SubjectConflictException | IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (TopicSyncException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (SchemaRegistryException e) {
            throw new MojoExecutionException(ErrorMessages.describe(e), e);
        }
    }
}
