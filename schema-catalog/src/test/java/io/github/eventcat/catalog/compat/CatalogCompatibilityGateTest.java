package io.github.eventcat.catalog.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CI gate against baseline catalogs: directories, jars, git revisions, and histories of them. */
class CatalogCompatibilityGateTest {
    static final Path EXAMPLE = Path.of("../generated-example/src/main/catalog");
    static final String TICKET_OPENED = "tickets-com.example.repairshop.TicketOpened";
    static final String TICKET_OPENED_FILE = "schemas/repairshop/ticket_opened.avsc";
    static final String AGE = "{\"name\": \"age\", \"type\": \"int\"}";
    static final String TICKET_OPENED_EXAMPLE = "examples/repairshop/ticket_opened.json";

    @TempDir
    Path temp;

    @Test
    void anUnchangedCatalogIsCompatibleWithItself() {
        CompatibilityGateResult result = gate(EXAMPLE, false, BaselineSource.directory(EXAMPLE, "1.0.0"));

        assertThat(result.isCompatible()).isTrue();
        assertThat(result.newSubjects()).isEmpty();
        assertThat(result.checks())
                .hasSize(9)
                .allSatisfy(check -> assertThat(check.report().checkedAgainst()).containsExactly("1.0.0"));
        assertThat(result.summary())
                .isEqualTo("9 subjects checked against 1.0.0: 9 compatible, 0 breaking (0 findings); 0 new");
    }

    @Test
    void removingAFieldWithoutADefaultFailsAFullLevelAgainstADirectoryBaseline() throws IOException {
        Path current = copyExample("current");
        fullTransitiveTickets(current);
        removeAge(current);

        CompatibilityGateResult result = gate(current, false, BaselineSource.directory(EXAMPLE, "1.0.0"));

        assertThat(result.isCompatible()).isFalse();
        assertThat(result.breakingChecks()).singleElement().satisfies(check -> {
            assertThat(check.subject()).isEqualTo(TICKET_OPENED);
            assertThat(check.schemaFile()).isEqualTo("src/main/catalog/" + TICKET_OPENED_FILE);
            assertThat(check.report().findings()).hasSize(2).first().satisfies(finding -> {
                assertThat(finding.path()).isEqualTo("requester.age");
                assertThat(finding.change())
                        .isEqualTo("field \"age\" removed, and version 1.0.0 has no default for it");
                assertThat(finding.fix()).startsWith("keep the field `age`");
                assertThat(finding.direction()).isEqualTo(Direction.FORWARD);
            });
            // The concrete test beside the rule: the current example does not read with the old schema.
            assertThat(check.report().findings().get(1)).satisfies(finding -> {
                assertThat(finding.path()).isEqualTo(TICKET_OPENED_EXAMPLE);
                assertThat(finding.rule()).isEqualTo("EXAMPLE_UNREADABLE");
                assertThat(finding.change())
                        .isEqualTo("the example does not read with the schema of version 1.0.0:"
                                + " Found com.example.repairshop.Requester, expecting com.example.repairshop.Requester,"
                                + " missing required field age");
                assertThat(finding.direction()).isEqualTo(Direction.FORWARD);
            });
        });
        assertThat(result.text()).contains("BREAK " + TICKET_OPENED + " (src/main/catalog/" + TICKET_OPENED_FILE + ")");
    }

    @Test
    void theLevelComesFromTheCurrentCatalog() throws IOException {
        // Under the example's BACKWARD_TRANSITIVE, removing a field is compatible: new readers ignore it.
        Path current = copyExample("current");
        removeAge(current);

        assertThat(gate(current, false, BaselineSource.directory(EXAMPLE, "1.0.0"))
                        .isCompatible())
                .isTrue();
    }

    @Test
    void anOldAvroExampleThatNoLongerReadsBreaksBackward() throws IOException {
        Path current = copyExample("current");
        edit(current.resolve(TICKET_OPENED_FILE), AGE, "{\"name\": \"age\", \"type\": \"string\"}");
        edit(current.resolve(TICKET_OPENED_EXAMPLE), "\"age\": 34", "\"age\": \"34\"");

        CompatibilityGateResult result = gate(current, false, BaselineSource.directory(EXAMPLE, "1.0.0"));

        assertThat(check(result, TICKET_OPENED).report().findings())
                .filteredOn(finding -> finding.rule().equals("EXAMPLE_UNREADABLE"))
                .singleElement()
                .satisfies(finding -> {
                    assertThat(finding.path()).isEqualTo(TICKET_OPENED_EXAMPLE);
                    assertThat(finding.direction()).isEqualTo(Direction.BACKWARD);
                    assertThat(finding.checkedAgainst()).isEqualTo("1.0.0");
                    assertThat(finding.message())
                            .isEqualTo(TICKET_OPENED_EXAMPLE + ": the example of version 1.0.0"
                                    + " does not read with the new schema: Found int, expecting string — consumers using the new"
                                    + " schema cannot read records written with version 1.0.0 (BACKWARD check against version"
                                    + " 1.0.0, rule EXAMPLE_UNREADABLE). Fix: records like this example are in the topic already:"
                                    + " make the change readable for them (give a new field a default, keep a removed enum symbol"
                                    + " or union branch, widen rather than narrow a type)");
                });
    }

    @Test
    void anOldJsonExampleTheNewSchemaRejectsBreaksBackward() throws IOException {
        Path current = copyExample("current");
        edit(
                current.resolve("schemas/users/user_created.json"),
                "\"name\": {\"type\": \"string\"}",
                "\"name\": {\"type\": \"string\", \"maxLength\": 5}");
        edit(current.resolve("examples/users/user_created.json"), "Ana Silva", "Ana");

        CompatibilityGateResult result = gate(current, false, BaselineSource.directory(EXAMPLE, "1.0.0"));

        assertThat(check(result, "user.created-value").report().findings())
                .filteredOn(finding -> finding.rule().equals("EXAMPLE_UNREADABLE"))
                .singleElement()
                .satisfies(finding -> {
                    assertThat(finding.path()).isEqualTo("examples/users/user_created.json");
                    assertThat(finding.direction()).isEqualTo(Direction.BACKWARD);
                    assertThat(finding.change())
                            .isEqualTo("the example of version 1.0.0 does not read with the new"
                                    + " schema: /name: must be at most 5 characters long");
                });
    }

    @Test
    void examplesAreNotCheckedAtLevelNone() throws IOException {
        Path current = copyExample("current");
        edit(current.resolve("catalog.yaml"), "  tickets:\n", "  tickets:\n    compatibility: NONE\n");
        edit(current.resolve(TICKET_OPENED_FILE), AGE, "{\"name\": \"age\", \"type\": \"string\"}");
        edit(current.resolve(TICKET_OPENED_EXAMPLE), "\"age\": 34", "\"age\": \"34\"");

        assertThat(gate(current, false, BaselineSource.directory(EXAMPLE, "1.0.0"))
                        .isCompatible())
                .isTrue();
    }

    @Test
    void aReleasedJarIsABaseline() throws IOException {
        Path jar = temp.resolve("example-catalog-1.0.0.jar");
        writeJar(jar, EXAMPLE);
        Path current = copyExample("current");
        fullTransitiveTickets(current);
        removeAge(current);

        CompatibilityGateResult result = gate(current, false, BaselineSource.jar(jar, "1.0.0"));

        assertThat(result.breakingChecks()).extracting(SubjectCheck::subject).containsExactly(TICKET_OPENED);
        assertThat(result.breakingChecks().get(0).report().findings().get(0).message())
                .contains("requester.age: field \"age\" removed, and version 1.0.0 has no default for it")
                .contains("Fix: keep the field `age`");
    }

    @Test
    void transitiveLevelsCheckEveryBaselineNonTransitiveOnlyTheLatest() throws IOException {
        // 1.0: age without a default; 1.1: age with a default; current: age removed.
        Path v11 = copyExample("v1.1");
        edit(v11.resolve(TICKET_OPENED_FILE), AGE, "{\"name\": \"age\", \"type\": \"int\", \"default\": 0}");
        List<BaselineSource> history =
                List.of(BaselineSource.directory(EXAMPLE, "1.0"), BaselineSource.directory(v11, "1.1"));

        Path full = copyExample("full");
        edit(full.resolve("catalog.yaml"), "  tickets:\n", "  tickets:\n    compatibility: FULL\n");
        removeAge(full);
        CompatibilityGateResult nonTransitive = gate(full, false, history.toArray(BaselineSource[]::new));

        Path fullTransitive = copyExample("full-transitive");
        fullTransitiveTickets(fullTransitive);
        removeAge(fullTransitive);
        CompatibilityGateResult transitive = gate(fullTransitive, false, history.toArray(BaselineSource[]::new));

        assertThat(nonTransitive.isCompatible()).isTrue();
        assertThat(check(nonTransitive, TICKET_OPENED).report().checkedAgainst())
                .containsExactly("1.1");
        assertThat(check(transitive, TICKET_OPENED).report().checkedAgainst()).containsExactly("1.0", "1.1");
        assertThat(check(transitive, TICKET_OPENED).report().findings())
                .extracting(CompatibilityFinding::checkedAgainst, CompatibilityFinding::path)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("1.0", "requester.age"),
                        org.assertj.core.groups.Tuple.tuple("1.0", TICKET_OPENED_EXAMPLE));
    }

    @Test
    void aRemovedSubjectBreaksUnlessAllowed() throws IOException {
        Path current = copyExample("current");
        edit(current.resolve("catalog.yaml"), "      - schemas/repairshop/ticket_closed.avsc\n", "");
        String subject = "tickets-com.example.repairshop.TicketClosed";

        CompatibilityGateResult strict = gate(current, false, BaselineSource.directory(EXAMPLE, "1.0.0"));
        CompatibilityGateResult allowed = gate(current, true, BaselineSource.directory(EXAMPLE, "1.0.0"));

        assertThat(strict.breakingChecks()).extracting(SubjectCheck::subject).containsExactly(subject);
        CompatibilityFinding finding =
                check(strict, subject).report().findings().get(0);
        assertThat(finding.rule()).isEqualTo("SUBJECT_REMOVED");
        assertThat(finding.change()).startsWith("subject removed: topic \"tickets\" no longer has this schema");
        assertThat(finding.fix()).startsWith("keep schemas/repairshop/ticket_closed.avsc on topic \"tickets\"");
        assertThat(allowed.isCompatible()).isTrue();
        assertThat(allowed.allowedRemovedSubjects()).containsExactly(subject);
        assertThat(allowed.summary()).endsWith("; removed (allowed): [" + subject + "]");
    }

    @Test
    void aRemovedTopicBreaks() throws IOException {
        Path current = copyExample("current");
        edit(
                current.resolve("catalog.yaml"),
                "  appointments:\n    key: ticket_id\n    partitions: 3\n    retention: 30d\n    events:\n"
                        + "      - schemas/repairshop/appointment_booked.avsc\n",
                "");

        CompatibilityGateResult result = gate(current, false, BaselineSource.directory(EXAMPLE, "1.0.0"));

        assertThat(result.breakingChecks()).singleElement().satisfies(check -> {
            assertThat(check.subject()).isEqualTo("appointments-com.example.repairshop.AppointmentBooked");
            assertThat(check.report().findings().get(0).rule()).isEqualTo("TOPIC_REMOVED");
            assertThat(check.report().findings().get(0).change())
                    .isEqualTo("subject removed: topic \"appointments\" is no longer in the catalog");
        });
    }

    @Test
    void aNewSubjectIsNewNotAnError() throws IOException {
        Path current = copyExample("current");
        Files.writeString(
                current.resolve("catalog.yaml"),
                "\n  repairs:\n    key: ticket_id\n    events:\n      - schemas/repairshop/ticket_closed.avsc\n",
                java.nio.file.StandardOpenOption.APPEND);

        CompatibilityGateResult result = gate(current, false, BaselineSource.directory(EXAMPLE, "1.0.0"));

        assertThat(result.isCompatible()).isTrue();
        assertThat(result.newSubjects()).containsExactly("repairs-com.example.repairshop.TicketClosed");
        assertThat(check(result, "repairs-com.example.repairshop.TicketClosed")
                        .report()
                        .checkedAgainst())
                .isEmpty();
    }

    @Test
    void jsonSchemasWithReferencesAreCompared() throws IOException {
        // task_event.json refers to task_data.json, which refers to priority.json: a change there counts.
        Path current = copyExample("current");
        Path priority = current.resolve("schemas/todo/priority.json");
        String text = Files.readString(priority);
        assertThat(text).contains("\"enum\"");
        edit(priority, "\"enum\": [", "\"enum\": [\"urgent\", ");

        CompatibilityGateResult result = gate(current, false, BaselineSource.directory(EXAMPLE, "1.0.0"));

        assertThat(check(result, "task-events-value").report().isCompatible()).isFalse();
    }

    @Test
    void aGitRevisionIsABaseline() throws IOException, InterruptedException {
        Path repository = temp.resolve("repo");
        Path catalog = repository.resolve("events/src/main/catalog");
        copy(EXAMPLE, catalog);
        fullTransitiveTickets(catalog);
        git(repository, "init", "-q");
        git(repository, "add", ".");
        git(repository, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "1.0");
        git(repository, "tag", "v1.0");
        removeAge(catalog);

        CompatibilityGateResult result = gate(catalog, false, BaselineSource.gitRevision(catalog, "v1.0"));
        CompatibilityGateResult unchanged = gate(EXAMPLE, false, BaselineSource.gitRevision(catalog, "v1.0"));

        assertThat(result.baselines()).containsExactly("v1.0");
        assertThat(result.breakingChecks()).extracting(SubjectCheck::subject).containsExactly(TICKET_OPENED);
        assertThat(result.breakingChecks().get(0).report().findings().get(0).change())
                .isEqualTo("field \"age\" removed, and version v1.0 has no default for it");
        assertThat(unchanged.breakingChecks()).isEmpty();
    }

    @Test
    void anUnknownGitRevisionIsNamed() throws IOException, InterruptedException {
        Path repository = temp.resolve("repo");
        copy(EXAMPLE, repository);
        git(repository, "init", "-q");
        git(repository, "add", ".");
        git(repository, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "1.0");

        BaselineException failure = catchThrowableOfType(
                BaselineException.class, () -> gate(repository, false, BaselineSource.gitRevision(repository, "v9.9")));

        assertThat(failure.baseline()).isEqualTo("v9.9");
        assertThat(failure.getMessage())
                .startsWith(
                        "Tried to read the catalog at git revision \"v9.9\" but failed because: the git repository at "
                                + repository.toAbsolutePath().normalize() + " has no revision \"v9.9\"");
    }

    @Test
    void aDirectoryMissingAtTheRevisionIsNamed() throws IOException, InterruptedException {
        Path repository = temp.resolve("repo");
        Files.createDirectories(repository);
        Files.writeString(repository.resolve("README"), "nothing yet");
        git(repository, "init", "-q");
        git(repository, "add", ".");
        git(repository, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "0");
        Path catalog = repository.resolve("catalog");
        copy(EXAMPLE, catalog);

        BaselineException failure = catchThrowableOfType(
                BaselineException.class, () -> gate(catalog, false, BaselineSource.gitRevision(catalog, "HEAD")));

        assertThat(failure.getMessage())
                .endsWith("revision \"HEAD\" has no directory \"catalog\": the catalog did not exist there yet, or was"
                        + " elsewhere; choose a later revision");
    }

    @Test
    void aDirectoryOutsideGitIsNamed() throws IOException {
        Path catalog = copyExample("not-a-repo");

        BaselineException failure = catchThrowableOfType(
                BaselineException.class, () -> gate(catalog, false, BaselineSource.gitRevision(catalog, "HEAD")));

        assertThat(failure.getMessage()).contains("is not inside a git working tree");
    }

    @Test
    void anInvalidBaselineIsABaselineFailure() throws IOException {
        Path broken = copyExample("broken");
        Files.writeString(broken.resolve("catalog.yaml"), "topics: [");

        BaselineException failure = catchThrowableOfType(
                BaselineException.class, () -> gate(EXAMPLE, false, BaselineSource.directory(broken, "0.9")));

        assertThat(failure.getMessage()).startsWith("The baseline catalog 0.9 does not load");
    }

    @Test
    void aBaselineThatBreaksLaterRulesForGeneratedCodeIsStillComparedAgainst() throws IOException {
        // Released before this version's rules: its topic key is no field of the events, and its
        // example no longer matches the schema. Neither changes its schemas or subjects.
        Path baseline = copyExample("baseline");
        edit(
                baseline.resolve("catalog.yaml"),
                "    key: ticket_id\n    partitions: 3\n    retention: 30d\n    events:\n      #",
                "    key: ticket_number\n    partitions: 3\n    retention: 30d\n    events:\n      #");
        edit(baseline.resolve(TICKET_OPENED_EXAMPLE), "\"age\": 34", "\"age\": \"34\"");
        Path current = copyExample("current");
        fullTransitiveTickets(current);
        removeAge(current);

        CompatibilityGateResult result = gate(current, false, BaselineSource.directory(baseline, "0.9"));

        assertThat(result.waivedProblems())
                .extracting(waived -> waived.baseline() + " " + waived.problem().message())
                .containsExactly(
                        "0.9 at /requester/age: expected an int, found the string \"34\": write a whole number from"
                                + " -2147483648 to 2147483647 (schema " + TICKET_OPENED_FILE + ")",
                        "0.9 event record \"com.example.repairshop.TicketClosed\" has no field \"ticket_number\", the key"
                                + " of topic \"tickets\": add it as a top-level field of type string (uuid allowed), int"
                                + " or long",
                        "0.9 event record \"com.example.repairshop.TicketOpened\" has no field \"ticket_number\", the key"
                                + " of topic \"tickets\": add it as a top-level field of type string (uuid allowed), int"
                                + " or long");
        assertThat(result.breakingChecks()).singleElement().satisfies(check -> {
            assertThat(check.subject()).isEqualTo(TICKET_OPENED);
            assertThat(check.report().checkedAgainst()).containsExactly("0.9");
            assertThat(check.report().findings())
                    .extracting(CompatibilityFinding::change)
                    .containsExactly(
                            "field \"age\" removed, and version 0.9 has no default for it",
                            "the example does not read with the schema of version 0.9: Found"
                                    + " com.example.repairshop.Requester, expecting com.example.repairshop.Requester,"
                                    + " missing required field age");
        });
        assertThat(result.logLines())
                .filteredOn(line -> line.severity() == ReportLine.Severity.WARNING)
                .extracting(ReportLine::text)
                .hasSize(3)
                .allSatisfy(text -> assertThat(text)
                        .startsWith("Baseline 0.9 breaks a rule this version of Eventcat sets for generated code;"
                                + " waived, since a baseline is only compared against: "));
        assertThat(result.logLines().get(0).text())
                .endsWith(": " + result.waivedProblems().get(0).problem());
    }

    @Test
    void writesTheJUnitReport() throws IOException {
        Path current = copyExample("current");
        fullTransitiveTickets(current);
        removeAge(current);
        Path report = temp.resolve("target/eventcat-compat/TEST-compatibility.xml");

        CompatibilityGateResult result = CatalogCompatibilityGate.run(new CompatibilityGateRequest(
                current,
                "src/main/catalog",
                List.of(BaselineSource.directory(EXAMPLE, "1.0.0")),
                false,
                Optional.of(report)));

        assertThat(Files.readString(report))
                .isEqualTo(result.junitXml())
                .contains("<testsuite name=\"eventcat.compatibility\" tests=\"9\" failures=\"1\"");
    }

    private static CompatibilityGateResult gate(Path current, boolean allowRemoved, BaselineSource... baselines) {
        return CatalogCompatibilityGate.run(new CompatibilityGateRequest(
                current, "src/main/catalog", List.of(baselines), allowRemoved, Optional.empty()));
    }

    private static SubjectCheck check(CompatibilityGateResult result, String subject) {
        return result.checks().stream()
                .filter(c -> c.subject().equals(subject))
                .findFirst()
                .orElseThrow();
    }

    private Path copyExample(String name) throws IOException {
        Path target = temp.resolve(name);
        copy(EXAMPLE, target);
        return target;
    }

    private static void fullTransitiveTickets(Path catalog) throws IOException {
        edit(catalog.resolve("catalog.yaml"), "  tickets:\n", "  tickets:\n    compatibility: FULL_TRANSITIVE\n");
    }

    private static void removeAge(Path catalog) throws IOException {
        Path file = catalog.resolve(TICKET_OPENED_FILE);
        String text = Files.readString(file);
        edit(file, text.contains(AGE) ? ",\n          " + AGE : "", "");
        // The example shows what the schema writes: a removed field leaves it too.
        edit(catalog.resolve(TICKET_OPENED_EXAMPLE), ",\n    \"age\": 34", "");
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).as(file.toString()).contains(from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    private static void writeJar(Path jar, Path directory) throws IOException {
        try (Stream<Path> walk = Files.walk(directory);
                OutputStream out = Files.newOutputStream(jar);
                JarOutputStream jarOut = new JarOutputStream(out)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                jarOut.putNextEntry(new JarEntry("META-INF/eventcat/catalog/"
                        + directory.relativize(file).toString().replace('\\', '/')));
                jarOut.write(Files.readAllBytes(file));
                jarOut.closeEntry();
            }
        }
    }

    private static void git(Path directory, String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", directory.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor())
                .as(String.join(" ", command) + ": " + output)
                .isZero();
    }
}
