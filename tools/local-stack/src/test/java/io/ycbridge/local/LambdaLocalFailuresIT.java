package io.ycbridge.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What tools/lambda-local makes of each way a function can fail under AWS's emulator, which answers them differently
 * (a thrown error: 200 and the error document; a failed init or an exited runtime: 502; a timeout: 200 and plain text):
 * every one must end in exit code 1 with a JSON error document on stdout, as `sam local invoke` reports them. A probe
 * handler, compiled here into a jar of its own, fails on request; its template has a function with a one-second timeout.
 */
class LambdaLocalFailuresIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBE = """
            package probe;
            public final class ProbeHandler implements com.amazonaws.services.lambda.runtime.RequestStreamHandler {
                static {
                    if ("fail".equals(System.getenv("PROBE_INIT"))) {
                        throw new IllegalStateException("the probe's init failed on request");
                    }
                }
                public void handleRequest(java.io.InputStream in, java.io.OutputStream out, com.amazonaws.services.lambda.runtime.Context c)
                        throws java.io.IOException {
                    String event = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    if (event.contains("throw")) {
                        throw new IllegalArgumentException("the probe threw on request");
                    }
                    if (event.contains("exit")) {
                        System.exit(3);
                    }
                    if (event.contains("sleep")) {
                        try {
                            Thread.sleep(30_000);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    out.write(("{\\"function\\":\\"" + c.getFunctionName() + "\\",\\"memory\\":" + c.getMemoryLimitInMB() + "}").getBytes());
                }
            }
            """;
    private static Path root;
    @TempDir
    static Path work;

    @BeforeAll
    static void buildTheProbe() throws Exception {
        root = TemplateFunctionsTest.templatePath().getParent();
        RuntimeEmulator.require(root);
        Path source = work.resolve("src/probe/ProbeHandler.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, PROBE);
        Path classes = work.resolve("classes");
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "21", "-cp",
                System.getProperty("java.class.path"), "-d", classes.toString(), source.toString());
        assertEquals(0, compiled, "the probe handler compiles");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(work.resolve("probe.jar")))) {
            jar.putNextEntry(new JarEntry("probe/ProbeHandler.class"));
            jar.write(Files.readAllBytes(classes.resolve("probe/ProbeHandler.class")));
            jar.closeEntry();
        }
        Files.writeString(work.resolve("template.yaml"), """
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    Runtime: java21
                    CodeUri: probe.jar
                    Handler: probe.ProbeHandler::handleRequest
                    MemorySize: 256
                    Timeout: 20
                Resources:
                  ProbeFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Environment:
                        Variables:
                          PROBE_INIT: ok
                  ShortTimeoutFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Timeout: 1
                """);
    }

    private record Invocation(int exitCode, JsonNode response) {
    }

    private static Invocation invoke(String function, String event, Map<String, Object> envVars) throws Exception {
        Path eventFile = Files.writeString(Files.createTempFile(work, "event", ".json"), event);
        Path envFile = Files.writeString(Files.createTempFile(work, "env", ".json"), JSON.writeValueAsString(envVars));
        Process process = new ProcessBuilder(root.resolve("tools/lambda-local").toString(), "invoke", function,
                "-e", eventFile.toString(), "--env-vars", envFile.toString(), "-t", work.resolve("template.yaml").toString())
                .directory(root.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), function + " did not finish");
        return new Invocation(process.exitValue(), JSON.readTree(out));
    }

    private static Invocation invoke(String function, String event) throws Exception {
        return invoke(function, event, Map.of());
    }

    @Test
    void anAnswerIsPrintedWithExitCodeZero() throws Exception {
        Invocation result = invoke("ProbeFunction", "\"answer\"");
        assertEquals(0, result.exitCode(), result.response().toString());
        // The context the emulator gave the handler: the template's name and memory.
        assertEquals(JSON.readTree("{\"function\":\"ProbeFunction\",\"memory\":256}"), result.response());
    }

    @Test
    void aThrownErrorIsAFailure() throws Exception {
        Invocation result = invoke("ProbeFunction", "\"throw\"");
        assertEquals(1, result.exitCode(), result.response().toString());
        assertEquals("java.lang.IllegalArgumentException", result.response().path("errorType").asText());
        assertEquals("the probe threw on request", result.response().path("errorMessage").asText());
    }

    @Test
    void aFailedInitIsAFailure() throws Exception {
        Invocation result = invoke("ProbeFunction", "\"answer\"", Map.of("ProbeFunction", Map.of("PROBE_INIT", "fail")));
        assertEquals(1, result.exitCode(), result.response().toString());
        assertEquals("java.lang.ExceptionInInitializerError", result.response().path("errorType").asText(), result.response().toString());
    }

    @Test
    void aRuntimeThatExitsIsAFailure() throws Exception {
        Invocation result = invoke("ProbeFunction", "\"exit\"");
        assertEquals(1, result.exitCode(), result.response().toString());
        assertEquals("Runtime.ExitError", result.response().path("errorType").asText(), result.response().toString());
    }

    @Test
    void runningOutOfTheTemplatesTimeoutIsAFailure() throws Exception {
        long started = System.nanoTime();
        Invocation result = invoke("ShortTimeoutFunction", "\"sleep\"");
        assertEquals(1, result.exitCode(), result.response().toString());
        assertEquals("Sandbox.Timedout", result.response().path("errorType").asText(), result.response().toString());
        assertEquals("Task timed out after 1.00 seconds", result.response().path("errorMessage").asText());
        // Ended by the emulator at the template's 1 s, not by the handler's 30 s sleep.
        assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) < 20, "the timeout cut the invocation short");
    }
}
