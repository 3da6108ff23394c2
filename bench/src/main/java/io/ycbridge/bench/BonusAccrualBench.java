package io.ycbridge.bench;

import io.ycbridge.bonus.AccrualOutcome;
import io.ycbridge.bonus.BonusAccrualService;
import io.ycbridge.bonus.BonusLedgerStore;
import io.ycbridge.bonus.BonusRules;
import io.ycbridge.bonus.CompanyBonusRules;
import io.ycbridge.app.profile.ProfileHandler;
import io.ycbridge.bonus.UserLinkStore;
import io.ycbridge.config.Config;
import io.ycbridge.edge.HttpRequest;
import io.ycbridge.localaws.LocalDynamoDb;
import io.ycbridge.phone.PhoneNumber;
import io.ycbridge.record.RecordSource;
import io.ycbridge.record.StoredRecord;
import io.ycbridge.record.StoredService;
import io.ycbridge.table.TableDefinitions;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * BonusAccrualService.accrue of a completed visit against the least its write can be: one hand-built
 * TransactWriteItems of the same three items (state, entry, balance) and conditions, no reads, no decisions.
 * Contestants, per iteration, each on a new record of one user, on the same in-process DynamoDB Local and client,
 * interleaved with the order rotating so drift hits all alike:
 * <ul>
 * <li>raw: the transaction alone;</li>
 * <li>accrue, warm: the completion of a record whose booking this environment processed before (untimed) — the
 * stream's normal case, where the record's last state is known and only the conditional transaction is sent;</li>
 * <li>accrue, new record: a completion this environment never saw, of a client it has seen (a shard's usual new
 * record): written as unseen with the links it named the client by, checked in the transaction;</li>
 * <li>accrue, cold: a record and client new to this environment (after a cold start or a shard move; a fresh service
 * each time): one BatchGetItem of the state and the links, then the transaction;</li>
 * <li>profile save: {@code PUT /v1/me/profile} through ProfileHandler of a new user whose token proves the phone: the
 * link transaction, the pending credit's query, the profile item and the read-back the answer reports.</li>
 * </ul>
 * Throughput is 1 / median latency (one caller, as one stream shard is processed). Goals (issue 21): warm at least
 * 0.9× the raw write's throughput, a never-seen record at least 0.7×. Usage: {@code bench/run BonusAccrual [iterations] [warm-up]}.
 */
public final class BonusAccrualBench {
    private static final long COMPANY = 235564;
    private static final Instant BASE = Instant.parse("2026-11-20T10:00:00Z");

    private BonusAccrualBench() {
    }

    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 3_000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        try (LocalDynamoDb dynamoDb = LocalDynamoDb.start()) {
            DynamoDbClient client = dynamoDb.client();
            TableDefinitions.BONUS_LEDGER.create(client, "BonusLedgerTable-bench");
            TableDefinitions.USER_LINKS.create(client, "UserLinksTable-bench");
            TableDefinitions.PROFILES.create(client, "ProfilesTable-bench");
            TableDefinitions.PHONE_VERIFICATIONS.create(client, "PhoneVerificationsTable-bench");
            ProfileHandler profiles = new ProfileHandler(Config.of(Map.of("PROFILES_TABLE", "ProfilesTable-bench",
                    "BONUS_LEDGER_TABLE", "BonusLedgerTable-bench", "USER_LINKS_TABLE", "UserLinksTable-bench",
                    "PHONE_VERIFICATIONS_TABLE", "PhoneVerificationsTable-bench", "BONUS_PERCENT", "5",
                    "AWS_ENDPOINT_URL", dynamoDb.endpoint().toString(), "AWS_REGION", "us-east-1")));
            UserLinkStore links = new UserLinkStore(client, "UserLinksTable-bench");
            BonusLedgerStore ledger = new BonusLedgerStore(client, "BonusLedgerTable-bench");
            CompanyBonusRules rules = CompanyBonusRules.uniform(BonusRules.percent("5"));
            BonusAccrualService service = new BonusAccrualService(ledger, links, rules);
            Supplier<BonusAccrualService> freshEnvironment = () -> new BonusAccrualService(ledger, links, rules);
            service.linkProvenPhone("bench-user", "+79990000000");

            Samples warm = new Samples("accrue, warm (booking seen before)", iterations);
            Samples fresh = new Samples("accrue, new record of a known client", iterations);
            Samples cold = new Samples("accrue, cold (read + write)", iterations);
            Samples profile = new Samples("profile save, phone proven by the token", iterations);
            Samples raw = new Samples("raw TransactWriteItems (same 3 items)", iterations);
            Samples discard = new Samples("warm-up", 5 * warmup);
            long record = 1;
            for (int i = 0; i < warmup; i++, record += 3) {
                step(service, freshEnvironment, profiles, client, record, i % 5, discard, discard, discard, discard, discard);
            }
            long started = System.nanoTime();
            for (int i = 0; i < iterations; i++, record += 3) {
                step(service, freshEnvironment, profiles, client, record, i % 5, warm, fresh, cold, profile, raw);
            }
            double seconds = (System.nanoTime() - started) / 1e9;

            System.out.printf(Locale.ROOT, "BonusAccrual: accrue vs one raw TransactWriteItems on in-process DynamoDB Local, "
                    + "%d warm-up + %d interleaved iterations each (%.1f s), %d CPUs, %s%n",
                    warmup, iterations, seconds, Runtime.getRuntime().availableProcessors(), Runtime.version());
            System.out.println(Samples.header());
            System.out.println(raw.row(raw));
            System.out.println(warm.row(raw));
            System.out.println(fresh.row(raw));
            System.out.println(cold.row(raw));
            System.out.println(profile.row(raw));
            double warmRatio = raw.medianMicros() / warm.medianMicros();
            double freshRatio = raw.medianMicros() / fresh.medianMicros();
            double coldRatio = raw.medianMicros() / cold.medianMicros();
            System.out.printf(Locale.ROOT, "throughput (1/median): raw %.0f/s, accrue warm %.0f/s (%.2f×, goal ≥ 0.90× — %s), "
                    + "new record of a known client %.0f/s (%.2f×, goal ≥ 0.70× — %s), cold record and client %.0f/s (%.2f×)%n",
                    1e6 / raw.medianMicros(), 1e6 / warm.medianMicros(), warmRatio, warmRatio >= 0.9 ? "met" : "NOT met",
                    1e6 / fresh.medianMicros(), freshRatio, freshRatio >= 0.7 ? "met" : "NOT met", 1e6 / cold.medianMicros(), coldRatio);
            System.out.printf(Locale.ROOT, "profile save p50 %.0f µs against one raw TransactWriteItems %.0f µs (%.2f×)%n",
                    profile.medianMicros(), raw.medianMicros(), profile.medianMicros() / raw.medianMicros());
        }
    }

    /**
     * Record {@code record} is the warm one, {@code record + 1} the new record of a known client, {@code record + 2} the
     * cold one, accrued by an environment that has seen nothing; the raw write uses its own range.
     */
    private static void step(BonusAccrualService service, Supplier<BonusAccrualService> freshEnvironment, ProfileHandler profiles,
                             DynamoDbClient client, long record, int order, Samples warm, Samples fresh, Samples cold, Samples profile,
                             Samples raw) {
        service.accrue(booked(record)); // untimed: what the stream delivered when the visit was booked
        BonusAccrualService newEnvironment = freshEnvironment.get();
        for (int k = 0; k < 5; k++) {
            switch ((order + k) % 5) {
                case 0 -> timeAccrue(service, visit(record), warm);
                case 1 -> timeAccrue(service, visit(record + 1), fresh);
                case 2 -> timeAccrue(newEnvironment, visit(record + 2), cold);
                case 3 -> timeProfileSave(profiles, record, profile);
                default -> timeRaw(client, record, raw);
            }
        }
    }

    /** A new user saves the profile with the phone its token proves. */
    private static void timeProfileSave(ProfileHandler profiles, long record, Samples samples) {
        String user = "profile-user-" + record;
        String phone = String.format(Locale.ROOT, "+7998%07d", record);
        Map<String, String> claims = Map.of("sub", user, "phone_number", phone, "phone_number_verified", "true");
        HttpRequest request = new HttpRequest("PUT /v1/me/profile", null, null, Map.of("content-type", "application/json"),
                "{\"name\":\"Bench User\",\"phone\":\"" + phone + "\"}", false, claims);
        long start = System.nanoTime();
        int status = profiles.handle(request, null).status();
        samples.add(System.nanoTime() - start);
        if (status != 200) {
            throw new IllegalStateException("profile save answered " + status);
        }
    }

    private static void timeAccrue(BonusAccrualService service, StoredRecord visit, Samples samples) {
        long record = visit.recordId();
        long start = System.nanoTime();
        AccrualOutcome outcome = service.accrue(visit).outcome();
        samples.add(System.nanoTime() - start);
        if (outcome != AccrualOutcome.APPLIED) {
            throw new IllegalStateException("record " + record + " did not accrue: " + outcome);
        }
    }

    /** The same three items and conditions accrue writes, for another owner and record range so the two never collide. */
    private static void timeRaw(DynamoDbClient client, long record, Samples samples) {
        long start = System.nanoTime();
        String table = "BonusLedgerTable-bench";
        long version = BASE.toEpochMilli() + record;
        String entryId = COMPANY + "-" + (10_000_000 + record) + "-accrual-" + version;
        Put state = Put.builder().tableName(table)
                .item(Map.of("ledger_key", s("RECORD#" + COMPANY + "#" + (10_000_000 + record)), "item_key", s("STATE"),
                        "company_id", n(COMPANY), "record_id", n(10_000_000 + record), "accrued", AttributeValue.fromN("99.00"),
                        "version", n(version), "owner", s("USER#raw-user")))
                .conditionExpression("attribute_not_exists(#k)").expressionAttributeNames(Map.of("#k", "ledger_key")).build();
        Put entry = Put.builder().tableName(table)
                .item(Map.of("ledger_key", s("USER#raw-user"), "item_key", s(String.format(Locale.ROOT, "ENTRY#%013d#%s", version, entryId)),
                        "entry_id", s(entryId), "company_id", n(COMPANY), "record_id", n(10_000_000 + record), "kind", s("ACCRUAL"),
                        "amount", AttributeValue.fromN("99.00"), "version", n(version)))
                .conditionExpression("attribute_not_exists(#k)").expressionAttributeNames(Map.of("#k", "ledger_key")).build();
        Update balance = Update.builder().tableName(table)
                .key(Map.of("ledger_key", s("USER#raw-user"), "item_key", s("BALANCE")))
                .updateExpression("ADD #balance :amount, #count :one")
                .expressionAttributeNames(Map.of("#balance", "balance", "#count", "entry_count"))
                .expressionAttributeValues(Map.of(":amount", AttributeValue.fromN("99.00"), ":one", n(1))).build();
        client.transactWriteItems(request -> request.transactItems(TransactWriteItem.builder().put(state).build(),
                TransactWriteItem.builder().put(entry).build(), TransactWriteItem.builder().update(balance).build()));
        samples.add(System.nanoTime() - start);
    }

    /** The same record when it was booked: nobody came yet, nothing paid. */
    private static StoredRecord booked(long recordId) {
        StoredRecord done = visit(recordId);
        return new StoredRecord(COMPANY, recordId, BASE, false, done.clientId(), done.clientPhone(), done.staffId(), 0, false, done.services(),
                done.startsAt(), done.seanceLength(), done.visitId(), false, RecordSource.WEBHOOK);
    }

    private static StoredRecord visit(long recordId) {
        return new StoredRecord(COMPANY, recordId, BASE.plusMillis(recordId), false, 4001L, new PhoneNumber("+79990000000"), 55L, 1, true,
                List.of(new StoredService(301, "Haircut", new BigDecimal("1500.00"), 1),
                        new StoredService(302, "Beard trim", new BigDecimal("499.50"), 1)),
                OffsetDateTime.parse("2026-11-20T12:00:00+03:00"), Duration.ofHours(1), "7001", false, RecordSource.SYNC);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
