package io.ycbridge.localaws;

import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * DynamoDB Local's command line has no bind-address option, and its Jetty listens on every interface. Tests need
 * only loopback, so before the start we set the connector's host to 127.0.0.1 through Jetty's own public
 * {@code ServerConnector.setHost}. The server object is reached by reflection because DynamoDB Local keeps it in a
 * private field; if a later DynamoDB Local renames it, we keep its default binding rather than fail the run.
 */
final class JettyLoopback {
    private JettyLoopback() {
    }

    static void bind(Object proxyServer) {
        try {
            for (Object connector : connectors(proxyServer)) {
                Method setHost = connector.getClass().getMethod("setHost", String.class);
                setHost.invoke(connector, LoopbackPort.ADDRESS.getHostAddress());
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.err.println("local-aws: could not restrict DynamoDB Local to loopback (" + e + "); it listens on all interfaces");
        }
    }

    /** The hosts the server's connectors bind to ({@code null} meaning every interface). */
    static java.util.List<String> hosts(Object proxyServer) throws ReflectiveOperationException {
        java.util.List<String> hosts = new java.util.ArrayList<>();
        for (Object connector : connectors(proxyServer)) {
            hosts.add((String) connector.getClass().getMethod("getHost").invoke(connector));
        }
        return hosts;
    }

    private static Object[] connectors(Object proxyServer) throws ReflectiveOperationException {
        Field field = proxyServer.getClass().getDeclaredField("server");
        field.setAccessible(true);
        Object jetty = field.get(proxyServer);
        return (Object[]) jetty.getClass().getMethod("getConnectors").invoke(jetty);
    }
}
