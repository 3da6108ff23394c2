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
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Cold start of every function against an empty java21 handler, measured the same way, side by side: a fresh JVM
 * under AWS's runtime interface client, run by AWS's Lambda Runtime Interface Emulator (tools/lambda-local), from the
 * first event's request to its answer (the emulator starts the JVM on the first event, so: JVM start, init, event), on
 * happy-path events against DynamoDB Local, moto and the simulator; then a second event in the same process (warm).
 * Prints medians over fresh processes, the ratios to the empty handler and to an SDK floor (a handler that makes only
 * the same AWS calls with the bare SDK), and the shaded jar sizes.
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
        EVENTS.put("SyncScheduleFunction", "events/sync-schedule/schedule.json");
        EVENTS.put("CatalogSyncFunction", "events/catalog-sync/sqs-messages.json");
        EVENTS.put("BonusAccrualFunction", "events/bonus-accrual/record-completed.json");
        EVENTS.put("ProfileFunction", "events/profile/profile.json");
        EVENTS.put("BonusBalanceFunction", "events/bonus-balance/my-balance.json");
        EVENTS.put("BookingLinkFunction", "events/booking-link/service-and-staff.json");
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
                    "SYNC_QUEUE_URL", queue(moto),
                    "YCLIENTS_SECRET_ARN", secret(moto, simulator),
                    "COMPANY_IDS", "235564,1169323",
                    "BOOKING_FORMS", "235564:n239661.yclients.com");
            Path envFile = envFile(work, "env.json", parameters, null, null);
            Path baselines = baselines(root, work);
            Map<String, String> environment = Map.of(
                    "AWS_REGION", MotoServer.REGION.id(),
                    "AWS_ACCESS_KEY_ID", MotoServer.CREDENTIALS.accessKeyId(),
                    "AWS_SECRET_ACCESS_KEY", MotoServer.CREDENTIALS.secretAccessKey(),
                    "AWS_ENDPOINT_URL_DYNAMODB", dynamoDb.endpoint().toString(),
                    "AWS_ENDPOINT_URL_SECRETS_MANAGER", moto.endpoint().toString(),
                    "AWS_ENDPOINT_URL_SQS", moto.endpoint().toString());
            Starts starts = new Starts(root, work, parameters, envFile, environment, processes);

            // The catalog must exist for the read routes' happy paths: one sync first, unmeasured.
            invoke(root, root.resolve("template.yaml"), "CatalogSyncFunction", EVENTS.get("CatalogSyncFunction"), envFile, environment);

            String anyEvent = "events/catalog-sync/backfill.json";
            Result empty = starts.measure(baselines, "EmptyFunction", anyEvent);
            Result dynamoDbFloor = starts.measure(baselines, "SdkFloorDynamoDb", anyEvent);
            Result secretFloor = starts.measure(baselines, "SdkFloorSecretAndDynamoDb", anyEvent);
            Result sqsFloor = starts.measure(baselines, "SdkFloorSqs", anyEvent);
            System.out.printf(Locale.ROOT, "ColdStart: %d fresh JVMs per start under AWS's Lambda runtime interface emulator and client, %d CPUs, %s%n",
                    processes, Runtime.getRuntime().availableProcessors(), Runtime.version());
            System.out.println("| function | cold: init + first event, median ms | vs empty | vs SDK floor | primed (AppCDS), median ms "
                    + "| primed vs empty | primed vs primed SDK floor | warm second event, median ms | classes loaded | jar bytes |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|");
            empty.print("empty java21 handler", empty, empty, Files.size(work.resolve("empty.jar")));
            dynamoDbFloor.print("SDK floor: one DynamoDB GetItem", empty, dynamoDbFloor, Files.size(work.resolve("floor.jar")));
            secretFloor.print("SDK floor: GetSecretValue + GetItem", empty, secretFloor, Files.size(work.resolve("floor.jar")));
            sqsFloor.print("SDK floor: one SQS SendMessage", empty, sqsFloor, Files.size(work.resolve("floor-sqs.jar")));
            for (Map.Entry<String, String> function : EVENTS.entrySet()) {
                String id = function.getKey();
                if (only.contains(id)) {
                    Result result = starts.measure(root.resolve("template.yaml"), id, function.getValue());
                    Result floor = switch (id) {
                        case "WebhookIntakeFunction", "CatalogSyncFunction" -> secretFloor;
                        case "SyncScheduleFunction" -> sqsFloor;
                        default -> dynamoDbFloor;
                    };
                    result.print(id, empty, floor, jarSize(root, id));
                }
            }
        }
    }

    /** Fresh-process starts of one function, plain and primed with an AppCDS archive of a training start. */
    private record Starts(Path root, Path work, Map<String, String> parameters, Path envFile, Map<String, String> environment,
                          int processes) {
        Result measure(Path template, String id, String event) throws Exception {
            List<double[]> plain = new ArrayList<>();
            for (int i = 0; i < processes; i++) {
                plain.add(invoke(root, template, id, event, envFile, environment));
            }
            Path archive = work.resolve(id + ".jsa");
            invoke(root, template, id, event, ColdStartBench.envFile(work, id + "-train.json", parameters, id, "-XX:ArchiveClassesAtExit=" + archive),
                    environment);
            Path primedEnv = ColdStartBench.envFile(work, id + "-primed.json", parameters, id, "-XX:SharedArchiveFile=" + archive);
            List<double[]> primed = new ArrayList<>();
            for (int i = 0; i < processes; i++) {
                primed.add(invoke(root, template, id, event, primedEnv, environment));
            }
            // One more plain start, logging each class as it loads: the count is the same from start to start.
            Path classLog = work.resolve(id + "-classes.log");
            invoke(root, template, id, event, ColdStartBench.envFile(work, id + "-classes.json", parameters, id,
                    "-Xlog:class+load=info:file=" + classLog), environment);
            long classes;
            try (var lines = Files.lines(classLog)) {
                classes = lines.filter(line -> line.contains("[class,load]")).count();
            }
            return new Result(median(plain, 0), median(primed, 0), median(plain, 1), classes);
        }
    }

    private record Result(double cold, double primed, double warm, long classes) {
        void print(String name, Result empty, Result floor, long jarBytes) {
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.2f× | %.2f× | %.0f | %.2f× | %.2f× | %.1f | %d | %,d |%n", name, cold,
                    cold / empty.cold, cold / floor.cold, primed, primed / empty.primed, primed / floor.primed, warm, classes, jarBytes);
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

    private static String queue(MotoServer moto) {
        try (SqsClient sqs = SqsClient.builder().endpointOverride(moto.endpoint()).region(MotoServer.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(MotoServer.CREDENTIALS)).build()) {
            return sqs.createQueue(create -> create.queueName("ycbridge-bench-sync")).queueUrl();
        }
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

    /**
     * The baselines, in one template: {@code EmptyFunction}, a java21 handler that returns its input's size in a jar with
     * nothing else; and two SDK floors, handlers that do only the AWS calls a function's first event needs, with the SDK
     * set up as ycbridge sets it up (url-connection client, region from the environment, the default credentials
     * chain, which a SnapStart function needs because it gets its credentials from the container endpoint), packed
     * into a copy of the webhook function's jar so they load from a jar of the same size. The floors show what the SDK
     * costs by itself, and so how much of a function's start is ycbridge's own.
     */
    private static Path baselines(Path root, Path work) throws Exception {
        Path sources = work.resolve("src/bench");
        Files.createDirectories(sources);
        Files.writeString(sources.resolve("EmptyHandler.java"), """
                package bench;
                public final class EmptyHandler implements com.amazonaws.services.lambda.runtime.RequestStreamHandler {
                    public void handleRequest(java.io.InputStream in, java.io.OutputStream out, com.amazonaws.services.lambda.runtime.Context c)
                            throws java.io.IOException {
                        out.write(("{\\"bytes\\":" + in.readAllBytes().length + "}").getBytes());
                    }
                }
                """);
        Files.writeString(sources.resolve("SdkFloorHandler.java"), """
                package bench;
                import java.util.Map;
                import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
                import software.amazon.awssdk.regions.Region;
                import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
                import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
                import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
                public final class SdkFloorHandler implements com.amazonaws.services.lambda.runtime.RequestStreamHandler {
                    private static final Region REGION = Region.of(System.getenv("AWS_REGION"));
                    private static final DynamoDbClient DYNAMO_DB = DynamoDbClient.builder().region(REGION)
                            .httpClient(UrlConnectionHttpClient.create()).build();
                    private static final String SECRET = System.getenv("YCLIENTS_SECRET_ARN");
                    public void handleRequest(java.io.InputStream in, java.io.OutputStream out, com.amazonaws.services.lambda.runtime.Context c)
                            throws java.io.IOException {
                        int bytes = in.readAllBytes().length;
                        if (SECRET != null && !SECRET.isEmpty()) {
                            try (SecretsManagerClient secrets = SecretsManagerClient.builder().region(REGION)
                                    .httpClient(UrlConnectionHttpClient.create()).build()) {
                                bytes += secrets.getSecretValue(r -> r.secretId(SECRET)).secretString().length();
                            }
                        }
                        bytes += DYNAMO_DB.getItem(r -> r.tableName("RecordsTable").key(Map.of(
                                "company_id", AttributeValue.fromN("1"), "record_id", AttributeValue.fromN("1")))).item().size();
                        out.write(("{\\"bytes\\":" + bytes + "}").getBytes());
                    }
                }
                """);
        Files.writeString(sources.resolve("SqsFloorHandler.java"), """
                package bench;
                import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
                import software.amazon.awssdk.regions.Region;
                import software.amazon.awssdk.services.sqs.SqsClient;
                public final class SqsFloorHandler implements com.amazonaws.services.lambda.runtime.RequestStreamHandler {
                    private static final SqsClient SQS = SqsClient.builder().region(Region.of(System.getenv("AWS_REGION")))
                            .httpClient(UrlConnectionHttpClient.create()).build();
                    public void handleRequest(java.io.InputStream in, java.io.OutputStream out, com.amazonaws.services.lambda.runtime.Context c)
                            throws java.io.IOException {
                        int bytes = in.readAllBytes().length;
                        bytes += SQS.sendMessage(r -> r.queueUrl(System.getenv("SYNC_QUEUE_URL")).messageBody("{}")).messageId().length();
                        out.write(("{\\"bytes\\":" + bytes + "}").getBytes());
                    }
                }
                """);
        Path classes = work.resolve("classes");
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "21", "-cp",
                System.getProperty("java.class.path"), "-d", classes.toString(), sources.resolve("EmptyHandler.java").toString(),
                sources.resolve("SdkFloorHandler.java").toString(), sources.resolve("SqsFloorHandler.java").toString());
        if (compiled != 0) {
            throw new IllegalStateException("the baseline handlers did not compile");
        }
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(work.resolve("empty.jar")))) {
            addClass(out, classes, "bench/EmptyHandler.class");
        }
        floorJar(root.resolve("functions/webhook-intake/target/webhook-intake-lambda.jar"), work.resolve("floor.jar"), classes,
                "bench/SdkFloorHandler.class");
        floorJar(root.resolve("functions/sync-schedule/target/sync-schedule-lambda.jar"), work.resolve("floor-sqs.jar"), classes,
                "bench/SqsFloorHandler.class");
        Path template = work.resolve("template.yaml");
        Files.writeString(template, """
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    Runtime: java21
                    MemorySize: 1024
                    Timeout: 20
                    Environment:
                      Variables:
                        JAVA_TOOL_OPTIONS: -XX:+TieredCompilation -XX:TieredStopAtLevel=1
                Resources:
                  EmptyFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: empty.jar
                      Handler: bench.EmptyHandler::handleRequest
                  SdkFloorDynamoDb:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: floor.jar
                      Handler: bench.SdkFloorHandler::handleRequest
                  SdkFloorSecretAndDynamoDb:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: floor.jar
                      Handler: bench.SdkFloorHandler::handleRequest
                      Environment:
                        Variables:
                          YCLIENTS_SECRET_ARN: set-by-the-env-file
                  SdkFloorSqs:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: floor-sqs.jar
                      Handler: bench.SqsFloorHandler::handleRequest
                      Environment:
                        Variables:
                          SYNC_QUEUE_URL: set-by-the-env-file
                """);
        return template;
    }

    /** A copy of a function's jar with one baseline class added, so the baseline loads from a jar of the same size. */
    private static void floorJar(Path functionJar, Path floorJar, Path classes, String handlerClass) throws IOException {
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(floorJar));
             var in = new java.util.zip.ZipInputStream(Files.newInputStream(functionJar))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new java.util.jar.JarEntry(entry.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            addClass(out, classes, handlerClass);
        }
    }

    private static void addClass(java.util.jar.JarOutputStream out, Path classes, String name) throws IOException {
        out.putNextEntry(new java.util.jar.JarEntry(name));
        out.write(Files.readAllBytes(classes.resolve(name)));
        out.closeEntry();
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

    private static long jarSize(Path root, String function) throws IOException {
        String module = switch (function) {
            case "WebhookIntakeFunction" -> "webhook-intake";
            case "CatalogSyncFunction" -> "catalog-sync";
            case "SyncScheduleFunction" -> "sync-schedule";
            case "BonusAccrualFunction" -> "bonus-accrual";
            default -> "app-api";
        };
        return Files.size(root.resolve("functions/" + module + "/target/" + module + "-lambda.jar"));
    }
}
