package io.github.eventcat.codegen.engine;

import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.CatalogException;
import io.github.eventcat.catalog.CatalogLoader;
import io.github.eventcat.catalog.compat.BaselineException;
import io.github.eventcat.catalog.compat.BaselineSource;
import io.github.eventcat.catalog.compat.CompatibilityGateResult.WaivedProblem;
import io.github.eventcat.codegen.light.engine.DocsRequest;
import io.github.eventcat.codegen.light.engine.DocsResult;
import io.github.eventcat.codegen.light.engine.EngineException;
import io.github.eventcat.codegen.light.engine.EngineLog;
import io.github.eventcat.docs.DocsBaseline;
import io.github.eventcat.docs.DocsGenerator;
import io.github.eventcat.docs.SiteOverview;
import io.github.eventcat.maven.common.Failures;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The work of the {@code docs} goal and the site report: the docs site and the AsyncAPI document. */
final class Docs {
    private Docs() {}

    static DocsResult run(DocsRequest request, EngineLog log) throws EngineException {
        io.github.eventcat.docs.DocsResult result;
        try {
            Catalog catalog = CatalogLoader.loadFrom(request.catalog());
            result = DocsGenerator.generate(new io.github.eventcat.docs.DocsRequest(
                    catalog, request.outputDirectory(), request.version(), baselines(request, log)));
        } catch (BaselineException e) {
            throw EngineException.error(e.getMessage(), e);
        } catch (CatalogException e) {
            throw EngineException.failure(Messages.invalidCatalog(request.catalogDescription(), e));
        } catch (UncheckedIOException e) {
            throw EngineException.error(Failures.ioFailureMessage(e), e);
        }
        SiteOverview overview = result.overview();
        return new DocsResult(
                result.summary(),
                overview.description(),
                SiteOverview.INDEX,
                SiteOverview.ASYNC_API,
                overview.topics().stream()
                        .map(topic -> new DocsResult.Topic(
                                topic.name(),
                                topic.page(),
                                topic.keyField(),
                                topic.events().stream()
                                        .map(event -> new DocsResult.Event(event.javaType(), event.page()))
                                        .toList()))
                        .toList(),
                overview.events());
    }

    /** The same baseline parameters as check-compatibility, any number of them; none set: no history. */
    private static List<DocsBaseline> baselines(DocsRequest request, EngineLog log) throws EngineException {
        List<DocsBaseline> baselines = new ArrayList<>();
        for (BaselineSource source : BaselineSources.every(request.baselines())) {
            Catalog catalog = source.load();
            catalog.waivedProblems().forEach(problem -> log.warn(new WaivedProblem(source.label(), problem).text()));
            baselines.add(new DocsBaseline(source.label(), catalog));
        }
        return baselines;
    }
}
