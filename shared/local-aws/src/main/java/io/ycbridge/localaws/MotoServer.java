package io.ycbridge.localaws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.regions.Region;

/**
 * moto's server mode ({@code moto_server}, from the pinned {@code moto[server]} in the project's virtualenv) as a child
 * process on a free loopback port: real AWS wire protocols for services DynamoDB Local does not cover — Secrets
 * Manager for the token provider. Not a mock in the test's process: the real SDK client signs and sends requests.
 *
 * <p>The virtualenv is made by {@code tools/python-tools}. It is found through the system property
 * {@value #VENV_PROPERTY}, the environment variable {@value #VENV_ENV}, or by walking up from the working directory to
 * the repository root (the folder holding {@code tools/python-tools}) and taking its {@code .venv}.
 */
public final class MotoServer implements AutoCloseable {
    public static final String VENV_PROPERTY = "ycbridge.venv";
    public static final String VENV_ENV = "YCBRIDGE_VENV";
    /** moto accepts any credentials and region; these are what the clients made for it use. */
    public static final Region REGION = Region.US_EAST_1;
    public static final AwsBasicCredentials CREDENTIALS = AwsBasicCredentials.create("testing", "testing");

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final int START_ATTEMPTS = 3;

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private MotoServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts moto_server from the project's virtualenv. */
    public static MotoServer start() {
        return start(locateExecutable());
    }

    /** Starts the given moto_server executable. Fails with the log's tail when it does not answer in time. */
    public static MotoServer start(Path executable) {
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("moto_server not found or not executable at " + executable + ": run tools/python-tools "
                    + "(creates <repo>/.venv with the pinned moto[server]), or point -D" + VENV_PROPERTY + " at a virtualenv that has it");
        }
        IllegalStateException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int port = LoopbackPort.pick();
            Path log;
            try {
                log = Files.createTempFile("moto-server-" + port + "-", ".log");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a log file for moto_server", e);
            }
            Process process;
            try {
                ProcessBuilder builder = new ProcessBuilder(executable.toString(), "-H", LoopbackPort.ADDRESS.getHostAddress(),
                        "-p", Integer.toString(port))
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile());
                // moto reads these when a request lacks them; nothing here may reach a real account.
                builder.environment().put("AWS_ACCESS_KEY_ID", CREDENTIALS.accessKeyId());
                builder.environment().put("AWS_SECRET_ACCESS_KEY", CREDENTIALS.secretAccessKey());
                builder.environment().put("AWS_DEFAULT_REGION", REGION.id());
                process = builder.start();
            } catch (IOException e) {
                throw new IllegalStateException("could not run " + executable + ": " + e.getMessage(), e);
            }
            MotoServer server = new MotoServer(process, port, log);
            try {
                server.awaitReady();
                Runtime.getRuntime().addShutdownHook(new Thread(server::close, "moto-server-stop"));
                return server;
            } catch (IllegalStateException e) {
                server.close();
                last = e;
                if (!server.logTail().contains("Address already in use")) {
                    break;
                }
            }
        }
        throw last;
    }

    /** The moto_server of the project's virtualenv (see the class comment for how it is found). */
    public static Path locateExecutable() {
        Path venv = Optional.ofNullable(System.getProperty(VENV_PROPERTY))
                .or(() -> Optional.ofNullable(System.getenv(VENV_ENV)))
                .filter(value -> !value.isBlank())
                .map(Path::of)
                .orElseGet(MotoServer::repositoryVenv);
        boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win");
        return windows ? venv.resolve("Scripts").resolve("moto_server.exe") : venv.resolve("bin").resolve("moto_server");
    }

    private static Path repositoryVenv() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("tools").resolve("python-tools"))) {
                return dir.resolve(".venv");
            }
        }
        throw new IllegalStateException("cannot find the ycbridge repository root (a folder with tools/python-tools) above " + start
                + ", so not its .venv with moto_server either: set -D" + VENV_PROPERTY + "=<virtualenv> or " + VENV_ENV);
    }

    public URI endpoint() {
        return URI.create("http://" + LoopbackPort.ADDRESS.getHostAddress() + ":" + port);
    }

    public int port() {
        return port;
    }

    /** Forgets every resource moto holds (its {@code /moto-api/reset}), so a test starts from nothing. */
    public void reset() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint().resolve("/moto-api/reset"))
                    .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("moto reset answered HTTP " + response.statusCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("moto reset failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while resetting moto", e);
        }
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited with code " + process.exitValue() + " before answering; its output:\n" + logTail());
            }
            if (LoopbackPort.accepts(port) && answers()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for moto_server", e);
            }
        }
        throw new IllegalStateException("moto_server did not answer on " + endpoint() + " within " + START_TIMEOUT.toSeconds()
                + " s; its output:\n" + logTail());
    }

    private boolean answers() {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(endpoint().resolve("/moto-api/"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() < 500;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
