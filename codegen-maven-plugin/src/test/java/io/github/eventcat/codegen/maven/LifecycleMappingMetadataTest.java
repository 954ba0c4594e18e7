package io.github.eventcat.codegen.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The m2e lifecycle mapping metadata the plugin jar carries: every goal of the descriptor is
 * mapped (a goal added later cannot be forgotten), and Eclipse runs generate incrementally.
 */
class LifecycleMappingMetadataTest {
    private static final Path METADATA = Path.of("target/classes/META-INF/m2e/lifecycle-mapping-metadata.xml");
    private static final Path DESCRIPTOR = Path.of("target/classes/META-INF/maven/plugin.xml");

    @Test
    void everyGoalIsMappedAndGenerateRunsOnIncrementalBuildsAndConfiguration() throws Exception {
        Document metadata = parse(METADATA);
        Map<String, Element> actionByGoal = new HashMap<>();
        NodeList executions = metadata.getElementsByTagName("pluginExecution");
        for (int i = 0; i < executions.getLength(); i++) {
            Element execution = (Element) executions.item(i);
            Element action = (Element) execution.getElementsByTagName("action").item(0);
            NodeList goals = execution.getElementsByTagName("goal");
            for (int g = 0; g < goals.getLength(); g++) {
                actionByGoal.put(goals.item(g).getTextContent().trim(), action);
            }
        }
        NodeList mojoGoals = parse(DESCRIPTOR).getElementsByTagName("goal");
        for (int i = 0; i < mojoGoals.getLength(); i++) {
            if (mojoGoals.item(i).getParentNode().getNodeName().equals("mojo")) {
                assertThat(actionByGoal)
                        .containsKey(mojoGoals.item(i).getTextContent().trim());
            }
        }
        Element generate = actionByGoal.get("generate");
        assertThat(generate.getElementsByTagName("runOnIncremental").item(0).getTextContent())
                .isEqualTo("true");
        assertThat(generate.getElementsByTagName("runOnConfiguration").item(0).getTextContent())
                .isEqualTo("true");
        for (String ignored : new String[] {"check-compatibility", "lint", "docs", "help"}) {
            assertThat(actionByGoal.get(ignored).getElementsByTagName("ignore").getLength())
                    .as(ignored)
                    .isEqualTo(1);
        }
    }

    private static Document parse(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }
}
