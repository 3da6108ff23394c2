package io.ycbridge.bench;

import io.ycbridge.config.Config;
import io.ycbridge.localaws.LocalDynamoDb;
import io.ycbridge.table.TableDefinitions;
import io.ycbridge.webhook.WebhookIntakeHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * The webhook's warm path — the whole handler through its Lambda entry, from the HTTP API event's bytes to the stored
 * record, its log and metric lines and the answer's bytes — against one raw conditional PutItem on the same DynamoDB Local, interleaved. Each iteration delivers a
 * new version of a record (the common case: an update wins). The handler is wired from configuration exactly as in
 * Lambda, with the secret from the env source; its stdout lines are encoded but discarded, as Lambda's pipe would
 * take them. Goal: handler median within 1.2× of the raw PutItem. Usage: {@code bench/run WebhookIntake [iterations]}.
 */
public final class WebhookIntakeBench {
    private static final String TOKEN = "local-dev-webhook-token-0000";

    private WebhookIntakeBench() {
    }

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 4_000;
        int warmup = iterations / 2;
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try (LocalDynamoDb dynamoDb = LocalDynamoDb.start()) {
            DynamoDbClient client = dynamoDb.client();
            TableDefinitions.RECORDS.create(client, "records-handler");
            TableDefinitions.RECORDS.create(client, "records-raw");
            TableDefinitions.RECORDS.create(client, "records-raw-stored");
            TableDefinitions.SYNC_STATE.create(client, "sync-state");
            WebhookIntakeHandler handler = new WebhookIntakeHandler(Config.of(Map.of(
                    "RECORDS_TABLE", "records-handler", "SYNC_STATE_TABLE", "sync-state", "AWS_ENDPOINT_URL", dynamoDb.endpoint().toString(), "AWS_REGION", "us-east-1",
                    "COMPANY_IDS", "235564", "YCLIENTS_SECRET_SOURCE", "env", "YCLIENTS_PARTNER_TOKEN", "bench-partner-token",
                    "YCLIENTS_WEBHOOK_TOKEN", TOKEN)));
            // As Lambda delivers it: the event's bytes to the stream entry, the answer's bytes back.
            String template = Files.readString(Path.of("events/webhook-intake/record-updated.json"));
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            OffsetDateTime base = OffsetDateTime.parse("2026-11-20T13:05:00+03:00");

            Samples handled = new Samples("WebhookIntakeHandler (event bytes → stored → answer bytes)", iterations);
            Samples raw = new Samples("raw conditional PutItem", iterations);
            // A second baseline: the same conditional put of the item the handler stores (about 20 attributes, not 5),
            // taken from the handler's table after its first delivery, so the item's size is not counted as overhead.
            Samples rawStored = new Samples("raw conditional PutItem, the stored item", iterations);
            Samples discard = new Samples("warm-up", 3 * warmup);
            Map<String, AttributeValue> stored = null;
            for (int i = 0; i < warmup + iterations; i++) {
                boolean measured = i >= warmup;
                String change = base.plusSeconds(i + 1).toString().replace("+03:00", "+0300");
                byte[] event = template.replace("2026-11-20T13:05:00+0300", change).getBytes(StandardCharsets.UTF_8);
                Runnable viaHandler = () -> {
                    answer.reset();
                    try {
                        handler.handleRequest(new ByteArrayInputStream(event), answer, null);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    if (!answer.toString(StandardCharsets.UTF_8).contains("\"statusCode\":200")) {
                        throw new IllegalStateException("the handler refused a valid delivery");
                    }
                };
                long version = base.plusSeconds(i + 1).toInstant().toEpochMilli();
                Runnable viaRaw = () -> putRaw(client, version);
                if (stored == null) {
                    viaHandler.run();
                    stored = client.getItem(get -> get.tableName("records-handler").key(Map.of(
                            "company_id", AttributeValue.fromN("235564"), "record_id", AttributeValue.fromN("9001")))).item();
                    continue;
                }
                Map<String, AttributeValue> storedItem = stored;
                Runnable viaRawStored = () -> putStored(client, storedItem, version);
                List<Runnable> order = i % 3 == 0 ? List.of(viaHandler, viaRaw, viaRawStored)
                        : i % 3 == 1 ? List.of(viaRaw, viaRawStored, viaHandler) : List.of(viaRawStored, viaHandler, viaRaw);
                for (Runnable contestant : order) {
                    Samples samples = contestant == viaHandler ? handled : contestant == viaRaw ? raw : rawStored;
                    time(measured ? samples : discard, contestant);
                }
            }
            out.printf(Locale.ROOT, "WebhookIntake: %d warm-up + %d interleaved deliveries each, in-process DynamoDB Local, %d CPUs, %s%n",
                    warmup, iterations, Runtime.getRuntime().availableProcessors(), Runtime.version());
            out.println(Samples.header());
            out.println(raw.row(raw));
            out.println(handled.row(raw));
            out.println(rawStored.row(rawStored));
            out.println(handled.row(rawStored));
            double ratio = handled.medianMicros() / raw.medianMicros();
            out.printf(Locale.ROOT, "goal: median ratio ≤ 1.20× against the raw PutItem — %s (%.2f× against the stored item's)%n",
                    ratio <= 1.2 ? "met" : "NOT met", handled.medianMicros() / rawStored.medianMicros());
        } finally {
            System.setOut(out);
        }
    }

    private static void time(Samples samples, Runnable work) {
        long start = System.nanoTime();
        work.run();
        samples.add(System.nanoTime() - start);
    }

    private static void putStored(DynamoDbClient client, Map<String, AttributeValue> stored, long version) {
        Map<String, AttributeValue> item = new HashMap<>(stored);
        item.put("changed_at", AttributeValue.fromN(Long.toString(version)));
        client.putItem(PutItemRequest.builder().tableName("records-raw-stored").item(item)
                .conditionExpression("attribute_not_exists(#company) OR #changed < :changed")
                .expressionAttributeNames(Map.of("#company", "company_id", "#changed", "changed_at"))
                .expressionAttributeValues(Map.of(":changed", item.get("changed_at")))
                .build());
    }

    private static void putRaw(DynamoDbClient client, long version) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("company_id", AttributeValue.fromN("235564"));
        item.put("record_id", AttributeValue.fromN("9001"));
        item.put("changed_at", AttributeValue.fromN(Long.toString(version)));
        item.put("attendance", AttributeValue.fromN("1"));
        item.put("client_phone", AttributeValue.fromS("+79990000000"));
        client.putItem(PutItemRequest.builder().tableName("records-raw").item(item)
                .conditionExpression("attribute_not_exists(#company) OR #changed < :changed")
                .expressionAttributeNames(Map.of("#company", "company_id", "#changed", "changed_at"))
                .expressionAttributeValues(Map.of(":changed", item.get("changed_at")))
                .build());
    }
}
