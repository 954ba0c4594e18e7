package io.github.eventcat.catalog.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.CatalogException;
import io.github.eventcat.catalog.CatalogLoader;
import io.github.eventcat.catalog.CatalogProblem;
import io.github.eventcat.catalog.SchemaFile;
import io.github.eventcat.catalog.SchemaFormat;
import io.github.eventcat.catalog.SourceDocument;
import io.github.eventcat.catalog.compat.ReportFiles;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks a catalog against the event-design rules its catalog.yaml selects ({@code lint:}; the
 * default set without one). The entry point for build tools; Maven-free.
 */
public final class CatalogLinter {
    /** The schema property that ignores rules on one record, field, object or property. */
    public static final String IGNORE_PROPERTY = "x-eventcat-lint-ignore";

    private CatalogLinter() {}

    /**
     * Loads the catalog, lints it, and writes the JUnit report if asked.
     *
     * @throws CatalogException when the catalog does not load or its lint configuration is wrong
     * @throws UncheckedIOException when the report cannot be written
     */
    public static LintResult run(LintRequest request) {
        Catalog catalog = CatalogLoader.load(request.catalogDirectory());
        LintResult result = lint(catalog, request.shownCatalogDirectory());
        request.junitReport().ifPresent(file -> ReportFiles.write(file, result.junitXml(), "the lint report"));
        return result;
    }

    /**
     * Lints a loaded catalog.
     *
     * @param shownCatalogDirectory put in front of file names in reports ("" for none)
     * @throws CatalogException listing every mistake in the lint configuration (catalog.yaml's
     *     {@code lint} section and in-schema ignores), each at its line:column
     */
    public static LintResult lint(Catalog catalog, String shownCatalogDirectory) {
        List<CatalogProblem> problems = new ArrayList<>();
        LintConfig config = LintConfigReader.read(catalog.manifest(), problems);
        Map<String, Shapes.File> files = new TreeMap<>();
        Map<String, Map<String, Set<LintRule>>> ignores = new TreeMap<>();
        for (SchemaFile file : catalog.schemaFiles()) {
            SourceDocument document = SourceDocument.of(file);
            Map<String, Set<LintRule>> fileIgnores = new LinkedHashMap<>();
            collectIgnores(document, document.root(), "", fileIgnores, problems);
            ignores.put(file.path(), fileIgnores);
            if (file.format() == SchemaFormat.AVRO) {
                AvroShapes shapes = AvroShapes.of(document, catalog.avroSchema(file));
                files.put(file.path(), new Shapes.File(file.path(), shapes.records(), shapes.enums(), fileIgnores));
            } else {
                JsonShapes shapes = JsonShapes.of(document);
                files.put(file.path(), new Shapes.File(file.path(), shapes.records(), shapes.enums(), fileIgnores));
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(CatalogProblem.ORDER);
            throw new CatalogException(catalog.source(), problems);
        }
        Findings findings = new Findings(config, ignores);
        files.values().forEach(file -> SchemaChecks.check(file, findings));
        new EventChecks(catalog, files, findings).check();
        List<String> checked = new ArrayList<>();
        checked.add(LintConfigReader.FILE);
        checked.addAll(files.keySet());
        return new LintResult(findings.sorted(), checked, shownCatalogDirectory);
    }

    /** Every {@value #IGNORE_PROPERTY} in a schema file, by the pointer of the object carrying it. */
    private static void collectIgnores(
            SourceDocument document,
            JsonNode node,
            String pointer,
            Map<String, Set<LintRule>> ignores,
            List<CatalogProblem> problems) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectIgnores(document, node.get(i), pointer + "/" + i, ignores, problems);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        JsonNode ignore = node.get(IGNORE_PROPERTY);
        if (ignore != null) {
            String at = pointer + "/" + IGNORE_PROPERTY;
            Set<LintRule> rules = EnumSet.noneOf(LintRule.class);
            if (!ignore.isArray()) {
                problems.add(new CatalogProblem(
                        document.file(),
                        document.locate(at),
                        "\"" + IGNORE_PROPERTY + "\" must be a list of lint rule ids, e.g. [\"FIELD_DOC\"]"));
            } else {
                for (int i = 0; i < ignore.size(); i++) {
                    try {
                        rules.add(LintRule.valueOf(ignore.get(i).asText()));
                    } catch (IllegalArgumentException e) {
                        problems.add(new CatalogProblem(
                                document.file(),
                                document.locate(at + "/" + i),
                                LintConfigReader.unknownRule(ignore.get(i).asText(), false)));
                    }
                }
            }
            ignores.put(pointer, rules);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            if (!member.getKey().equals(IGNORE_PROPERTY)) {
                collectIgnores(
                        document,
                        member.getValue(),
                        pointer + "/" + SourceDocument.segment(member.getKey()),
                        ignores,
                        problems);
            }
        }
    }
}
