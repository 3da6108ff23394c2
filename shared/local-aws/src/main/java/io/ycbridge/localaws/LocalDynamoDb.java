package io.ycbridge.localaws;

import java.net.BindException;
import java.net.URI;
import java.util.Collection;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local ({@code software.amazon.dynamodb:DynamoDBLocal}) running inside this JVM, in memory, on a free
 * loopback port. The real DynamoDB wire protocol and condition-expression engine, no Docker and no account: what the
 * stores' tests, the benchmarks and the local stack run against.
 *
 * <p>{@code -sharedDb}: one database for every region and access key, so a function configured for any region sees
 * the tables the test created. {@code -disableTelemetry}: no calls home from a test run.
 */
public final class LocalDynamoDb implements AutoCloseable {
    /** Any region works with {@code -sharedDb}; clients made here use this one. */
    public static final Region REGION = Region.US_EAST_1;
    /** DynamoDB Local accepts any credentials; these make it obvious in a trace that nothing real was called. */
    public static final AwsBasicCredentials CREDENTIALS = AwsBasicCredentials.create("local", "local");

    private static final int START_ATTEMPTS = 5;

    private final DynamoDBProxyServer server;
    private final int port;
    private volatile DynamoDbClient client;
    private volatile boolean closed;

    private LocalDynamoDb(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts a fresh in-memory instance; about a second on a laptop. Close it to free the port. */
    public static LocalDynamoDb start() {
        SqliteNatives.ensureLoadable();
        Exception last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int port = LoopbackPort.pick();
            DynamoDBProxyServer server = null;
            try {
                server = ServerRunner.createServerFromCommandLineArgs(
                        new String[] {"-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)});
                JettyLoopback.bind(server);
                server.start();
                return new LocalDynamoDb(server, port);
            } catch (Exception e) {
                last = e;
                stopQuietly(server);
                if (!causedByBind(e)) {
                    break;
                }
                // Someone took the port between pick() and bind: try another.
            }
        }
        throw new IllegalStateException("DynamoDB Local did not start on " + LoopbackPort.ADDRESS.getHostAddress() + ": " + last, last);
    }

    /** {@code http://127.0.0.1:<port>}: for {@code endpointOverride} or {@code AWS_ENDPOINT_URL}. */
    public URI endpoint() {
        return URI.create("http://" + LoopbackPort.ADDRESS.getHostAddress() + ":" + port);
    }

    public int port() {
        return port;
    }

    /** The addresses the server listens on; for the test that keeps it on loopback. */
    java.util.List<String> boundHosts() throws ReflectiveOperationException {
        return JettyLoopback.hosts(server);
    }

    /** A client for this instance (url-connection HTTP, static dummy credentials), made once and closed with it. */
    public DynamoDbClient client() {
        DynamoDbClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = newClient();
                }
                current = client;
            }
        }
        return current;
    }

    /** A new client of its own, e.g. for a benchmark that must not share connection state; the caller closes it. */
    public DynamoDbClient newClient() {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint())
                .region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(CREDENTIALS))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** Creates tables from requests built elsewhere (the table definitions live with the code that uses them). */
    public void createTables(Collection<CreateTableRequest> requests) {
        for (CreateTableRequest request : requests) {
            client().createTable(request);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (client != null) {
            client.close();
        }
        stopQuietly(server);
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException || String.valueOf(t.getMessage()).contains("Failed to bind")) {
                return true;
            }
        }
        return false;
    }

    private static void stopQuietly(DynamoDBProxyServer server) {
        if (server == null) {
            return;
        }
        try {
            server.stop();
        } catch (Exception ignored) {
            // Stopping a server that never started, or twice: nothing to free.
        }
    }
}
