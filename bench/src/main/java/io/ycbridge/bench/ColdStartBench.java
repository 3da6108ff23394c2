package io.ycbridge.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.localaws.LocalDynamoDb;
import io.ycbridge.localaws.MotoServer;
import io.ycbridge.simulator.SimulatorDefaults;
import io.ycbridge.simulator.SimulatorSeed;
import io.ycbridge.simulator.YClientsSimulator;
import io.ycbridge.table.TableDefinition;
import io.ycbridge.table.TableDefinitions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Cold start of every function against an empty java21 handler, measured the same way, side by side: a fresh JVM
 * under AWS's runtime interface client (tools/lambda-local, the Lambda runtime API), init plus the first event, on
 * happy-path events against DynamoDB Local, moto and the simulator; then a second event in the same process (warm).
 * Prints medians over fresh processes, the ratio to the empty handler, and the shaded jar sizes.
 *
 * <p>Class-loading priming: the same starts again with an AppCDS archive of the classes a training invocation loaded
 * ({@code -XX:ArchiveClassesAtExit}, then {@code -XX:SharedArchiveFile} through JAVA_TOOL_OPTIONS), which is what
 * priming buys a JVM that starts from nothing. In AWS the same cost is taken into the SnapStart snapshot instead.
 * Usage: {@code bench/run ColdStart [processes per function] [LogicalId...]}; with no ids, every function.
 */
public final class ColdStartBench {
    private static final Pattern REPORT = Pattern.compile("REPORT \\S+ invocation (\\d+): ([0-9.]+) ms");
    private static final Map<String, String> EVENTS = new LinkedHashMap<>();

    static {
        EVENTS.put("WebhookIntakeFunction", "events/webhook-intake/record-updated.json");
        EVENTS.put("CatalogSyncFunction", "events/catalog-sync/sqs-messages.json");
        EVENTS.put("BonusAccrualFunction", "events/bonus-accrual/record-completed.json");
        EVENTS.put("ProfileFunction", "events/profile/profile.json");
        EVENTS.put("BonusBalanceFunction", "events/bonus-balance/my-balance.json");
        EVENTS.put("WidgetUrlFunction", "events/widget-url/service-and-staff.json");
        EVENTS.put("CatalogFunction", "events/catalog/catalog.json");
    }

    private ColdStartBench() {
    }

    public static void main(String[] args) throws Exception {
        int processes = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<String> only = args.length > 1 ? List.of(args).subList(1, args.length) : List.copyOf(EVENTS.keySet());
        Path root = Path.of("").toAbsolutePath();
        Path work = Files.createTempDirectory("ycbridge-coldstart");
        try (YClientsSimulator simulator = YClientsSimulator.start();
             LocalDynamoDb dynamoDb = LocalDynamoDb.start();
             MotoServer moto = MotoServer.start()) {
            simulator.seed(SimulatorSeed.demo());
            for (TableDefinition table : TableDefinitions.all()) {
                table.create(dynamoDb.client(), table.logicalId());
            }
            Map<String, String> parameters = Map.of(
                    "YCLIENTS_SECRET_ARN", secret(moto, simulator),
                    "COMPANY_IDS", "235564,1169323",
                    "BOOKING_FORMS", "235564:n239661.yclients.com");
            Path envFile = envFile(work, "env.json", parameters, null, null);
            Path emptyTemplate = emptyHandler(work);
            Map<String, String> environment = Map.of(
                    "AWS_REGION", MotoServer.REGION.id(),
                    "AWS_ACCESS_KEY_ID", MotoServer.CREDENTIALS.accessKeyId(),
                    "AWS_SECRET_ACCESS_KEY", MotoServer.CREDENTIALS.secretAccessKey(),
                    "AWS_ENDPOINT_URL_DYNAMODB", dynamoDb.endpoint().toString(),
                    "AWS_ENDPOINT_URL_SECRETS_MANAGER", moto.endpoint().toString());

            // The catalog must exist for the read routes' happy paths: one sync first, unmeasured.
            invoke(root, root.resolve("template.yaml"), "CatalogSyncFunction", EVENTS.get("CatalogSyncFunction"), envFile, environment);

            List<double[]> empty = measure(root, emptyTemplate, "EmptyFunction", "events/catalog-sync/backfill.json", envFile, environment, processes);
            double emptyCold = median(empty, 0);
            System.out.printf(Locale.ROOT, "ColdStart: %d fresh JVMs per function under the Lambda runtime interface client, %d CPUs, %s%n",
                    processes, Runtime.getRuntime().availableProcessors(), Runtime.version());
            System.out.println("| function | cold: init + first event, median ms | ratio to empty | primed (AppCDS) cold, median ms "
                    + "| primed ratio | warm second event, median ms | jar MiB |");
            System.out.println("|---|---|---|---|---|---|---|");
            System.out.printf(Locale.ROOT, "| empty java21 handler | %.0f | 1.00× | | | %.1f | %.2f |%n", emptyCold, median(empty, 1),
                    Files.size(work.resolve("empty.jar")) / 1048576.0);
            for (Map.Entry<String, String> function : EVENTS.entrySet()) {
                String id = function.getKey();
                if (!only.contains(id)) {
                    continue;
                }
                Path template = root.resolve("template.yaml");
                List<double[]> runs = measure(root, template, id, function.getValue(), envFile, environment, processes);
                Path archive = work.resolve(id + ".jsa");
                invoke(root, template, id, function.getValue(), envFile(work, id + "-train.json", parameters, id,
                        "-XX:ArchiveClassesAtExit=" + archive), environment);
                List<double[]> primed = measure(root, template, id, function.getValue(), envFile(work, id + "-primed.json", parameters, id,
                        "-XX:SharedArchiveFile=" + archive), environment, processes);
                double cold = median(runs, 0);
                double primedCold = median(primed, 0);
                System.out.printf(Locale.ROOT, "| %s | %.0f | %.2f× | %.0f | %.2f× | %.1f | %.2f |%n", id, cold, cold / emptyCold,
                        primedCold, primedCold / emptyCold, median(runs, 1), jarSize(root, id));
            }
        }
    }

    /** SAM's env-vars format; a function's JAVA_TOOL_OPTIONS keeps the template's flags and adds the CDS one. */
    private static Path envFile(Path work, String name, Map<String, String> parameters, String function, String cdsFlag) throws IOException {
        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put("Parameters", parameters);
        if (function != null) {
            sections.put(function, Map.of("JAVA_TOOL_OPTIONS", cdsFlag + " -XX:+TieredCompilation -XX:TieredStopAtLevel=1"));
        }
        Path file = work.resolve(name);
        Files.writeString(file, new ObjectMapper().writeValueAsString(sections));
        return file;
    }

    private static String secret(MotoServer moto, YClientsSimulator simulator) throws IOException {
        String value = new ObjectMapper().writeValueAsString(Map.of("partnerToken", SimulatorDefaults.PARTNER_TOKEN,
                "userToken", SimulatorDefaults.USER_TOKEN, "baseUrl", simulator.baseUri().toString(),
                "webhookToken", "local-dev-webhook-token-0000"));
        try (SecretsManagerClient secrets = SecretsManagerClient.builder().endpointOverride(moto.endpoint()).region(MotoServer.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(MotoServer.CREDENTIALS)).build()) {
            return secrets.createSecret(create -> create.name("ycbridge-bench").secretString(value)).arn();
        }
    }

    /** The baseline: a java21 handler that returns its input's size, in a jar with nothing else, and a template naming it. */
    private static Path emptyHandler(Path work) throws Exception {
        Path source = work.resolve("src/bench/EmptyHandler.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package bench;
                public final class EmptyHandler implements com.amazonaws.services.lambda.runtime.RequestStreamHandler {
                    public void handleRequest(java.io.InputStream in, java.io.OutputStream out, com.amazonaws.services.lambda.runtime.Context c)
                            throws java.io.IOException {
                        out.write(("{\\"bytes\\":" + in.readAllBytes().length + "}").getBytes());
                    }
                }
                """);
        String core = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> entry.contains("aws-lambda-java-core")).findFirst().orElseThrow();
        Path classes = work.resolve("classes");
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "21", "-cp", core, "-d", classes.toString(),
                source.toString());
        if (compiled != 0) {
            throw new IllegalStateException("the empty handler did not compile");
        }
        Path jar = work.resolve("empty.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.jar.JarEntry("bench/EmptyHandler.class"));
            out.write(Files.readAllBytes(classes.resolve("bench/EmptyHandler.class")));
            out.closeEntry();
        }
        Path template = work.resolve("template.yaml");
        Files.writeString(template, """
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    Runtime: java21
                    MemorySize: 1024
                    Timeout: 20
                Resources:
                  EmptyFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: empty.jar
                      Handler: bench.EmptyHandler::handleRequest
                """);
        return template;
    }

    private static List<double[]> measure(Path root, Path template, String function, String event, Path envFile,
                                          Map<String, String> environment, int processes) throws Exception {
        List<double[]> runs = new ArrayList<>();
        for (int i = 0; i < processes; i++) {
            runs.add(invoke(root, template, function, event, envFile, environment));
        }
        return runs;
    }

    /** One fresh process, two events: [first ms, second ms]. */
    private static double[] invoke(Path root, Path template, String function, String event, Path envFile,
                                   Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(root.resolve("tools/lambda-local").toString(), "invoke", function,
                "-e", root.resolve(event).toString(), "--env-vars", envFile.toString(), "-t", template.toString(), "--repeat", "2")
                .directory(root.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String log = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(function + " failed:\n" + log);
        }
        double[] times = new double[2];
        Matcher matcher = REPORT.matcher(log);
        while (matcher.find()) {
            times[Integer.parseInt(matcher.group(1)) - 1] = Double.parseDouble(matcher.group(2));
        }
        return times;
    }

    private static double median(List<double[]> runs, int index) {
        double[] values = runs.stream().mapToDouble(run -> run[index]).sorted().toArray();
        return values[values.length / 2];
    }

    private static double jarSize(Path root, String function) throws IOException {
        String module = switch (function) {
            case "WebhookIntakeFunction" -> "webhook-intake";
            case "CatalogSyncFunction" -> "catalog-sync";
            case "WidgetUrlFunction", "CatalogFunction" -> "widget-url";
            default -> "bonus-accrual";
        };
        return Files.size(root.resolve("functions/" + module + "/target/" + module + "-lambda.jar")) / 1048576.0;
    }
}
