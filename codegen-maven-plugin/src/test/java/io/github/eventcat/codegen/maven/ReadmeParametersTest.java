package io.github.eventcat.codegen.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The README's parameter tables against the plugin descriptor that maven-plugin-plugin built from
 * the Mojo annotations: every goal has a table, every user-settable parameter a row, with its
 * property, and Maven's default where the annotation gives one. Meanings are written by hand.
 */
class ReadmeParametersTest {
    private static final Path DESCRIPTOR = Path.of("target/classes/META-INF/maven/plugin.xml");
    private static final Path README = Path.of("README.md");

    /** A parameter as the descriptor has it. */
    private record Described(String name, String property, String defaultValue) {}

    /** A README table row: the cells as written, without their backticks where the test needs that. */
    private record Row(String name, String property, String defaultCell, String meaning) {}

    @Test
    void everyGoalsParametersAreDocumentedWithTheirPropertiesAndDefaults() throws Exception {
        Map<String, List<Described>> goals = descriptor();
        assertThat(goals).containsOnlyKeys("generate", "check-compatibility", "lint", "docs", "docs-report", "help");
        List<String> readme = Files.readAllLines(README);

        List<String> problems = new ArrayList<>();
        goals.forEach((goal, parameters) -> {
            Map<String, Row> rows = table(readme, "### `codegen:" + goal + "`");
            if (rows == null) {
                problems.add("no section ### `codegen:" + goal + "` with a parameter table");
                return;
            }
            for (Described parameter : parameters) {
                Row row = rows.remove(parameter.name());
                if (row == null) {
                    problems.add(goal + ": parameter " + parameter.name() + " is not in the table");
                    continue;
                }
                if (!row.property().equals("`" + parameter.property() + "`")) {
                    problems.add(goal + ": " + parameter.name() + " has the property " + parameter.property()
                            + ", the README says " + row.property());
                }
                if (parameter.defaultValue() != null
                        && !row.defaultCell().equals("`" + parameter.defaultValue() + "`")) {
                    problems.add(goal + ": " + parameter.name() + " defaults to `" + parameter.defaultValue()
                            + "`, the README says " + row.defaultCell());
                }
                if (parameter.defaultValue() == null && row.defaultCell().startsWith("`${")) {
                    problems.add(goal + ": " + parameter.name() + " has no Maven default, the README says "
                            + row.defaultCell());
                }
                if (row.defaultCell().isBlank() || row.meaning().isBlank()) {
                    problems.add(goal + ": " + parameter.name() + " needs a default (or —) and a meaning");
                }
            }
            rows.keySet()
                    .forEach(name ->
                            problems.add(goal + ": the README documents " + name + ", which the goal does not have"));
        });
        assertThat(problems)
                .as("README.md parameter tables out of date with %s", DESCRIPTOR)
                .isEmpty();
    }

    /** Goal → its user-settable parameters (not read-only ones such as ${project}). */
    private static Map<String, List<Described>> descriptor() throws Exception {
        assertThat(DESCRIPTOR)
                .as("the plugin descriptor (built at process-classes)")
                .exists();
        Document document =
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(DESCRIPTOR.toFile());
        Map<String, List<Described>> goals = new LinkedHashMap<>();
        NodeList mojos = document.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String goal = child(mojo, "goal").getTextContent().trim();
            Element configuration = child(mojo, "configuration");
            List<Described> parameters = new ArrayList<>();
            NodeList declared = child(mojo, "parameters").getElementsByTagName("parameter");
            for (int j = 0; j < declared.getLength(); j++) {
                Element parameter = (Element) declared.item(j);
                if (!child(parameter, "editable").getTextContent().trim().equals("true")) {
                    continue;
                }
                String name = child(parameter, "name").getTextContent().trim();
                Element value = child(configuration, name);
                String expression = value == null ? "" : value.getTextContent().trim();
                String property = expression.startsWith("${") ? expression.substring(2, expression.length() - 1) : null;
                String defaultValue = value == null || !value.hasAttribute("default-value")
                        ? null
                        : value.getAttribute("default-value");
                parameters.add(new Described(name, property, defaultValue));
            }
            goals.put(goal, parameters);
        }
        return goals;
    }

    private static Element child(Element parent, String name) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element element
                    && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    /** The rows of the first table after {@code heading}, by parameter name; null without one. */
    private static Map<String, Row> table(List<String> readme, String heading) {
        int start = readme.indexOf(heading);
        if (start < 0) {
            return null;
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : readme.subList(start + 1, readme.size())) {
            if (line.startsWith("#")) {
                break;
            }
            if (!line.startsWith("|")) {
                if (inTable) {
                    break;
                }
                continue;
            }
            inTable = true;
            String[] cells = line.substring(1, line.length() - 1).split("\\|", -1);
            String name = cells[0].trim();
            if (cells.length != 4 || !name.startsWith("`")) {
                continue; // the header and its rule
            }
            rows.put(name.replace("`", ""), new Row(name, cells[1].trim(), cells[2].trim(), cells[3].trim()));
        }
        return inTable ? rows : null;
    }
}
