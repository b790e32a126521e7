package io.sentio.it;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives ITs one running server for the whole test run (started on first use, stopped when JUnit closes its
 * root store). Tests that need a server of their own (crash tests) start a {@link SentioServer} themselves.
 * Tests must not depend on each other's data: each creates its own deployments.
 */
public final class SharedServer implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Api.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.create(SharedServer.class));
        Holder holder = store.getOrComputeIfAbsent("server", key -> new Holder(), Holder.class);
        return new Api(holder.server.base());
    }

    private static final class Holder implements ExtensionContext.Store.CloseableResource {
        final SentioServer server = new SentioServer("shared").startFresh();

        @Override
        public void close() {
            server.close();
        }
    }
}
