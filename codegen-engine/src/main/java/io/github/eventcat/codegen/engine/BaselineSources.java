package io.github.eventcat.codegen.engine;

import io.github.eventcat.catalog.compat.BaselineChoice;
import io.github.eventcat.catalog.compat.BaselineException;
import io.github.eventcat.catalog.compat.BaselineSource;
import io.github.eventcat.codegen.light.engine.Baselines;
import io.github.eventcat.codegen.light.engine.EngineException;
import java.util.ArrayList;
import java.util.List;

/** The baselines the goals' three baseline parameters name, read one way. */
final class BaselineSources {
    private BaselineSources() {}

    /** The baselines, when exactly one of the three parameters is set (the gate's rule). */
    static List<BaselineSource> exactlyOne(Baselines baselines) throws EngineException {
        try {
            BaselineChoice.exactlyOne(
                    baselines.baseline(),
                    baselines.baselineDirectory(),
                    baselines.baselineGitRevision(),
                    baselines.properties());
        } catch (BaselineException e) {
            throw EngineException.error(e.getMessage(), e);
        }
        return every(baselines);
    }

    /** Every baseline the parameters name, released versions oldest first; none set: none. */
    static List<BaselineSource> every(Baselines baselines) throws EngineException {
        List<BaselineSource> sources = new ArrayList<>();
        if (baselines.baseline() != null && !baselines.baseline().isBlank()) {
            for (Baselines.Released version : baselines.resolver().versions(baselines.baseline())) {
                sources.add(BaselineSource.jar(version.file(), version.version()));
            }
        }
        if (baselines.baselineDirectory() != null) {
            sources.add(BaselineSource.directory(baselines.baselineDirectory(), baselines.baselineDirectoryLabel()));
        }
        if (baselines.baselineGitRevision() != null
                && !baselines.baselineGitRevision().isBlank()) {
            sources.add(BaselineSource.gitRevision(
                    baselines.catalogDirectory(),
                    baselines.baselineGitRevision().trim()));
        }
        return sources;
    }
}
