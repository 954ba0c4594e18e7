package io.github.eventcat.catalog.compat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The gate's rule for its baseline: exactly one of released catalog versions (coordinates a build
 * tool resolves), a baseline directory, or a git revision of the catalog directory. Checked before
 * anything is resolved or read.
 */
public final class BaselineChoice {
    /** Which baseline was chosen. */
    public enum Kind {
        RELEASED,
        DIRECTORY,
        GIT_REVISION
    }

    private BaselineChoice() {}

    /**
     * @param released coordinates of released versions, or {@code null}/blank when not set
     * @param directory a baseline catalog directory, or {@code null}
     * @param gitRevision a git revision, or {@code null}/blank
     * @param settings how the caller's users name the three settings, in that order (e.g. a build
     *     tool's properties), for the message
     * @throws BaselineException when none or more than one is set
     */
    public static Kind exactlyOne(String released, Path directory, String gitRevision, List<String> settings) {
        if (settings.size() != 3) {
            throw new IllegalArgumentException("settings must name the three baselines, not " + settings);
        }
        List<Kind> set = new ArrayList<>();
        if (released != null && !released.isBlank()) {
            set.add(Kind.RELEASED);
        }
        if (directory != null) {
            set.add(Kind.DIRECTORY);
        }
        if (gitRevision != null && !gitRevision.isBlank()) {
            set.add(Kind.GIT_REVISION);
        }
        if (set.size() != 1) {
            throw new BaselineException(
                    "",
                    "Set exactly one baseline to check the catalog against, not " + set.size()
                            + ": " + settings.get(0) + " (groupId:artifactId:version or a range such as [1.0,1.3]), "
                            + settings.get(1) + ", or " + settings.get(2),
                    null);
        }
        return set.get(0);
    }
}
