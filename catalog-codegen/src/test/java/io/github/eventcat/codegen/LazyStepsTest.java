package io.github.eventcat.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.catalog.CatalogLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standard generator names its steps by constant ids and creates them on the first run that
 * generates: the ids must be those of the steps themselves, and Avro's version must be read as
 * before, or every existing output would be regenerated (or, worse, an output taken for up to date).
 */
class LazyStepsTest {
    @TempDir
    Path temp;

    @Test
    void avroVersionFromPomPropertiesIsTheJarsVersion() {
        String manifest = Schema.class.getPackage().getImplementationVersion();
        assertThat(AvroVersion.get()).isNotBlank().matches("\\d+\\.\\d+\\.\\d+.*");
        if (manifest != null) {
            assertThat(AvroVersion.get()).isEqualTo(manifest);
        }
        assertThat(new AvroSources().id()).isEqualTo(AvroSources.ID_PREFIX + manifestOrPom());
    }

    @Test
    void standardStepsHaveTheIdsOfTheStepsThemselves() {
        Path catalog = Fixtures.copy("topic-clients", temp.resolve("catalog"));
        CodegenConfiguration configuration = CodegenConfiguration.defaults(temp.resolve("out"));
        List<SourceContributor> made = new ArrayList<>(List.of(new AvroSources(), new JsonSchemaSources()));
        made.addAll(TopicSources.contributors());
        GenerationResult first =
                new CodeGenerator(made).generate(new GenerationRequest(CatalogLoader.load(catalog), configuration));
        assertThat(first.upToDate()).isFalse();
        assertThat(first.written()).isNotEmpty();

        // Same fingerprint, hence up to date: the constant ids are the steps' ids, in order.
        GenerationResult lazy =
                CodeGenerator.standard().generate(new GenerationRequest(CatalogLoader.load(catalog), configuration));
        assertThat(lazy.upToDate()).isTrue();

        // And a lazy generator that has to generate creates its steps and writes the same files.
        CodegenConfiguration other = CodegenConfiguration.defaults(temp.resolve("other"));
        GenerationResult generated =
                CodeGenerator.standard().generate(new GenerationRequest(CatalogLoader.load(catalog), other));
        assertThat(generated.written()).hasSameSizeAs(first.written());
    }

    private static String manifestOrPom() {
        String manifest = Schema.class.getPackage().getImplementationVersion();
        return manifest != null ? manifest : AvroVersion.get();
    }
}
