package io.github.eventcat.catalog.compat;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a baseline catalog, the one the current catalog must stay compatible with, comes from.
 * Several sources, oldest first, make a history that {@code _TRANSITIVE} levels check against.
 */
public sealed interface BaselineSource {

    /** How findings name this version, e.g. {@code 1.2.0} or {@code main}. */
    String label();

    /**
     * Loads this baseline's catalog as the gate does (for other readers of the history, such as the
     * docs site).
     *
     * @throws BaselineException when it cannot be read or does not load
     */
    default io.github.eventcat.catalog.Catalog load() {
        return Baselines.load(this).catalog();
    }

    /** A catalog directory holding {@code catalog.yaml}. */
    static BaselineSource directory(Path directory, String label) {
        return new Directory(directory, label);
    }

    /** A released catalog jar (the catalog under {@code META-INF/eventcat/catalog}). */
    static BaselineSource jar(Path jar, String version) {
        return new Jar(jar, version);
    }

    /**
     * The catalog directory as a git revision had it.
     *
     * @param catalogDirectory the catalog directory in the working tree of a git repository
     * @param revision anything {@code git rev-parse} accepts: a tag, a branch, a commit
     */
    static BaselineSource gitRevision(Path catalogDirectory, String revision) {
        return new GitRevision(catalogDirectory, revision);
    }

    record Directory(Path directory, String label) implements BaselineSource {
        public Directory {
            Objects.requireNonNull(directory, "directory == null");
            Objects.requireNonNull(label, "label == null");
        }
    }

    record Jar(Path jar, String label) implements BaselineSource {
        public Jar {
            Objects.requireNonNull(jar, "jar == null");
            Objects.requireNonNull(label, "label == null");
        }
    }

    record GitRevision(Path catalogDirectory, String revision) implements BaselineSource {
        public GitRevision {
            Objects.requireNonNull(catalogDirectory, "catalogDirectory == null");
            Objects.requireNonNull(revision, "revision == null");
            if (revision.isBlank()) {
                throw new IllegalArgumentException("revision is blank");
            }
        }

        @Override
        public String label() {
            return revision;
        }
    }
}
