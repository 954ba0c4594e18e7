package io.github.eventcat.codegen.maven;

import io.github.eventcat.codegen.light.engine.DocsResult;
import java.io.File;
import java.util.Locale;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * The catalog docs as a Maven site report: {@code mvn site} gets an "Event catalog" page (the
 * catalog's description, its topics and event types) that leads into the docs site, written by
 * the same generator as {@code codegen:docs} to {@code eventcat-docs/} under the site (with
 * {@code asyncapi.yaml}). Takes the parameters of {@code codegen:docs}, except where it writes.
 */
@Mojo(name = "docs-report", defaultPhase = LifecyclePhase.SITE, threadSafe = true)
public class DocsReportMojo extends DocsMojo implements MavenReport {
    /** The directory of the docs site, under the Maven site's directory. */
    static final String DIRECTORY = "eventcat-docs";
    /** The report page, {@code eventcat-catalog.html} in the Maven site. */
    static final String OUTPUT_NAME = "eventcat-catalog";

    /**
     * Where the report writes when the goal runs on its own ({@code mvn codegen:docs-report}); in
     * {@code mvn site}, the site's directory. The docs site goes to its {@code eventcat-docs/}.
     */
    @Parameter(defaultValue = "${project.reporting.outputDirectory}", readonly = true, required = true)
    private File reportOutputDirectory;

    /** Run on its own: writes the docs site where the report would (no report page without mvn site). */
    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped()) {
            getLog().info("Skipping the catalog docs (codegen.docs.skip)");
            return;
        }
        getLog().info(generate(siteDirectory().toPath()).summary());
    }

    @Override
    public void generate(Sink sink, Locale locale) throws MavenReportException {
        DocsResult result;
        try {
            result = generate(siteDirectory().toPath());
        } catch (MojoExecutionException | MojoFailureException e) {
            throw new MavenReportException(e.getMessage(), e);
        }
        getLog().info(result.summary());
        render(sink, result, locale);
    }

    private File siteDirectory() {
        return new File(reportOutputDirectory, DIRECTORY);
    }

    /** The page: what the catalog is, links into the docs site, a table of topics and event types. */
    private void render(Sink sink, DocsResult overview, Locale locale) {
        sink.head();
        sink.title();
        sink.text(getName(locale));
        sink.title_();
        sink.head_();
        sink.body();
        sink.section1();
        sink.sectionTitle1();
        sink.text(getName(locale));
        sink.sectionTitle1_();
        overview.description().ifPresent(description -> {
            sink.paragraph();
            sink.text(description);
            sink.paragraph_();
        });
        sink.paragraph();
        sink.text(overview.topics().size()
                + (overview.topics().size() == 1 ? " topic, " : " topics, ")
                + overview.events()
                + (overview.events() == 1 ? " event type. " : " event types. "));
        link(sink, DIRECTORY + "/" + overview.index(), "The catalog's docs site");
        sink.text(" (search, fields, examples, history, a map) and its ");
        link(sink, DIRECTORY + "/" + overview.asyncApi(), "AsyncAPI 3.0 document");
        sink.text(".");
        sink.paragraph_();
        sink.table();
        sink.tableRows();
        sink.tableRow();
        for (String header : new String[] {"Topic", "Key field", "Event types"}) {
            sink.tableHeaderCell();
            sink.text(header);
            sink.tableHeaderCell_();
        }
        sink.tableRow_();
        for (DocsResult.Topic topic : overview.topics()) {
            sink.tableRow();
            sink.tableCell();
            link(sink, DIRECTORY + "/" + topic.page(), topic.name());
            sink.tableCell_();
            sink.tableCell();
            sink.text(topic.keyField());
            sink.tableCell_();
            sink.tableCell();
            for (int i = 0; i < topic.events().size(); i++) {
                DocsResult.Event event = topic.events().get(i);
                if (i > 0) {
                    sink.text(", ");
                }
                link(sink, DIRECTORY + "/" + event.page(), event.javaType());
            }
            sink.tableCell_();
            sink.tableRow_();
        }
        sink.tableRows_();
        sink.table_();
        sink.section1_();
        sink.body_();
        sink.flush();
    }

    /** A link to a page of the docs site; the page names are built from catalog names, escaped. */
    private static void link(Sink sink, String href, String text) {
        sink.link(href);
        sink.text(text);
        sink.link_();
    }

    @Override
    public String getOutputName() {
        return OUTPUT_NAME;
    }

    @Override
    public String getCategoryName() {
        return CATEGORY_PROJECT_REPORTS;
    }

    @Override
    public String getName(Locale locale) {
        return "Event catalog";
    }

    @Override
    public String getDescription(Locale locale) {
        return "The event catalog for its readers: topics, event types, fields, examples and history,"
                + " and its AsyncAPI 3.0 document.";
    }

    @Override
    public void setReportOutputDirectory(File outputDirectory) {
        this.reportOutputDirectory = outputDirectory;
    }

    @Override
    public File getReportOutputDirectory() {
        return reportOutputDirectory;
    }

    @Override
    public boolean isExternalReport() {
        return false;
    }

    @Override
    public boolean canGenerateReport() {
        return !skipped();
    }
}
