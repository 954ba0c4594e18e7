package io.github.eventcat.codegen;

import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.codegen.JsonModel.Declared;
import java.util.List;
import java.util.Objects;

/**
 * What the contributors of one generation run work from: the catalog, the configuration, and the
 * models that more than one contributor needs (the JSON Schema types, the per-topic names), each
 * built once per run however many contributors ask, and from any thread.
 */
public final class CodegenInput {
    private final Catalog catalog;
    private final CodegenConfiguration configuration;
    private List<Declared> jsonTypes;
    private CodegenException jsonTypesFailure;
    private TopicModel topicModel;
    private CodegenException topicModelFailure;

    CodegenInput(Catalog catalog, CodegenConfiguration configuration) {
        this.catalog = Objects.requireNonNull(catalog, "catalog == null");
        this.configuration = Objects.requireNonNull(configuration, "configuration == null");
    }

    public Catalog catalog() {
        return catalog;
    }

    public CodegenConfiguration configuration() {
        return configuration;
    }

    /**
     * The JSON Schema records, enums and unions of the catalog.
     *
     * @throws CodegenException (the same one to every caller) when the schemas cannot become types
     */
    synchronized List<Declared> jsonTypes() {
        if (jsonTypes == null && jsonTypesFailure == null) {
            try {
                jsonTypes = new JsonModelBuilder(catalog, configuration).build();
            } catch (CodegenException e) {
                jsonTypesFailure = e;
            }
        }
        if (jsonTypesFailure != null) {
            throw jsonTypesFailure;
        }
        return jsonTypes;
    }

    /**
     * The names the per-topic sources share.
     *
     * @throws CodegenException (the same one to every caller) when topics would share classes
     */
    synchronized TopicModel topicModel() {
        if (topicModel == null && topicModelFailure == null) {
            try {
                topicModel = new TopicModel(this);
            } catch (CodegenException e) {
                topicModelFailure = e;
            }
        }
        if (topicModelFailure != null) {
            throw topicModelFailure;
        }
        return topicModel;
    }
}
