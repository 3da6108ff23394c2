package io.ycbridge.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ycbridge.bonus.BonusOwner;
import io.ycbridge.bonus.BonusPolicy;
import io.ycbridge.bonus.BonusRules;
import io.ycbridge.bonus.CompanyBonusRules;
import io.ycbridge.bonus.ServiceCategories;
import io.ycbridge.edge.HttpResponse;
import io.ycbridge.localaws.LocalDynamoDb;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import io.ycbridge.localaws.MotoServer;
import io.ycbridge.localaws.MotoServerExtension;
import io.ycbridge.record.RecordItem;
import io.ycbridge.record.RecordNormalizer;
import io.ycbridge.record.RecordSource;
import io.ycbridge.record.StoredRecord;
import io.ycbridge.simulator.Fault;
import io.ycbridge.simulator.SimulatorData;
import io.ycbridge.yclients.model.Record;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Chaos with an oracle. The simulator plays YClients for two branches: 500 records of 250 clients (200 of them app
 * users, who prove their phones through the profile route — half before the deliveries, half in the middle, so pending
 * accruals are credited — and 50 never), about 7,000 versions: bookings, confirmations, completions paid and unpaid
 * (some unpaid-then-paid within one second), amount changes, reschedules, no-shows, cancellations (also after
 * completion, a quarter of them delivered without data while the API is down), records moved to another client before
 * and after completion, several records in one capped visit, phones corrected halfway and given to clients booked
 * without one, Ukrainian numbers. Their webhooks — 30 % duplicates, 20 % reordered, 10,000 in all — go through
 * {@code WebhookIntakeHandler} while 5 % of DynamoDB calls fail before they are sent and 1 % lose their answer; every
 * delivery not answered 200 is delivered again later, as YClients does. RecordsTable's real stream (DynamoDB Local)
 * feeds {@code BonusAccrualHandler} under the same faults, batches retried from their first reported failure. One
 * catalog sync of each branch runs in the middle while YClients answers 429 and 5xx bursts, and a healthy one at the
 * end, as the schedule would, settling what the webhooks marked for re-read. Batches still failing after the template's
 * MaximumRetryAttempts go to BonusDeadLetterQueue (moto SQS) as Lambda's on-failure records, and twice in the run DynamoDB
 * is down for the accrual function for a whole drain, so every batch of it ends there; a third of those records claim
 * a shard that has aged out of the stream, a tenth arrive twice. At the end {@code ops recover-accruals --dlq} runs,
 * first under the same DynamoDB faults (what fails stays in the queue), then healthy. The stream's second reader, as
 * deployed, is {@code VisitEventsHandler}, publishing to a bus that refuses every seventh PutEvents on purpose; at the
 * end {@link VisitEventOracle} derives from every version the stream holds which visit events must exist, and the bus
 * must have taken exactly those, none for noise, and {@link MutantVisitEvents} must each be caught.
 *
 * <p>The oracle is each record's latest version applied once, owned as the README's table says (the owner follows the
 * record's current client; a phone-less record by the phone its client was seen with; a capped visit earns min(cap,
 * sum)): RecordsTable must equal it, every owner's balance must equal the policy's sum and the sum of its entries, each
 * record outside a shared visit's entries must sum to its final amount (no double accrual), and no record may be missing.
 */
@ExtendWith({LocalDynamoDbExtension.class, MotoServerExtension.class})
class ChaosIT {
    static final long A = 235564;
    static final long B = 1169323;
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final int RECORDS = 500;
    static final int PEOPLE = 250;
    static final int USERS = 200;
    static final int DELIVERIES = 10_000;
    /** App users who type a stranger's phone into their profile, without any proof. */
    static final int HOSTILE = 20;
    /**
     * The template's BatchSize is 100; with one accrual in ten failing (what 6 % of DynamoDB calls failing means) a
     * batch of 100 replays most of itself ~10 times, which costs minutes here and proves nothing more. 25 keeps the
     * same semantics (retry from the first reported failure, items already applied replayed as stale).
     */
    static final int STREAM_BATCH = 25;
    /**
     * The visit events function's mapping reads by 25 too (the template's is 100): a retry replays the batch from its
     * first refused item, and a quarter of the replay is as strong a test of ids that repeat.
     */
    static final int VISIT_EVENTS_BATCH = 25;
    /** The template's MaximumRetryAttempts on the records stream. */
    static final int MAXIMUM_RETRY_ATTEMPTS = 10;
    /** Drains (one every 1,000 deliveries) during which DynamoDB is down for the accrual function. */
    static final int OUTAGES = 2;
    /** A shard that has aged out of the stream with its records: recovery must find them by their change window. */
    static final String AGED_OUT_SHARD = "shardId-00000001700000000000-0badc0de";

    private final LocalDynamoDb dynamo;
    private final MotoServer moto;

    ChaosIT(LocalDynamoDb dynamo, MotoServer moto) {
        this.dynamo = dynamo;
        this.moto = moto;
    }

    @Test
    void tenThousandChaoticDeliveriesConvergeOnTheOracle() throws Exception {
        long seed = Stack.seed(20261123L);
        try {
            run(seed);
        } catch (Throwable failure) {
            throw new AssertionError("ChaosIT failed with seed " + seed + " (repeat with -Dycbridge.seed=" + seed + "): "
                    + failure.getMessage(), failure);
        } finally {
            DynamoDbFaults.disarm();
        }
    }

    private void run(long seed) throws Exception {
        long started = System.nanoTime();
        Random random = new Random(seed);
        try (RefusingEventBus bus = new RefusingEventBus();
             Stack stack = new Stack(dynamo, A + "," + B, Map.of(
                     "BONUS_CAP_PER_VISIT", "150",
                     "BONUS_EXCLUDED_SERVICE_IDS", "310",
                     "BONUS_RULES", "{\"" + B + "\":{\"percent\":3,\"roundingScale\":0,\"roundingMode\":\"DOWN\"}}",
                     "EVENT_BUS_NAME", "EventBus",
                     "AWS_ENDPOINT_URL_EVENTBRIDGE", bus.endpoint().toString()))) {
            People people = People.seed(stack.sim.data(), random, PEOPLE, USERS);
            Map<String, String> finalBodies = new LinkedHashMap<>();
            History history = new History();
            List<String> versions = generate(stack, people, random, finalBodies, history);

            List<String> deliveries = shuffle(versions, random);
            assertEquals(DELIVERIES, deliveries.size());

            DynamoDbFaults.arm(seed, 0.05, 0.01);
            for (int user = 0; user < USERS / 2; user++) {
                link(stack, people, user);
            }
            for (int hostile = 0; hostile < HOSTILE; hostile++) {
                claimWithoutProof(stack, people, hostile);
            }
            stack.deadLetterQueue(moto);
            // Its own sequence, so the deliveries and faults stay those of the seed.
            Random deadRandom = new Random(seed ^ 0x5EED_DEADL);
            java.util.Set<Integer> outages = new java.util.TreeSet<>();
            while (outages.size() < OUTAGES) {
                outages.add(deadRandom.nextInt(DELIVERIES / 1_000 - 1));
            }
            DeadLetters letters = new DeadLetters();
            StreamDrain stream = stack.stream(STREAM_BATCH, MAXIMUM_RETRY_ATTEMPTS, record -> letters.send(stack, record, deadRandom));
            // The stream's second reader, as deployed. Its DynamoDB reads are healthy so that the run's faults, drawn
            // from one seeded sequence, stay the seed's; what it meets is the bus refusing on purpose.
            StreamDrain visits = stack.visitEventsStream(VISIT_EVENTS_BATCH);
            int redelivered = 0;
            int uncaught = 0;
            boolean synced = false;
            for (int i = 0; i < deliveries.size(); i++) {
                String body = deliveries.get(i);
                if (history.withoutData.contains(body)) {
                    // A data-less delete while the API is down: the read-back fails, the sync must complete it later.
                    stack.sim.faults().on("/record/").next(20, Fault.serverError());
                }
                int status;
                try {
                    HttpResponse response = DynamoDbFaults.during(() -> stack.deliver(body));
                    status = response.status();
                    if (status != 200 && status < 500) {
                        throw new AssertionError("delivery answered " + status + ": " + response.body());
                    }
                } catch (RuntimeException thrown) {
                    uncaught++;
                    status = 500;
                }
                if (history.withoutData.contains(body)) {
                    stack.sim.faults().clear();
                }
                if (status != 200) {
                    // YClients delivers a failed webhook again later.
                    deliveries.add(Math.min(deliveries.size(), i + 1 + random.nextInt(200)), body);
                    redelivered++;
                }
                if (i == deliveries.size() / 2) {
                    for (int user = USERS / 2; user < USERS; user++) {
                        link(stack, people, user);
                    }
                }
                if (!synced && i == deliveries.size() * 6 / 10) {
                    syncUnderYClientsFaults(stack);
                    synced = true;
                }
                if (i % 1_000 == 999) {
                    if (outages.contains(i / 1_000)) {
                        stream.drainDuringOutage();
                    } else {
                        stream.drain();
                    }
                    visits.drainHealthy();
                }
            }
            stream.drain();
            int faultsBefore = DynamoDbFaults.BEFORE.get();
            int answersLost = DynamoDbFaults.AFTER.get();
            DynamoDbFaults.disarm();
            stream.drain();
            // The next scheduled sync of each branch, healthy: it reads back what the webhooks could not settle.
            for (long company : List.of(A, B)) {
                assertEquals("OK", stack.sync(company).path("outcome").asText(), "final sync of " + company);
            }
            stream.drain();
            visits.drainHealthy();
            assertEquals(stream.streamRecords(), stream.delivered() + stream.discardedRecords(),
                    "every stream record was handed over or given up to the dead-letter queue");
            stream.close();
            System.out.printf("ChaosIT seed %d: %d deliveries (%d redelivered after 5xx, %d uncaught), %d stream records in %d "
                            + "invocations (%d retried, %d uncaught), DynamoDB faults %d before sending + %d answers lost, %d calls "
                            + "refused in %d outages, %.1f s%n",
                    seed, deliveries.size(), redelivered, uncaught, stream.delivered(), stream.invocations(), stream.retried(),
                    stream.uncaught(), faultsBefore, answersLost, DynamoDbFaults.OUTAGE.get(), OUTAGES, (System.nanoTime() - started) / 1e9);
            assertEquals(0, uncaught, "webhook deliveries that threw instead of answering");
            assertTrue(faultsBefore > 100 && answersLost > 10, "faults were injected");

            recoverDeadLetters(stack, stream, letters, seed);

            System.out.printf("ChaosIT histories: %d client moves, %d same-second pairs, %d data-less deletes, %d shared visits, "
                            + "%d clients' phones corrected or given%n", history.moves, history.sameSecond, history.withoutData.size(), history.joined.size() / 2,
                    history.corrections);
            verify(stack, people, finalBodies, history);
            verifyVisitEvents(stack, bus, visits, deliveries.size(), finalBodies);
            visits.close();
        }
    }

    /** The on-failure records as they reach BonusDeadLetterQueue: a third claim an aged-out shard, a tenth arrive twice. */
    static final class DeadLetters {
        int batches;
        int agedOut;
        int duplicated;

        void send(Stack stack, com.fasterxml.jackson.databind.node.ObjectNode record, Random random) {
            batches++;
            com.fasterxml.jackson.databind.node.ObjectNode letter = record;
            if (random.nextInt(3) == 0) {
                letter = record.deepCopy();
                ((com.fasterxml.jackson.databind.node.ObjectNode) letter.path("DDBStreamBatchInfo")).put("shardId", AGED_OUT_SHARD);
                agedOut++;
            }
            stack.deadLetter(letter);
            if (random.nextInt(10) == 0) {
                stack.deadLetter(letter);
                duplicated++;
            }
        }
    }

    /**
     * {@code ops recover-accruals --dlq}: once under the run's DynamoDB faults (what fails stays in the queue), then
     * healthy; after it no stored version is left unapplied, and running again, or over everything, writes nothing.
     */
    private static void recoverDeadLetters(Stack stack, StreamDrain stream, DeadLetters letters, long seed) throws Exception {
        int behind = recordsBehind(stack);
        System.out.printf("ChaosIT dead letters: %d batches (%d stream records) given up after %d retries, %d messages claiming an "
                        + "aged-out shard, %d sent twice; %d stored records the ledger had not applied%n",
                stream.discardedBatches(), stream.discardedRecords(), MAXIMUM_RETRY_ATTEMPTS, letters.agedOut, letters.duplicated, behind);
        assertEquals(letters.batches, stream.discardedBatches());
        assertTrue(stream.discardedBatches() >= OUTAGES && letters.agedOut > 0, "batches failed into the dead-letter queue, some aged out");
        assertTrue(behind > 0, "the dead letters held versions the ledger never applied: without recovery the oracle would fail");

        long started = System.nanoTime();
        DynamoDbFaults.arm(seed + 1, 0.05, 0.01);
        Stack.OpsRun underFaults;
        try {
            underFaults = DynamoDbFaults.during(() -> stack.recoverAccruals("--dlq"));
        } finally {
            DynamoDbFaults.disarm();
        }
        Stack.OpsRun healthy = stack.recoverAccruals("--dlq");
        Stack.OpsRun again = stack.recoverAccruals("--dlq");
        Stack.OpsRun everything = stack.recoverAccruals("--from", "2000-01-01", "--to", "2100-01-01");
        for (Stack.OpsRun run : List.of(underFaults, healthy, again, everything)) {
            run.out().lines().filter(line -> line.startsWith("records examined") || line.startsWith("dead-letter messages"))
                    .forEach(line -> System.out.println("ChaosIT recover-accruals (exit " + run.code() + "): " + line));
        }
        System.out.printf("ChaosIT recovery: four runs in %.1f s%n", (System.nanoTime() - started) / 1e9);
        assertEquals(0, healthy.code(), healthy.out());
        assertEquals(0, recordsBehind(stack), "every stored version applied after the recovery");
        assertTrue(again.out().contains("BonusDeadLetterQueue is empty"), again.out());
        assertEquals(0, everything.code(), everything.out());
        assertTrue(everything.out().contains(": 0 with entries written, "), "a recovery over every record writes nothing: " + everything.out());
    }

    /**
     * The domain events the stream's second reader published, set against {@link VisitEventOracle} over every version the
     * stream holds. First noise at the end, with nothing else to hide behind: each record's final body delivered again,
     * every other one with its service lines in another order, must publish nothing. Then the bus must have taken
     * exactly the oracle's events, by id and type, each id for one event and none for a version that was no news, and
     * every event it refused must have been published again. Last, the oracle must catch each {@link MutantVisitEvents}
     * reading the same stream.
     */
    private static void verifyVisitEvents(Stack stack, RefusingEventBus bus, StreamDrain visits, int deliveries,
                                          Map<String, String> finalBodies) throws Exception {
        long started = System.nanoTime();
        int takenBefore = bus.taken().size();
        int replayed = 0;
        for (String body : finalBodies.values()) {
            String noise = replayed % 2 == 0 ? body : servicesReversed(body);
            HttpResponse response = stack.deliver(noise);
            assertEquals(200, response.status(), "re-delivery of a final version: " + response.body());
            replayed++;
        }
        visits.drainHealthy();
        assertEquals(takenBefore, bus.taken().size(), "events published for re-deliveries of each record's final version");
        assertEquals(visits.streamRecords(), visits.delivered(), "every stream record handed to the visit events function");

        VisitEventOracle oracle = VisitEventOracle.of(visits.changes());
        VisitEventOracle.Verdict verdict = oracle.judge(bus.taken());
        java.util.Set<String> takenIds = new java.util.HashSet<>();
        bus.taken().forEach(event -> takenIds.add(event.eventId()));
        java.util.Set<String> refused = new java.util.HashSet<>(bus.refused());
        long republished = refused.stream().filter(takenIds::contains).count();
        // Every delivery writes at most one version; the ones that wrote news are the meaningful versions they stored.
        int noiseDeliveries = deliveries + replayed - oracle.newsFromWebhooks();
        System.out.printf("ChaosIT domain events: %d meaningful changes, %d events, %d duplicate ids, %d for noise (%d noise deliveries), "
                        + "%d republished after refusals%n", verdict.meaningful(), verdict.events(), verdict.duplicateIds(), verdict.forNoise(),
                noiseDeliveries, republished);
        System.out.printf("ChaosIT domain events: %d stored versions in the stream, %d of them no news; %d PutEvents calls, %d refused "
                        + "on purpose (%d entries); %d copies of events already taken (a retried batch's rest: same id and detail, "
                        + "which consumers drop); %d invocations (%d retried); %d final versions delivered again; %.1f s for the checks%n",
                oracle.versions(), oracle.versions() - oracle.meaningful(), bus.calls(), bus.refusedCalls(), bus.refused().size(),
                verdict.repeats(), visits.invocations(), visits.retried(), replayed, (System.nanoTime() - started) / 1e9);
        assertTrue(verdict.exact(), "the events taken differ from the oracle's: " + verdict.mismatch());
        assertEquals(verdict.meaningful(), verdict.events());
        assertTrue(bus.refusedCalls() > 0 && republished > 0, "the bus refused, and what it refused was published again");
        assertEquals(refused.size(), republished, "every refused event published again");
        catchMutants(stack, oracle);
    }

    /** Each mutant reads the whole stream afresh, as a new mapping would; the oracle must find it out. */
    private static void catchMutants(Stack stack, VisitEventOracle oracle) throws Exception {
        List<String> caught = new ArrayList<>();
        for (MutantVisitEvents.Mutant kind : MutantVisitEvents.Mutant.values()) {
            MutantVisitEvents mutant = new MutantVisitEvents(kind);
            try (StreamDrain reader = stack.streamReader(StreamDrain.VISIT_EVENTS_ARN, mutant::handle, VISIT_EVENTS_BATCH)) {
                reader.drainHealthy();
            }
            VisitEventOracle.Verdict verdict = oracle.judge(mutant.taken());
            int found = switch (kind) {
                case NOISE_IS_NEWS -> verdict.forNoise();
                case REFUSALS_UNREPORTED, CANCELLING_A_COMPLETED_VISIT_IS_NO_NEWS -> verdict.missing().size();
            };
            assertTrue(!verdict.exact() && found > 0, "the oracle did not catch the mutant '" + kind.title + "': " + verdict.mismatch());
            caught.add(kind.title + " (" + found + (kind == MutantVisitEvents.Mutant.NOISE_IS_NEWS ? " events for noise)" : " events missing)"));
        }
        System.out.println("ChaosIT domain-event mutants caught: " + String.join(", ", caught));
    }

    /** The same body with its service lines in the other order: what YClients may send, no news. */
    private static String servicesReversed(String body) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode json = (com.fasterxml.jackson.databind.node.ObjectNode) Stack.JSON.readTree(body);
        JsonNode services = json.path("data").path("services");
        if (services.isArray() && services.size() > 1) {
            List<JsonNode> lines = new ArrayList<>();
            services.forEach(lines::add);
            java.util.Collections.reverse(lines);
            com.fasterxml.jackson.databind.node.ArrayNode reversed = ((com.fasterxml.jackson.databind.node.ObjectNode) json.path("data"))
                    .putArray("services");
            lines.forEach(reversed::add);
        }
        return Stack.JSON.writeValueAsString(json);
    }

    /** Stored complete versions the ledger's accrual state does not cover: what the stream still owes the ledger. */
    private static int recordsBehind(Stack stack) {
        io.ycbridge.bonus.BonusLedgerStore ledger = new io.ycbridge.bonus.BonusLedgerStore(stack.client(), stack.table("BONUS_LEDGER_TABLE"));
        int behind = 0;
        for (Map<String, AttributeValue> item : stack.client().scanPaginator(r -> r.tableName(stack.table("RECORDS_TABLE")).consistentRead(true))
                .items()) {
            StoredRecord record = RecordItem.fromItem(item);
            if (!record.incomplete() && !ledger.state(record.companyId(), record.recordId()).covers(record.changedAt(), RecordItem.revision(item))) {
                behind++;
            }
        }
        return behind;
    }

    /** What the generator did beyond the plain versions, for the oracle and the run's report. */
    static final class History {
        final java.util.Set<String> withoutData = new java.util.HashSet<>();
        final java.util.Set<String> joined = new java.util.HashSet<>();
        int moves;
        int sameSecond;
        int corrections;
        int readAfterCorrection;
    }

    /**
     * ~7,000 versions in the order YClients made them: one webhook body per change, some of them two changes of one
     * second, some deletions delivered without data; clients moved, phones corrected and given halfway.
     */
    private static List<String> generate(Stack stack, People people, Random random, Map<String, String> finalBodies, History history) {
        SimulatorData data = stack.sim.data();
        int versionsWanted = DELIVERIES * 7 / 10;
        List<String> versions = new ArrayList<>(versionsWanted);
        List<long[]> live = new ArrayList<>();
        Map<String, Boolean> completed = new HashMap<>();
        int created = 0;
        int cancelledAfterCompletion = 0;
        LocalDateTime day = LocalDateTime.ofInstant(stack.sim.clock().now(), MOSCOW).withHour(10).withMinute(0).withSecond(0).withNano(0);
        for (int step = 0; step < versionsWanted; step++) {
            stack.sim.clock().advance(Duration.ofSeconds(1 + random.nextInt(3)));
            if (step == versionsWanted * 2 / 5) {
                history.corrections = people.correctPhones(data);
            }
            if (live.isEmpty() && created == RECORDS) {
                break;
            }
            boolean create = created < RECORDS
                    && (live.isEmpty() || random.nextInt(versionsWanted - step) < RECORDS - created);
            long company;
            long id;
            String status = "update";
            if (create) {
                company = created % 5 == 4 ? B : A;
                int person = people.pick(company, random);
                long client = person < 0 ? 0 : People.clientId(company, person);
                List<Long> services = new ArrayList<>();
                long first = company == A ? 301 : 601;
                int kinds = company == A ? 10 : 5;
                services.add(first + random.nextInt(kinds));
                if (random.nextInt(3) == 0) {
                    long second = first + random.nextInt(kinds);
                    if (!services.contains(second)) {
                        services.add(second);
                    }
                }
                long staff = company == A ? 55 + random.nextInt(4) : 501 + random.nextInt(2);
                id = data.createRecord(company, client, staff, services,
                        day.plusDays(random.nextInt(20)).plusMinutes(30L * random.nextInt(16)));
                long[] sameClient = person < 0 || !people.sharesVisits(person) || random.nextInt(5) != 0 ? null
                        : live.stream().filter(r -> r[0] == company && clientOf(data, r[0], r[1]) == client).findFirst().orElse(null);
                if (sameClient != null) {
                    // One client's second service at the same sitting: one visit, one cap.
                    data.joinVisit(company, id, sameClient[1]);
                    history.joined.add(company + "/" + id);
                    history.joined.add(company + "/" + sameClient[1]);
                }
                live.add(new long[] {company, id});
                created++;
                status = "create";
            } else {
                long[] pick = live.get(random.nextInt(live.size()));
                company = pick[0];
                id = pick[1];
                String key = company + "/" + id;
                int roll = random.nextInt(100);
                if (roll < 10) {
                    data.markConfirmed(company, id);
                } else if (roll < 40) {
                    data.completeVisit(company, id, true);
                    completed.put(key, true);
                } else if (roll < 50) {
                    data.completeVisit(company, id, false);
                    if (random.nextBoolean()) {
                        // Arrived unpaid, then paid, within one second of last_change_date: both bodies carry one version.
                        versions.add(stack.sim.webhooks().body(company, id, "update"));
                        data.completeVisit(company, id, true);
                        completed.put(key, true);
                        history.sameSecond++;
                    }
                } else if (roll < 70) {
                    JsonNode record = data.recordJson(company, id).orElseThrow();
                    long service = record.path("services").get(0).path("id").asLong();
                    data.setServiceCost(company, id, service, BigDecimal.valueOf(500 + random.nextInt(4_000))
                            .add(random.nextBoolean() ? new BigDecimal("0.50") : BigDecimal.ZERO));
                } else if (roll < 74) {
                    data.cancel(company, id);
                    status = "delete";
                    live.remove(pick);
                    if (random.nextInt(4) == 0) {
                        String withoutData = "{\"company_id\":" + company + ",\"resource\":\"record\",\"resource_id\":" + id
                                + ",\"status\":\"delete\"}";
                        history.withoutData.add(withoutData);
                        versions.add(withoutData);
                        finalBodies.put(key, stack.sim.webhooks().body(company, id, status));
                        continue;
                    }
                    if (completed.containsKey(key)) {
                        cancelledAfterCompletion++;
                    }
                } else if (roll < 80) {
                    data.markNoShow(company, id);
                } else if (roll < 85) {
                    // Booked for the wrong client: corrected, before or after the visit was completed and paid.
                    int other = people.pick(company, random);
                    if (other < 0) {
                        continue;
                    }
                    data.moveToClient(company, id, People.clientId(company, other));
                    history.moves++;
                } else {
                    data.reschedule(company, id, day.plusDays(random.nextInt(20)).plusMinutes(30L * random.nextInt(16)));
                }
            }
            String body = stack.sim.webhooks().body(company, id, status);
            versions.add(body);
            finalBodies.put(company + "/" + id, body);
        }
        assertEquals(RECORDS, created, "records created");
        assertTrue(versions.size() > versionsWanted * 9 / 10, "versions: " + versions.size());
        assertTrue(cancelledAfterCompletion > 20, "cancellations after completion: " + cancelledAfterCompletion);
        return versions;
    }

    /** 20 % of the versions moved up to 40 places later, then duplicates (30 % of the total) at random later places. */
    private static List<String> shuffle(List<String> versions, Random random) {
        List<String> deliveries = new ArrayList<>(versions);
        for (int i = 0; i < deliveries.size(); i++) {
            if (random.nextInt(5) == 0) {
                int j = Math.min(deliveries.size() - 1, i + 1 + random.nextInt(40));
                String moved = deliveries.get(i);
                deliveries.set(i, deliveries.get(j));
                deliveries.set(j, moved);
            }
        }
        while (deliveries.size() < DELIVERIES) {
            int original = random.nextInt(deliveries.size());
            int at = original + 1 + random.nextInt(deliveries.size() - original);
            deliveries.add(at, deliveries.get(original));
        }
        return deliveries;
    }

    /** The app saves the profile until it is answered 200 (a 5xx or a failed invocation is tried again). */
    private static void link(Stack stack, People people, int user) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse response = DynamoDbFaults.during(
                        () -> stack.putProfile(people.user(user), "Client " + user, people.profilePhone(user)));
                if (response.status() == 200) {
                    return;
                }
                assertTrue(response.status() >= 500, "profile answered " + response.status() + ": " + response.body());
            } catch (RuntimeException failedInvocation) {
                // Lambda answered 500; the app tries again.
            }
            assertTrue(attempt < 30, "profile of user " + user + " never saved");
        }
    }

    /** A hostile user saves a profile with a stranger's phone (a user's or a pending one), with no proof of it. */
    private static void claimWithoutProof(Stack stack, People people, int hostile) throws Exception {
        int victim = (hostile * 13) % PEOPLE;
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse response = DynamoDbFaults.during(
                        () -> stack.putProfileUnproven(hostileUser(hostile), "Hostile " + hostile, people.profilePhone(victim)));
                if (response.status() == 200) {
                    assertTrue(response.body().contains("\"phoneVerified\":false"), response.body());
                    return;
                }
                assertTrue(response.status() >= 500, "profile answered " + response.status() + ": " + response.body());
            } catch (RuntimeException failedInvocation) {
                // Lambda answered 500; the app tries again.
            }
            assertTrue(attempt < 30, "hostile profile " + hostile + " never saved");
        }
    }

    private static String hostileUser(int hostile) {
        return "hostile-" + hostile;
    }

    /** Each branch synced once while YClients answers 429 and 5xx bursts; a failed run is repeated, as the schedule would. */
    private static void syncUnderYClientsFaults(Stack stack) throws Exception {
        for (long company : List.of(A, B)) {
            stack.sim.faults().on("/company").next(2, Fault.rateLimited(Duration.ofMillis(200)));
            stack.sim.faults().on("/records").next(2, Fault.serverError());
            stack.sim.faults().next(Fault.status(502, "Bad Gateway"));
            // Under DynamoDB faults a run of hundreds of writes meets one: it must fail cleanly (cursor kept) or succeed.
            JsonNode first = DynamoDbFaults.during(() -> stack.sync(company));
            String outcome = first.path("outcome").asText();
            System.out.printf("ChaosIT sync of %d under DynamoDB faults: %s %s%n", company, outcome, first.path("records"));
            assertTrue(List.of("OK", "FAILED").contains(outcome), first.toString());
            if ("FAILED".equals(outcome)) {
                assertTrue(first.path("cursor").isNull() || first.path("cursor").isMissingNode(), "a failed run keeps the cursor: " + first);
            }
            // The next scheduled run, DynamoDB healthy, YClients still bursting.
            for (int run = 2; run <= 4 && !"OK".equals(outcome); run++) {
                stack.sim.faults().clear();
                stack.sim.faults().on("/records").next(Fault.serverError());
                stack.sim.faults().next(Fault.rateLimited(Duration.ofMillis(200)));
                JsonNode result = stack.sync(company);
                outcome = result.path("outcome").asText();
                System.out.printf("ChaosIT sync of %d, run %d: %s %s%n", company, run, outcome, result.path("records"));
            }
            assertEquals("OK", outcome, "sync of " + company);
            stack.sim.faults().clear();
        }
    }

    private static void verify(Stack stack, People people, Map<String, String> finalBodies, History history) throws Exception {
        RecordNormalizer normalizer = RecordNormalizer.russia();
        CompanyBonusRules rules = CompanyBonusRules.from(stack.config());

        Map<String, StoredRecord> stored = new HashMap<>();
        stack.client().scanPaginator(r -> r.tableName(stack.table("RECORDS_TABLE"))).items()
                .forEach(item -> {
                    StoredRecord record = RecordItem.fromItem(item);
                    stored.put(record.companyId() + "/" + record.recordId(), record);
                });

        Map<String, StoredRecord> expectedRecords = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : finalBodies.entrySet()) {
            JsonNode body = Stack.JSON.readTree(entry.getValue());
            Record record = Stack.JSON.treeToValue(body.get("data"), Record.class);
            StoredRecord last = normalizer.normalize(body.path("company_id").asLong(), record, MOSCOW, RecordSource.WEBHOOK);
            if ("delete".equals(body.path("status").asText())) {
                last = last.withDeleted(true);
            }
            // A record embeds its client as the client is now, and a phone corrected in the client base changes no
            // record's change date: a version the bridge read from the API after the correction shows the new phone at
            // the same version. Either is right; what is stored then decides the owner.
            StoredRecord now = apiNow(stack, last, normalizer);
            StoredRecord actual = stored.get(entry.getKey());
            boolean readLater = actual != null && !last.equals(actual.withSource(RecordSource.WEBHOOK)) && now.equals(actual.withSource(RecordSource.WEBHOOK));
            if (readLater) {
                history.readAfterCorrection++;
            }
            expectedRecords.put(entry.getKey(), readLater ? now : last);
        }
        // A client seen with a phone on any record is known by it: the phone the latest such version showed.
        Map<String, StoredRecord> clientPhones = new HashMap<>();
        for (StoredRecord record : expectedRecords.values()) {
            if (record.clientId() != null && record.clientPhone() != null) {
                clientPhones.merge(record.companyId() + "#" + record.clientId(), record,
                        (a, b) -> a.changedAt().isAfter(b.changedAt()) ? a : b);
            }
        }
        Map<String, String> proven = people.provenOwners();

        Map<String, BigDecimal> expectedByOwner = new TreeMap<>();
        Map<String, BigDecimal> expectedByRecord = new HashMap<>();
        Map<List<Object>, BigDecimal> visits = new HashMap<>();
        int lost = 0;
        List<String> differing = new ArrayList<>();
        for (Map.Entry<String, StoredRecord> entry : expectedRecords.entrySet()) {
            StoredRecord expected = entry.getValue();
            long company = expected.companyId();
            StoredRecord actual = stored.get(entry.getKey());
            if (actual == null) {
                lost++;
                continue;
            }
            if (!expected.equals(actual.withSource(RecordSource.WEBHOOK))) {
                differing.add(entry.getKey() + ": expected " + expected + " but stored " + actual);
            }
            String owner = ownerOf(expected, clientPhones, proven);
            BonusRules companyRules = rules.forCompany(company);
            if (owner == null) {
                expectedByRecord.put(entry.getKey(), BigDecimal.ZERO); // a walk-in: nobody to credit
                continue;
            }
            if (companyRules.capPerVisit() != null && expected.visitId() != null) {
                // Who gets money follows the policy in the README: the records of one visit share its cap.
                visits.merge(List.of(owner, company, expected.visitId()), BonusPolicy.uncapped(expected, companyRules, ServiceCategories.NONE),
                        BigDecimal::add);
            } else {
                expectedByOwner.merge(owner, BonusPolicy.earned(expected, companyRules), BigDecimal::add);
            }
            if (!history.joined.contains(entry.getKey())) {
                expectedByRecord.put(entry.getKey(), BonusPolicy.earned(expected, companyRules));
            }
        }
        visits.forEach((visit, total) -> {
            BonusRules companyRules = rules.forCompany((Long) visit.get(1));
            expectedByOwner.merge((String) visit.get(0), total.min(companyRules.capPerVisit()), BigDecimal::add);
        });
        assertEquals(0, lost, "records lost");
        assertEquals(RECORDS, stored.size(), "records stored");
        assertTrue(differing.isEmpty(), differing.size() + " records differ from the oracle, e.g. "
                + differing.subList(0, Math.min(3, differing.size())));

        Map<String, BigDecimal> entriesByRecord = new HashMap<>();
        Map<String, BigDecimal> entriesByOwner = new TreeMap<>();
        Map<String, BigDecimal> balances = new TreeMap<>();
        for (Map<String, AttributeValue> item : stack.client().scanPaginator(r -> r.tableName(stack.table("BONUS_LEDGER_TABLE"))).items()) {
            String owner = item.get("ledger_key").s();
            String itemKey = item.get("item_key").s();
            if (itemKey.startsWith("ENTRY#")) {
                BigDecimal amount = new BigDecimal(item.get("amount").n());
                entriesByRecord.merge(item.get("company_id").n() + "/" + item.get("record_id").n(), amount, BigDecimal::add);
                entriesByOwner.merge(owner, amount, BigDecimal::add);
            } else if (itemKey.equals("BALANCE")) {
                balances.put(owner, new BigDecimal(item.get("balance").n()));
            }
        }
        List<String> doubles = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> expected : expectedByRecord.entrySet()) {
            // Records of shared visits are checked through their owners' balances: a visit's correction lands on the
            // record that last changed it.
            BigDecimal paid = entriesByRecord.getOrDefault(expected.getKey(), BigDecimal.ZERO);
            if (paid.compareTo(expected.getValue()) != 0) {
                doubles.add(expected.getKey() + " entries sum to " + paid + ", final amount " + expected.getValue());
            }
        }
        assertTrue(doubles.isEmpty(), doubles.size() + " records whose ledger entries differ from their final amount (double "
                + "or missing accruals), e.g. " + doubles.subList(0, Math.min(5, doubles.size())));

        List<String> wrongBalances = new ArrayList<>();
        for (String owner : union(expectedByOwner.keySet(), balances.keySet())) {
            BigDecimal expected = expectedByOwner.getOrDefault(owner, BigDecimal.ZERO);
            BigDecimal balance = balances.getOrDefault(owner, BigDecimal.ZERO);
            BigDecimal entries = entriesByOwner.getOrDefault(owner, BigDecimal.ZERO);
            if (expected.compareTo(balance) != 0 || balance.compareTo(entries) != 0) {
                wrongBalances.add(owner + ": oracle " + expected + ", balance " + balance + ", entries " + entries);
            }
        }
        assertTrue(wrongBalances.isEmpty(), wrongBalances.size() + " wrong balances, e.g. "
                + wrongBalances.subList(0, Math.min(5, wrongBalances.size())));

        // What each user sees in the app.
        for (int user = 0; user < people.users(); user++) {
            HttpResponse response = stack.myBonus(people.user(user), Map.of("limit", "1"));
            assertEquals(200, response.status());
            BigDecimal shown = new BigDecimal(Stack.JSON.readTree(response.body()).path("balance").asText());
            BigDecimal expected = expectedByOwner.getOrDefault("USER#" + people.user(user), BigDecimal.ZERO);
            assertEquals(0, expected.compareTo(shown), "GET /v1/me/bonus of user " + user + ": " + shown + " != " + expected);
        }
        // Nobody is paid for a phone they did not prove, and no link names them.
        for (int hostile = 0; hostile < HOSTILE; hostile++) {
            String owner = BonusOwner.user(hostileUser(hostile)).key();
            assertEquals(0, balances.getOrDefault(owner, BigDecimal.ZERO).signum(), "balance of " + owner);
            assertTrue(!entriesByOwner.containsKey(owner), "entries of " + owner);
            BigDecimal shown = new BigDecimal(Stack.JSON.readTree(stack.myBonus(hostileUser(hostile), Map.of()).body()).path("balance").asText());
            assertEquals(0, shown.signum(), "GET /v1/me/bonus of " + owner);
        }
        long hostileLinks = 0;
        for (Map<String, AttributeValue> item : stack.client().scanPaginator(r -> r.tableName(stack.table("USER_LINKS_TABLE"))).items()) {
            if (item.containsKey("user_id") && item.get("user_id").s().startsWith("hostile-") && item.get("link_key").s().startsWith("PHONE#")) {
                hostileLinks++;
            }
        }
        assertEquals(0, hostileLinks, "phones linked to users who never proved them");
        long users = expectedByOwner.keySet().stream().filter(owner -> owner.startsWith("USER#")).count();
        long pending = expectedByOwner.keySet().stream().filter(owner -> owner.startsWith("PENDING#")).count();
        System.out.printf("ChaosIT oracle: %d records, %d users and %d pending owners with visits, total %s bonus; %d records read "
                        + "from the API after their client's phone changed; %d hostile claims, 0 credits and 0 links to them%n",
                stored.size(), users, pending, expectedByOwner.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add),
                history.readAfterCorrection, HOSTILE);
    }

    /**
     * The owner the policy names for a record's final version: by its phone (whoever proved it, else pending under it);
     * a phone-less record by the phone its client was seen with; else pending under the client id; a walk-in, nobody.
     */
    private static String ownerOf(StoredRecord record, Map<String, StoredRecord> clientPhones, Map<String, String> proven) {
        String phone = record.clientPhoneE164();
        if (phone == null && record.clientId() != null) {
            StoredRecord seenWithPhone = clientPhones.get(record.companyId() + "#" + record.clientId());
            if (seenWithPhone == null) {
                return BonusOwner.pendingClient(record.companyId(), record.clientId()).key();
            }
            phone = seenWithPhone.clientPhoneE164();
        }
        return phone == null ? null : proven.getOrDefault(phone, BonusOwner.pendingPhone(phone).key());
    }

    /** The record as the API answers it at the end of the run, deleted ones included. */
    private static StoredRecord apiNow(Stack stack, StoredRecord record, RecordNormalizer normalizer) throws Exception {
        Record now = Stack.JSON.treeToValue(stack.sim.data().recordJson(record.companyId(), record.recordId()).orElseThrow(), Record.class);
        StoredRecord stored = normalizer.normalize(record.companyId(), now, MOSCOW, RecordSource.WEBHOOK);
        return record.deleted() ? stored.withDeleted(true) : stored;
    }

    private static long clientOf(SimulatorData data, long company, long record) {
        JsonNode client = data.recordJson(company, record).orElseThrow().path("client");
        return client.isObject() ? client.path("id").asLong() : 0;
    }

    private static List<String> union(java.util.Collection<String> a, java.util.Collection<String> b) {
        java.util.TreeSet<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
