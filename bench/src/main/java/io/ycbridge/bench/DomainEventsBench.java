package io.ycbridge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ycbridge.config.Config;
import io.ycbridge.config.EnvVar;
import io.ycbridge.event.VisitEventsHandler;
import io.ycbridge.localaws.LocalDynamoDb;
import io.ycbridge.localaws.StreamMapping;
import io.ycbridge.phone.PhoneNumber;
import io.ycbridge.record.RecordSource;
import io.ycbridge.record.RecordStore;
import io.ycbridge.record.StoredRecord;
import io.ycbridge.record.StoredService;
import io.ycbridge.table.TableDefinitions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * How long a visit's change takes from the records store to EventBridge: {@code RecordStore.upsert} of a booking or a
 * move (the write the webhook and the sync make) → RecordsTable's stream on in-process DynamoDB Local → a poller that
 * reads it as Lambda's event source mapping does ({@link StreamMapping}: TRIM_HORIZON, the template's batch of 100,
 * ReportBatchItemFailures) → {@code VisitEventsHandler}, built from its settings and handed the batch as the JSON bytes
 * the runtime hands it → its {@code EventBridgeBus} → PutEvents, answered on a loopback port ({@link PutEventsArrivals}).
 * Latency runs from the moment the write is issued to the moment its event's PutEvents request arrives.
 *
 * <p>Contestants, each on its own table and poller in one JVM, in rounds with the order rotating so drift hits all
 * alike; a poller reads until the stream is empty, then waits its interval:
 * <ul>
 * <li>the stream alone, polled every 10 ms: a stand-in function that only notes its records' arrival — the floor
 *     DynamoDB Local's stream and the poller set;</li>
 * <li>a poll every 10 ms: what the path itself costs;</li>
 * <li>a poll every 250 ms: Lambda "polls shards in your DynamoDB stream for records at a base rate of 4 times per
 *     second" and, after a batch, resumes polling at once (AWS Lambda Developer Guide, "Using AWS Lambda with Amazon
 *     DynamoDB", https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html, "Polling and batching streams").</li>
 * </ul>
 * Not in the figures: the template's {@code MaximumBatchingWindowInSeconds: 1}, which lets Lambda gather records for up
 * to a second more before it invokes, and the network to EventBridge. The changes come one every {@code gap} ms on
 * average (exponential gaps, seeded): new bookings (VisitBooked) and moves of the booking before (VisitRescheduled), by
 * turns, of a client whose phone links no user (the lookup still costs its GetItem). The function's log lines are written
 * as in Lambda, to a null stream. Numbers only; nothing is asserted.
 * Usage: {@code bench/run DomainEvents [changes per contestant] [mean gap ms] [warm-up changes]}.
 */
public final class DomainEventsBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long COMPANY = 235564;
    private static final Instant BASE = Instant.parse("2026-11-20T10:00:00Z");
    private static final OffsetDateTime NOON = OffsetDateTime.parse("2026-11-20T12:00:00+03:00");
    private static final int BATCH_SIZE = 100;
    private static final int MAXIMUM_RETRY_ATTEMPTS = 10;
    private static final int ROUNDS = 4;
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** A record written before a poller first reads, out of the range the changes use. */
    private static final long PRIMER = 900_000_000L;

    private DomainEventsBench() {
    }

    public static void main(String[] args) throws Exception {
        int changes = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        double gapMillis = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 400;
        // The function logs a line per event, as in Lambda; here to nowhere, so that the figures stand alone.
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try (LocalDynamoDb local = LocalDynamoDb.start(); PutEventsArrivals bus = new PutEventsArrivals();
             DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder().endpointOverride(local.endpoint())
                     .region(LocalDynamoDb.REGION).credentialsProvider(StaticCredentialsProvider.create(LocalDynamoDb.CREDENTIALS))
                     .httpClient(UrlConnectionHttpClient.create()).build()) {
            TableDefinitions.USER_LINKS.create(local.client(), "UserLinksTable-bench");
            List<Contestant> contestants = List.of(
                    new Contestant("stream alone, poll every 10 ms (no function)", Duration.ofMillis(10), false, changes),
                    new Contestant("poll every 10 ms (the path's own cost)", Duration.ofMillis(10), true, changes),
                    new Contestant("poll every 250 ms (Lambda: 4 polls/s a shard)", Duration.ofMillis(250), true, changes));
            Random random = new Random(20261203L);
            long record = 1;
            for (int i = 0; i < contestants.size(); i++) {
                Contestant contestant = contestants.get(i);
                contestant.open(local, streams, bus, "RecordsTable-bench-" + i);
                record = contestant.run(record, warmup, gapMillis, random, null);
            }
            long started = System.nanoTime();
            int perRound = changes / ROUNDS;
            for (int round = 0; round < ROUNDS; round++) {
                for (int k = 0; k < contestants.size(); k++) {
                    Contestant contestant = contestants.get((round + k) % contestants.size());
                    int count = round == ROUNDS - 1 ? changes - perRound * (ROUNDS - 1) : perRound;
                    record = contestant.run(record, count, gapMillis, random, contestant.samples);
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;

            out.printf(Locale.ROOT, "DomainEvents: store write -> records stream -> VisitEventsHandler -> PutEvents, in-process "
                            + "DynamoDB Local, %d changes per contestant (+%d warm-up) one every ~%.0f ms, batch size %d, %d rounds (%.1f s), "
                            + "%d CPUs, %s%n", changes, warmup, gapMillis, BATCH_SIZE, ROUNDS, seconds,
                    Runtime.getRuntime().availableProcessors(), Runtime.version());
            out.println("| contestant                                    | p50 ms  | p95 ms  | p99 ms  | max ms  | invocations | missing |");
            out.println("|-----------------------------------------------|---------|---------|---------|---------|-------------|---------|");
            for (Contestant contestant : contestants) {
                out.println(contestant.row());
            }
            out.println("store write -> PutEvents, ms p50/p95/p99: " + String.join("; ", contestants.stream().map(Contestant::figures).toList()));
            out.println("not included: the template's MaximumBatchingWindowInSeconds (1 s), which lets Lambda wait up to a second more "
                    + "to fill a batch before it invokes, and the network to EventBridge");
            for (Contestant contestant : contestants) {
                contestant.close();
            }
        } finally {
            System.setOut(out);
        }
    }

    /** One poll interval: its table, its store, its poller and the handler it invokes. */
    private static final class Contestant implements AutoCloseable {
        final String name;
        final Duration interval;
        final boolean function;
        final Samples samples;
        private RecordStore store;
        private PutEventsArrivals bus;
        private Poller poller;
        private int missing;

        Contestant(String name, Duration interval, boolean function, int changes) {
            this.name = name;
            this.interval = interval;
            this.function = function;
            this.samples = new Samples(name, changes);
        }

        void open(LocalDynamoDb local, DynamoDbStreamsClient streams, PutEventsArrivals bus, String table) {
            this.bus = bus;
            TableDefinitions.RECORDS.create(local.client(), table);
            this.store = new RecordStore(local.client(), table);
            // DynamoDB Local will not serve records through a TRIM_HORIZON iterator taken while the stream was empty.
            store.upsert(booked(PRIMER));
            Map<String, String> environment = new HashMap<>();
            environment.put(EnvVar.AWS_REGION.name(), LocalDynamoDb.REGION.id());
            environment.put(EnvVar.AWS_ENDPOINT_URL.name(), local.endpoint().toString());
            environment.put(EnvVar.AWS_ENDPOINT_URL_EVENTBRIDGE.name(), bus.endpoint().toString());
            environment.put(EnvVar.EVENT_BUS_NAME.name(), "EventBus");
            environment.put(EnvVar.USER_LINKS_TABLE.name(), "UserLinksTable-bench");
            environment.put(EnvVar.COMPANY_TIME_ZONE.name(), "Europe/Moscow");
            VisitEventsHandler handler = function ? new VisitEventsHandler(Config.of(environment)) : null;
            String streamArn = local.client().describeTable(r -> r.tableName(table)).table().latestStreamArn();
            StreamMapping mapping = new StreamMapping(streams, streamArn, LocalDynamoDb.REGION.id(),
                    "arn:aws:lambda:us-east-1:000000000000:function:VisitEventsFunction", BATCH_SIZE, MAXIMUM_RETRY_ATTEMPTS,
                    record -> System.err.println(name + ": a batch given up after its retries"), Clock.systemUTC());
            this.poller = new Poller(name, mapping, function ? event -> invoke(handler, event) : event -> arrived(bus, event), interval);
        }

        /**
         * {@code count} changes from record {@code first} on, paced, each timed into {@code into} (null: warm-up); waits
         * for their events before it returns. The next free record id.
         */
        long run(long first, int count, double gapMillis, Random random, Samples into) throws InterruptedException {
            poller.resume();
            List<long[]> issued = new ArrayList<>(count);
            long record = first;
            long next = System.nanoTime();
            for (int i = 0; i < count; i++) {
                next += (long) (-Math.log(1 - random.nextDouble()) * gapMillis * 1e6);
                LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
                boolean booking = i % 2 == 0;
                long id = booking ? record++ : record - 1;
                long at = System.nanoTime();
                store.upsert(booking ? booked(id) : moved(id));
                issued.add(new long[] {id, booking ? 0 : 1, at});
            }
            long until = System.nanoTime() + PATIENCE.toNanos();
            for (long[] change : issued) {
                String type = change[1] == 0 ? "VisitBooked" : "VisitRescheduled";
                Long arrived = bus.arrival(change[0], type);
                while (arrived == null && System.nanoTime() < until) {
                    Thread.sleep(5);
                    arrived = bus.arrival(change[0], type);
                }
                if (arrived == null) {
                    missing++;
                } else if (into != null) {
                    into.add(arrived - change[2]);
                }
            }
            poller.pause();
            return record;
        }

        String row() {
            return String.format(Locale.ROOT, "| %-45s | %7.1f | %7.1f | %7.1f | %7.1f | %11d | %7d |", name, samples.percentile(0.5) / 1e3,
                    samples.percentile(0.95) / 1e3, samples.percentile(0.99) / 1e3, samples.percentile(1.0) / 1e3, poller.invocations(),
                    missing);
        }

        String figures() {
            return String.format(Locale.ROOT, "%s, %d ms polls %.0f/%.0f/%.0f", function ? "handler" : "stream alone",
                    interval.toMillis(), samples.percentile(0.5) / 1e3,
                    samples.percentile(0.95) / 1e3, samples.percentile(0.99) / 1e3);
        }

        @Override
        public void close() {
            poller.close();
        }
    }

    /** Lambda's polling of one stream: read until it is empty, invoke the function per batch, then wait the interval. */
    private static final class Poller implements AutoCloseable {
        private final StreamMapping mapping;
        private final StreamMapping.Function function;
        private final Duration interval;
        private final Thread thread;
        private volatile boolean active;
        private volatile boolean running = true;

        Poller(String name, StreamMapping mapping, StreamMapping.Function function, Duration interval) {
            this.mapping = mapping;
            this.function = function;
            this.interval = interval;
            this.thread = Thread.ofPlatform().name(name).daemon().start(this::run);
        }

        void resume() {
            active = true;
        }

        /** Between a contestant's rounds its poller stands still, so it takes no CPU from the one measured. */
        void pause() {
            active = false;
        }

        int invocations() {
            return mapping.invocations();
        }

        private void run() {
            while (running) {
                try {
                    if (active) {
                        mapping.drain(function);
                    }
                    Thread.sleep(interval);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    if (running) {
                        System.err.println(Thread.currentThread().getName() + ": poll failed (" + e + "), polling again");
                    }
                }
            }
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The batch as the runtime hands it over: JSON bytes in, the batch item failures' JSON out. */
    private static Collection<String> invoke(VisitEventsHandler handler, ObjectNode event) throws Exception {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), answer, null);
        List<String> failed = new ArrayList<>();
        for (JsonNode item : JSON.readTree(answer.toByteArray()).path("batchItemFailures")) {
            failed.add(item.path("itemIdentifier").asText());
        }
        return failed;
    }

    /** The stand-in function: each record's arrival noted as its event's would be, nothing else done. */
    private static Collection<String> arrived(PutEventsArrivals bus, ObjectNode event) {
        for (JsonNode record : event.path("Records")) {
            long id = record.path("dynamodb").path("NewImage").path("record_id").path("N").asLong();
            bus.arrived(id, "INSERT".equals(record.path("eventName").asText()) ? "VisitBooked" : "VisitRescheduled");
        }
        return List.of();
    }

    /** A new booking at noon with master 55. */
    private static StoredRecord booked(long recordId) {
        return visit(recordId, BASE.plusSeconds(2 * recordId), NOON);
    }

    /** The same booking a second later, moved an hour on. */
    private static StoredRecord moved(long recordId) {
        return visit(recordId, BASE.plusSeconds(2 * recordId + 1), NOON.plusHours(1));
    }

    private static StoredRecord visit(long recordId, Instant changedAt, OffsetDateTime startsAt) {
        return new StoredRecord(COMPANY, recordId, changedAt, false, 4001L, new PhoneNumber("+79990000000"), 55L, 0, false,
                List.of(new StoredService(301, "Haircut", new BigDecimal("1500.00"), 1)), startsAt, Duration.ofHours(1), null, false,
                RecordSource.WEBHOOK);
    }
}
