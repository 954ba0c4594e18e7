package io.github.eventcat.maven.common;

/**
 * Every user property of both plugins, once: the Mojos' {@code @Parameter(property = ...)} and
 * the messages that tell a user which property to change use these constants, so a rename cannot
 * leave a message naming the old one.
 */
public final class PropertyNames {
    private PropertyNames() {}

    /** {@code codegen:*} goals; the gate's own are {@code codegen.compat.*}. */
    public static final class Codegen {
        private Codegen() {}

        /** Skips {@code codegen:generate} (each other goal has its own skip). */
        public static final String SKIP = "codegen.skip";

        public static final String CATALOG_DIRECTORY = "codegen.catalogDirectory";
        public static final String CATALOG_ARTIFACT = "codegen.catalogArtifact";

        public static final String OUTPUT_DIRECTORY = "codegen.outputDirectory";
        public static final String DATE_TIME_TYPE = "codegen.dateTimeType";
        public static final String DECIMAL_MULTIPLE_OF = "codegen.decimalMultipleOf";
        public static final String DECIMAL_FORMATS = "codegen.decimalFormats";
        public static final String DECIMAL_ALL_NUMBERS = "codegen.decimalAllNumbers";
        public static final String BUILDER_THRESHOLD = "codegen.builderThreshold";
        public static final String OUTBOX = "codegen.outbox";

        public static final String COMPAT_SKIP = "codegen.compat.skip";
        public static final String COMPAT_BASELINE = "codegen.compat.baseline";
        public static final String COMPAT_BASELINE_DIRECTORY = "codegen.compat.baselineDirectory";
        public static final String COMPAT_BASELINE_GIT_REVISION = "codegen.compat.baselineGitRevision";
        public static final String COMPAT_ALLOW_REMOVED_SUBJECTS = "codegen.compat.allowRemovedSubjects";
        public static final String COMPAT_JUNIT_REPORT = "codegen.compat.junitReport";
        public static final String COMPAT_CHANGES_REPORT = "codegen.compat.changesReport";
        public static final String COMPAT_GITHUB_ANNOTATIONS = "codegen.compat.githubAnnotations";

        public static final String LINT_SKIP = "codegen.lint.skip";
        public static final String LINT_JUNIT_REPORT = "codegen.lint.junitReport";
        public static final String LINT_GITHUB_ANNOTATIONS = "codegen.lint.githubAnnotations";

        public static final String DOCS_SKIP = "codegen.docs.skip";
        public static final String DOCS_OUTPUT_DIRECTORY = "codegen.docs.outputDirectory";
        public static final String DOCS_VERSION = "codegen.docs.version";
    }

    /** {@code registry:*} goals. */
    public static final class Registry {
        private Registry() {}

        /** Skips every goal of the registry plugin. */
        public static final String SKIP = "registry.skip";

        public static final String SYNC_SKIP = "registry.sync.skip";
        public static final String CHECK_SKIP = "registry.check.skip";
        public static final String PULL_SKIP = "registry.pull.skip";

        /** Read from the properties when the goal runs, never injected: it may carry user info. */
        public static final String URL = "registry.url";

        public static final String SERVER_ID = "registry.serverId";
        public static final String TRUST_STORE = "registry.trustStore";
        public static final String TRUST_STORE_SERVER_ID = "registry.trustStoreServerId";
        public static final String TRUST_STORE_TYPE = "registry.trustStoreType";
        public static final String KEY_STORE = "registry.keyStore";
        public static final String KEY_STORE_SERVER_ID = "registry.keyStoreServerId";
        public static final String KEY_STORE_TYPE = "registry.keyStoreType";
        public static final String TIMEOUT = "registry.timeout";
        public static final String RETRIES = "registry.retries";

        public static final String CATALOG_DIRECTORY = "registry.catalogDirectory";
        public static final String CATALOG_ARTIFACT = "registry.catalogArtifact";
        public static final String PARALLELISM = "registry.parallelism";
        public static final String DRY_RUN = "registry.dryRun";
        public static final String NORMALIZE = "registry.normalize";
        public static final String TOPICS = "registry.topics";
        public static final String BOOTSTRAP_SERVERS = "registry.bootstrapServers";
        /** Kafka's own name, the first property for the Kafka address; still read, with a warning. */
        public static final String DEPRECATED_BOOTSTRAP_SERVERS = "bootstrap.servers";

        public static final String KAFKA_CONFIG_FILE = "registry.kafkaConfigFile";
        public static final String SUBJECTS = "registry.subjects";
    }
}
