package io.github.eventcat.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.codegen.AvroSources.InMemoryOutput.ReusingContextEngine;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Avro's templates are rendered in one Velocity context per template (for its method look-ups):
 * each rendering sees exactly the caller's values, never one left by an earlier rendering.
 */
class AvroTemplateContextTest {
    @TempDir
    Path templates;

    @Test
    void eachRenderingSeesTheCallersValuesAndNothingAnEarlierOneSet() throws Exception {
        // A variable the template sets, one the caller may or may not give, and method calls on both.
        Files.writeString(
                templates.resolve("t.vm"),
                "#if($seen)left over:$seen#end#set($seen = $name.toUpperCase())"
                        + "$name.length() #if($extra)extra:$extra.length()#end|$seen");
        VelocityEngine plain = engine();
        ReusingContextEngine reusing = new ReusingContextEngine(engine());

        for (Map<String, Object> values : java.util.List.<Map<String, Object>>of(
                Map.of("name", "first", "extra", "xy"),
                Map.of("name", "second"),
                Map.of("name", "third", "extra", "z"),
                Map.of("name", "fourth"))) {
            assertThat(render(reusing.getTemplate("t.vm"), values))
                    .isEqualTo(render(plain.getTemplate("t.vm"), values))
                    .doesNotContain("left over");
        }
        assertThat(render(reusing.getTemplate("t.vm"), Map.of("name", "abc"))).isEqualTo("3 |ABC");
    }

    private VelocityEngine engine() {
        VelocityEngine engine = new VelocityEngine();
        engine.setProperty("resource.loaders", "file");
        engine.setProperty("resource.loader.file.path", templates.toString());
        engine.setProperty("resource.loader.file.cache", true);
        return engine;
    }

    private static String render(Template template, Map<String, Object> values) {
        VelocityContext context = new VelocityContext();
        values.forEach(context::put);
        StringWriter out = new StringWriter();
        template.merge(context, out);
        return out.toString();
    }
}
