package io.github.eventcat.testservers;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The extension behind {@link WithRealServers}: starts the shared broker and registry (in
 * parallel, the first time), resets the registry before each test class, and resolves parameters
 * of type {@link EmbeddedKafka} and {@link EmbeddedSchemaRegistry}.
 */
public final class RealServersExtension implements BeforeAllCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        // The registry is a separate JVM: let it boot while the broker starts in this one.
        CompletableFuture<EmbeddedSchemaRegistry> registry =
                CompletableFuture.supplyAsync(EmbeddedSchemaRegistry::shared);
        EmbeddedKafka.shared();
        try {
            registry.join().reset();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == EmbeddedKafka.class || type == EmbeddedSchemaRegistry.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmbeddedKafka.class
                ? EmbeddedKafka.shared()
                : EmbeddedSchemaRegistry.shared();
    }
}
