package io.github.eventcat.codegen;

import static io.github.eventcat.codegen.TopicSources.EVENT_CONTEXT;
import static io.github.eventcat.codegen.TopicSources.file;
import static io.github.eventcat.codegen.TopicSources.topicName;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.github.eventcat.codegen.TopicModel.TopicEvent;
import io.github.eventcat.codegen.TopicModel.TopicInfo;
import javax.lang.model.element.Modifier;

/** Per topic a {@code <Topic>Handler}: one method per event type, for the consumer to call. */
final class HandlerSources implements SourceContributor {
    /** The step's id, a constant: the generator knows it without loading the step. */
    static final String ID = "topic-handlers/1";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void contribute(CodegenInput input, SourceSink sink) {
        TopicSources.perTopic(input, sink, (topic, model) -> file(topic.handler(), handler(topic), topic.origin()));
    }

    private static TypeSpec handler(TopicInfo topic) {
        TypeSpec.Builder type = TypeSpec.interfaceBuilder(topic.handler())
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(CatalogConstantsSources.generated(topic.origin()))
                // Few pieces (JavaPoet splits every one), catalog text made inert once.
                .addJavadoc(
                        "$L{@link $T}.\n\n"
                                + "<p>A method that returns has handled its event (its offset may be committed);"
                                + " one that throws is called again after a backoff and, after the last attempt,"
                                + " the original record goes to the dead-letter topic. Delivery is at least once:"
                                + " {@code context.attempt()} tells a retry from a first delivery.\n",
                        "Handles the events of topic {@code " + topicName(topic)
                                + "}, one method per event type, for a ",
                        topic.consumer());
        for (TopicEvent event : topic.events()) {
            type.addMethod(MethodSpec.methodBuilder(event.handlerMethod())
                    .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                    .addJavadoc("Handles one {@link $T}.\n", event.type())
                    .addParameter(event.type(), "event")
                    .addParameter(EVENT_CONTEXT, "context")
                    .addException(Exception.class)
                    .build());
        }
        return type.build();
    }
}
