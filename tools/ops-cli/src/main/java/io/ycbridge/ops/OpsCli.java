package io.ycbridge.ops;

import io.ycbridge.api.YClientsAccess;
import io.ycbridge.aws.AwsSettings;
import io.ycbridge.bonus.BonusAccrualService;
import io.ycbridge.bonus.BonusLedgerStore;
import io.ycbridge.bonus.BonusOwner;
import io.ycbridge.bonus.LedgerEntry;
import io.ycbridge.catalog.CatalogKind;
import io.ycbridge.catalog.CatalogStore;
import io.ycbridge.catalog.KindCounts;
import io.ycbridge.config.EnvVar;
import io.ycbridge.loyalty.CardLink;
import io.ycbridge.loyalty.LoyaltyCardsStore;
import io.ycbridge.loyalty.LoyaltyMirror;
import io.ycbridge.loyalty.LoyaltyProgramme;
import io.ycbridge.loyalty.LoyaltySettings;
import io.ycbridge.loyalty.LoyaltyWiring;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.observe.EmfMetrics;
import io.ycbridge.observe.LogSink;
import io.ycbridge.record.RecordItem;
import io.ycbridge.phone.PhoneRegions;
import io.ycbridge.record.RecordNormalizer;
import io.ycbridge.record.RecordSource;
import io.ycbridge.record.RecordStore;
import io.ycbridge.record.RecordVersionStore;
import io.ycbridge.record.StoredRecord;
import io.ycbridge.record.UpsertOutcome;
import io.ycbridge.sync.CatalogSyncService;
import io.ycbridge.sync.CompanySync;
import io.ycbridge.sync.RequestCounter;
import io.ycbridge.sync.SyncSettings;
import io.ycbridge.sync.SyncState;
import io.ycbridge.sync.SyncStateStore;
import io.ycbridge.table.TableDefinitions;
import io.ycbridge.yclients.YClientsException;
import io.ycbridge.yclients.model.HookSettings;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code ycbridge ops <command>}: doctor, setup-webhook, rotate-webhook-token, sync, replay, status, recover-accruals,
 * adjust, loyalty-resend. Exit codes: 0 all good, 1 something failed (a check, a company's sync, a write, a record's
 * recovery, an entry not on its card), 2 usage or configuration the tool cannot read at all.
 */
public final class OpsCli {
    static final String USAGE = """
            usage: ycbridge ops <command> [options]
              doctor        [--json] [--env-file F | --secret-arn ARN] [--webhook-url URL]
                            check the configuration the functions use; exit 0 all green, 1 a check failed, 2 usage
              setup-webhook --url URL [--company ID] [--dry-run] [--env-file F | --secret-arn ARN]
                            register URL for record events in each company's YClients webhook settings (idempotent)
              rotate-webhook-token --url WEBHOOK_URL [--grace 1h] [--company ID] --secret-arn ARN | --retire --secret-arn ARN
                            a new webhook token in the secret, the old one accepted for the grace period; each company's
                            YClients settings get the new URL in place of the old; --retire ends the grace at once
              sync          --company ID [--from DATE --to DATE] [--env-file F | --secret-arn ARN]
                            sync a company now (catalog + records since the cursor), or back-fill a window's records
              replay        --company ID --from T --to T [--source-table NAME] [--env-file F]
                            re-apply stored records changed in [from, to) through RecordStore.upsert (idempotent)
              status        [--company ID | --user SUB] [--env-file F | --secret-arn ARN]
                            per company: last successful sync, cursor, last error, last webhook-written record; with
                            LOYALTY_CARDS, the users whose entries wait for their loyalty card; --user SUB instead shows that
                            user's cards: status and reason, posted, waiting, next reconciliation (exit 1 when REFUSED or UNCERTAIN)
              recover-accruals --dlq [--lookback-days N] | --company ID [--from T --to T] | --from T --to T
                            [--dry-run] [--env-file F]
                            re-run bonus accrual for stored records: the failed stream batches in BonusDeadLetterQueue,
                            a company's records, or records changed in [from, to) of every company in COMPANY_IDS;
                            idempotent (versions already applied are skipped), exit 1 when any record failed
              adjust        --user SUB --amount A --reason TEXT [--company ID] [--by NAME] [--env-file F]
                            an audited correction of the user's balance: one ADJUSTMENT entry (A non-zero, at most 2 decimals,
                            a minus takes bonus away; reason 3..200 characters, kept with "(by NAME)", NAME defaulting to $USER);
                            company: --company, else the one of COMPANY_IDS; the loyalty mirror puts it on the client's card
              loyalty-resend --user SUB [--env-file F | --secret-arn ARN]
                            queue all of the user's ledger entries again for their loyalty cards and post what is not on them
                            now, per chain of LOYALTY_CARDS (never twice: an entry on the card already is skipped)
            DATE/T: 2026-11-01 (UTC midnight; --to DATE means the end of that day) or 2026-11-01T10:00:00Z
            every command: --settings-parameter NAME (or SETTINGS_PARAMETER) reads the deployed settings (the stack's
                            SettingsParameterName output) beneath the environment, so COMPANY_IDS and the bonus rules are the
                            functions' own
            """;
    private static final Set<String> SOURCE = Set.of("--env-file", "--secret-arn", "--settings-parameter");

    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    /** In-process, on an explicit environment: the tests, and the reliability suite, which recovers accruals with it. */
    public OpsCli(Map<String, String> environment, PrintStream out, PrintStream err, Clock clock) {
        this.environment = environment;
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    public static void main(String[] args) {
        System.exit(new OpsCli(System.getenv(), System.out, System.err, Clock.systemUTC()).run(args));
    }

    /** The exit code (see the class comment); output goes to the streams given. */
    public int run(String... args) {
        if (args.length == 0 || List.of("help", "-h", "--help").contains(args[0])) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        Redactor redactor = new Redactor();
        try {
            return switch (args[0]) {
                case "doctor" -> doctor(Args.parse(rest, with("--webhook-url"), Set.of("--json")), redactor);
                case "setup-webhook" -> setupWebhook(Args.parse(rest, with("--url", "--company"), Set.of("--dry-run")), redactor);
                case "rotate-webhook-token" -> rotateWebhookToken(Args.parse(rest, with("--url", "--company", "--grace"), Set.of("--retire")), redactor);
                case "sync" -> sync(Args.parse(rest, with("--company", "--from", "--to"), Set.of()));
                case "replay" -> replay(Args.parse(rest, with("--company", "--from", "--to", "--source-table"), Set.of()));
                case "status" -> status(Args.parse(rest, with("--company", "--user"), Set.of()));
                case "recover-accruals" -> recoverAccruals(Args.parse(rest, with("--company", "--from", "--to", "--lookback-days"),
                        Set.of("--dlq", "--dry-run")));
                case "adjust" -> adjust(Args.parse(rest, with("--user", "--amount", "--reason", "--company", "--by"), Set.of()), redactor);
                case "loyalty-resend" -> loyaltyResend(Args.parse(rest, with("--user"), Set.of()), redactor);
                default -> throw new UsageException("unknown command '" + args[0] + "'");
            };
        } catch (UsageException e) {
            err.println("ycbridge ops: " + redactor.apply(e.getMessage()));
            err.print(USAGE);
            return 2;
        }
    }

    private int doctor(Args args, Redactor redactor) {
        try (OpsEnvironment env = OpsEnvironment.from(environment, args)) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            List<Check> checks = new Doctor(env, http, clock, redactor).run(args.value("--webhook-url"));
            redactor.add(env.config().optional(EnvVar.YCLIENTS_WEBHOOK_TOKEN).orElse(null));
            out.print(redactor.apply(args.flag("--json") ? Report.json(env.origin(), checks) : Report.text(env.origin(), checks)));
            return Report.exitCode(checks);
        }
    }

    private int setupWebhook(Args args, Redactor redactor) {
        String url = args.require("--url");
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
            throw new UsageException("--url must be the absolute webhook URL, e.g. the stack's WebhookUrl output");
        }
        boolean dryRun = args.flag("--dry-run");
        return reported(redactor, () -> {
            try (OpsEnvironment env = OpsEnvironment.from(environment, args)) {
                YClientsAccess access = readable(yclients(env, redactor).build(), redactor);
                List<Long> companies = companies(args, env, access);
                int failures = register(access, companies, url, null, dryRun, redactor);
                if (dryRun) {
                    out.println("dry run: nothing was written to YClients");
                }
                return failures == 0 ? 0 : 1;
            }
        });
    }

    /** {@code --company}, else the configured companies, else the secret's; none is a usage error. */
    private static List<Long> companies(Args args, OpsEnvironment env, YClientsAccess access) {
        List<Long> companies = args.value("--company").isPresent() ? List.of(args.companyId("--company"))
                : env.companyIds(access.secrets().secret().companies());
        if (companies.isEmpty()) {
            throw new UsageException("no company: pass --company ID or set COMPANY_IDS");
        }
        return companies;
    }

    /** Runs a command that writes: a failure it did not expect is reported, redacted, as exit 1; usage errors go up (exit 2). */
    private int reported(Redactor redactor, IntSupplier command) {
        try {
            return command.getAsInt();
        } catch (UsageException e) {
            throw e;
        } catch (RuntimeException e) {
            out.println(redactor.apply("❌ " + e.getMessage()));
            return 1;
        }
    }

    /**
     * Registers {@code url} for record events in each company's webhook settings (and drops {@code retired}, a URL whose
     * token a rotation replaced, when given), then reads them back. @return the companies that failed
     */
    private int register(YClientsAccess access, List<Long> companies, String url, String retired, boolean dryRun, Redactor redactor) {
        int failures = 0;
        String shown = Redactor.maskUrl(url);
        for (long companyId : companies) {
            try {
                HookSettings current = access.call(client -> client.hookSettings(companyId));
                if (current.deliversRecordsTo(url) && (retired == null || !current.urls().contains(retired))) {
                    out.println("✅ company " + companyId + ": record events already go to " + shown + " (nothing to change)");
                    continue;
                }
                HookSettings wanted = retired == null ? current.withRecordsTo(url) : current.withRecordsTo(url).withoutUrl(retired);
                out.println((dryRun ? "📝 company " + companyId + ": would change" : "🔧 company " + companyId + ": changing")
                        + " the webhook settings");
                out.println("   urls:   " + current.urls().stream().map(Redactor::maskUrl).toList() + " → "
                        + wanted.urls().stream().map(Redactor::maskUrl).toList());
                out.println("   active: " + current.active() + " → " + wanted.active() + ", record events: "
                        + current.recordEvents() + " → " + wanted.recordEvents() + " (other URLs and switches kept)");
                if (dryRun) {
                    continue;
                }
                HookSettings written = access.call(client -> client.updateHookSettings(companyId, wanted));
                HookSettings check = access.call(client -> client.hookSettings(companyId));
                if (check.deliversRecordsTo(url)) {
                    out.println("✅ company " + companyId + ": record events now go to " + shown);
                } else {
                    failures++;
                    out.println(redactor.apply("❌ company " + companyId + ": YClients kept " + written + "; set it in YClients: Settings → "
                            + "Integrations → Webhooks"));
                }
            } catch (YClientsException e) {
                failures++;
                out.println(redactor.apply("❌ company " + companyId + ": " + e.getMessage()));
            }
        }
        return failures;
    }

    /**
     * A new webhook token, with no delivery lost: the secret gets it while the old one stays accepted for the grace
     * period (the webhook function accepts both, and reads the secret again when it meets a token it does not know),
     * then each company's YClients settings get the new URL in place of the old one.
     */
    private int rotateWebhookToken(Args args, Redactor redactor) {
        return reported(redactor, () -> {
            try (OpsEnvironment env = OpsEnvironment.from(environment, args)) {
                String secretId = env.config().optional(EnvVar.YCLIENTS_SECRET_ARN).orElseThrow(() -> new UsageException(
                        "rotate-webhook-token writes the secret in Secrets Manager: pass --secret-arn ARN (the stack's YClientsSecretArn output); "
                                + "with an env file, edit YCLIENTS_WEBHOOK_TOKEN there and run setup-webhook"));
                WebhookTokenRotation rotation = new WebhookTokenRotation(env.aws().secretsManager(), secretId, clock);
                if (args.flag("--retire")) {
                    out.println(rotation.retire() ? "✅ the previous webhook token is no longer accepted" : "✅ there was no previous webhook token");
                    return 0;
                }
                String prefix = args.require("--url");
                if (!(prefix.startsWith("https://") || prefix.startsWith("http://")) || !prefix.endsWith("/")) {
                    throw new UsageException("--url must be the stack's WebhookUrl output, the webhook URL up to and with its last '/'");
                }
                Duration grace = grace(args.value("--grace").orElse("1h"));
                YClientsAccess access = readable(yclients(env, redactor).build(), redactor);
                List<Long> companies = companies(args, env, access);
                WebhookTokenRotation.Rotated rotated = rotation.rotate(grace);
                redactor.add(rotated.token());
                rotated.previous().ifPresent(previous -> redactor.add(previous.token()));
                out.println("🔑 the secret has a new webhook token" + rotated.previous().map(previous -> "; the previous one is accepted until "
                        + previous.until()).orElse(" (there was none before)"));
                int failures = register(access, companies, prefix + rotated.token(), rotated.previous().map(previous -> prefix + previous.token()).orElse(null),
                        false, redactor);
                if (failures > 0 && rotated.previous().isPresent()) {
                    // Those companies still deliver with the old token: keep it for a day more while the operator fixes them.
                    Instant until = clock.instant().plus(Duration.ofDays(1)).isAfter(rotated.previous().get().until())
                            ? clock.instant().plus(Duration.ofDays(1)) : rotated.previous().get().until();
                    rotation.extendGrace(until);
                    out.println("⚠️ " + failures + " compan" + (failures == 1 ? "y" : "ies") + " kept the old URL: the previous token stays accepted until "
                            + until + "; run setup-webhook --url <WebhookUrl><new token> for them (WebhookUrlCommand prints it)");
                }
                return failures == 0 ? 0 : 1;
            }
        });
    }

    /** 30m, 1h, 2d, or ISO-8601 (PT90M). At least a minute: deliveries in flight must still land. */
    static Duration grace(String text) {
        Duration grace;
        try {
            grace = text.matches("\\d+[mhd]") ? switch (text.charAt(text.length() - 1)) {
                case 'm' -> Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
                case 'h' -> Duration.ofHours(Long.parseLong(text.substring(0, text.length() - 1)));
                default -> Duration.ofDays(Long.parseLong(text.substring(0, text.length() - 1)));
            } : Duration.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new UsageException("--grace must be like 30m, 1h, 2d or PT90M, was " + text);
        }
        if (grace.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new UsageException("--grace must be at least a minute: deliveries YClients already sent must still be accepted");
        }
        return grace;
    }

    private int sync(Args args) {
        long companyId = args.companyId("--company");
        Optional<Instant> from = args.value("--from").map(text -> time(text, false));
        Optional<Instant> to = args.value("--to").map(text -> time(text, true));
        if (from.isPresent() != to.isPresent()) {
            throw new UsageException("a back-fill needs both --from and --to");
        }
        if (from.isPresent() && !from.get().isBefore(to.get())) {
            throw new UsageException("--from must be before --to");
        }
        try (OpsEnvironment env = OpsEnvironment.from(environment, args)) {
            DynamoDbClient dynamoDb = env.aws().dynamoDb();
            String stateTable = env.requireTable(EnvVar.SYNC_STATE_TABLE);
            String recordsTable = env.requireTable(EnvVar.RECORDS_TABLE);
            String catalogTable = env.requireTable(EnvVar.CATALOG_TABLE);
            Redactor redactor = new Redactor();
            RequestCounter requests = new RequestCounter();
            // The functions' shared budget: a sync from a laptop takes slots from the same schedule as the deployed ones.
            YClientsAccess access = readable(yclients(env, redactor).sharedRateLimit(dynamoDb, stateTable).observer(requests).build(),
                    redactor);
            DecisionLog quiet = new DecisionLog("ops-cli", line -> { }, clock);
            SyncStateStore states = new SyncStateStore(dynamoDb, stateTable);
            // The deployed sync's phone regions, so a back-fill from a laptop stores the numbers it would store.
            RecordNormalizer normalizer = new RecordNormalizer(PhoneRegions.fromConfig(env.config()).withCompanyData(states::phoneRegion, clock, quiet));
            CatalogSyncService service = new CatalogSyncService(access::call, requests,
                    new CatalogStore(dynamoDb, catalogTable, clock), new RecordStore(dynamoDb, recordsTable),
                    new RecordVersionStore(dynamoDb, recordsTable), states, normalizer,
                    new SyncSettings(Duration.ofDays(30), Duration.ofMinutes(5), Duration.ofDays(7),
                            env.config().zone(EnvVar.COMPANY_TIME_ZONE, ZoneId.of("Europe/Moscow"))),
                    clock, quiet, new EmfMetrics("ops-cli", line -> { }, clock));
            Instant noDeadline = clock.instant().plus(Duration.ofDays(1));
            long started = System.nanoTime();
            List<CompanySync> parts = new java.util.ArrayList<>();
            if (from.isEmpty()) {
                err.println("syncing company " + companyId + " (catalog and records since the cursor)…");
                parts.add(service.sync(companyId, noDeadline));
            } else {
                // One day per step: the progress line moves on a long back-fill, and a failure says where it stopped.
                long days = Math.max(1, Duration.between(from.get(), to.get()).toDays() + (Duration.between(from.get(), to.get())
                        .toHoursPart() > 0 ? 1 : 0));
                Instant stepFrom = from.get();
                int step = 0;
                while (stepFrom.isBefore(to.get())) {
                    Instant stepTo = stepFrom.plus(Duration.ofDays(1)).isBefore(to.get()) ? stepFrom.plus(Duration.ofDays(1)) : to.get();
                    CompanySync part = service.backfill(companyId, stepFrom, stepTo, noDeadline);
                    parts.add(part);
                    step++;
                    int stored = parts.stream().mapToInt(p -> p.records().stored()).sum();
                    int filled = (int) Math.min(30, 30 * step / days);
                    err.print("\r[" + "#".repeat(filled) + ".".repeat(30 - filled) + "] " + step + "/" + days + " days, up to "
                            + stepTo + ", " + stored + " records stored");
                    if (part.error() != null) {
                        break;
                    }
                    stepFrom = stepTo;
                }
                err.println();
            }
            out.print(redactor.apply(summary(companyId, parts, (System.nanoTime() - started) / 1_000_000)));
            return parts.stream().anyMatch(p -> p.error() != null) ? 1 : 0;
        }
    }

    static String summary(long companyId, List<CompanySync> parts, long durationMs) {
        Map<CatalogKind, KindCounts> catalog = new EnumMap<>(CatalogKind.class);
        int fetched = 0, created = 0, updated = 0, unchanged = 0, rejected = 0;
        long requests = 0;
        for (CompanySync part : parts) {
            part.catalog().forEach((kind, counts) -> catalog.merge(kind, counts, KindCounts::plus));
            fetched += part.records().fetched();
            created += part.records().created();
            updated += part.records().updated();
            unchanged += part.records().unchanged();
            rejected += part.records().rejected();
            requests += part.apiRequests();
        }
        CompanySync last = parts.getLast();
        StringBuilder out = new StringBuilder();
        out.append("company ").append(companyId).append(": ").append(last.outcome()).append('\n');
        out.append(String.format("%-10s %8s %8s %8s %10s%n", "kind", "created", "updated", "deleted", "unchanged"));
        if (catalog.isEmpty()) {
            out.append("(catalog not read: a back-fill reads records only)\n");
        }
        catalog.forEach((kind, c) -> out.append(String.format("%-10s %8d %8d %8d %10d%n", kind.name().toLowerCase(java.util.Locale.ROOT),
                c.created(), c.updated(), c.deleted(), c.unchanged())));
        out.append(String.format("%-10s %8d %8d %8s %10d%n", "record", created, updated, "-", unchanged));
        out.append("records: ").append(fetched).append(" fetched, ").append(created + updated).append(" stored, ")
                .append(rejected).append(" rejected\n");
        out.append("API requests: ").append(requests).append(", duration: ").append(durationMs).append(" ms");
        if (last.cursor() != null) {
            out.append(", cursor: ").append(last.cursor());
        }
        out.append('\n');
        parts.stream().filter(p -> p.error() != null).forEach(p -> out.append("❌ ").append(p.error()).append('\n'));
        return out.toString();
    }

    private int replay(Args args) {
        long companyId = args.companyId("--company");
        Instant from = time(args.require("--from"), false);
        Instant to = time(args.require("--to"), true);
        if (!from.isBefore(to)) {
            throw new UsageException("--from must be before --to");
        }
        try (OpsEnvironment env = OpsEnvironment.from(environment, args)) {
            DynamoDbClient dynamoDb = env.aws().dynamoDb();
            String target = env.requireTable(EnvVar.RECORDS_TABLE);
            String sourceTable = args.value("--source-table").orElse(target);
            RecordStore source = new RecordStore(dynamoDb, sourceTable);
            RecordStore records = new RecordStore(dynamoDb, target);
            Map<UpsertOutcome, Integer> counts = new EnumMap<>(UpsertOutcome.class);
            int[] read = {0};
            try (var stream = source.changedBetween(companyId, from, to)) {
                stream.forEach(record -> {
                    read[0]++;
                    counts.merge(records.upsert(record), 1, Integer::sum);
                });
            }
            out.println("replayed company " + companyId + " records changed in [" + from + ", " + to + ") from " + sourceTable
                    + " into " + target);
            out.println("read " + read[0] + ": created " + counts.getOrDefault(UpsertOutcome.CREATED, 0)
                    + ", updated " + counts.getOrDefault(UpsertOutcome.UPDATED, 0)
                    + ", already stored " + counts.getOrDefault(UpsertOutcome.DUPLICATE, 0)
                    + ", newer version kept " + counts.getOrDefault(UpsertOutcome.STALE, 0));
            return 0;
        }
    }

    private int status(Args args) {
        Optional<String> user = args.value("--user");
        if (user.isPresent() && args.value("--company").isPresent()) {
            throw new UsageException("give --company or --user, not both: --user shows that user's loyalty cards instead of the companies");
        }
        try (OpsEnvironment env = OpsEnvironment.from(environment, args)) {
            DynamoDbClient dynamoDb = env.aws().dynamoDb();
            if (user.isPresent()) {
                LoyaltyCardsStore cards = new LoyaltyCardsStore(dynamoDb, env.requireTable(EnvVar.LOYALTY_CARDS_TABLE));
                return new LoyaltyStatus(cards, out).user(user.get(), env.loyaltySettings().chains()) ? 1 : 0;
            }
            SyncStateStore states = new SyncStateStore(dynamoDb, env.requireTable(EnvVar.SYNC_STATE_TABLE));
            Optional<String> recordsTable = env.config().optional(EnvVar.RECORDS_TABLE);
            List<Long> companies = args.value("--company").isPresent() ? List.of(args.companyId("--company")) : env.companyIds(List.of());
            if (companies.isEmpty()) {
                throw new UsageException("no company: pass --company ID or set COMPANY_IDS");
            }
            boolean anyError = false;
            for (long companyId : companies) {
                SyncState state = states.get(companyId);
                out.println("company " + companyId);
                out.println("  last successful sync:  " + state.lastSuccessAt().map(Instant::toString).orElse("never"));
                out.println("  last run:              " + state.lastRunAt().map(Instant::toString).orElse("never")
                        + state.lastOutcome().map(o -> " (" + o + ")").orElse(""));
                out.println("  records cursor:        " + state.cursor().map(Instant::toString).orElse("none (no sync finished a slice yet)"));
                out.println("  history back-fill:     " + state.backfill().map(window -> backfill(window, state.cursor()))
                        .orElse("not started (the first run reads it)"));
                out.println("  catalog last read:     " + state.lastCatalogAt().map(Instant::toString).orElse("never"));
                out.println("  last webhook record:   " + recordsTable.map(table -> lastWebhook(dynamoDb, table, companyId))
                        .orElse("unknown (set RECORDS_TABLE)"));
                out.println("  last error:            " + state.lastError().orElse("none"));
                anyError |= state.lastError().isPresent();
            }
            if (env.loyaltySettings().enabled()) {
                Optional<String> cardsTable = env.config().optional(EnvVar.LOYALTY_CARDS_TABLE);
                if (cardsTable.isEmpty()) {
                    out.println("loyalty cards: unknown (set LOYALTY_CARDS_TABLE)");
                } else {
                    anyError |= new LoyaltyStatus(new LoyaltyCardsStore(dynamoDb, cardsTable.get()), out).waiting();
                }
            }
            return anyError ? 1 : 0;
        }
    }

    private static String backfill(SyncState.Backfill window, Optional<Instant> cursor) {
        double done = window.done(cursor);
        String span = "records changed " + window.from() + " .. " + window.to();
        return done >= 1 ? "complete (" + span + ")"
                : String.format(java.util.Locale.ROOT, "%.1f%% of %s, read through %s", done * 100, span,
                        cursor.map(Instant::toString).orElse("nothing yet"));
    }

    /**
     * Exactly one way of naming the records: {@code --dlq} (the failed batches), {@code --company ID} with or without a
     * window, or a window across COMPANY_IDS. Windows are by {@code changed_at}, YClients' change time of the version
     * ({@link ChangeWindow}), as {@code replay} and {@code sync} read them.
     */
    private int recoverAccruals(Args args) {
        boolean dlq = args.flag("--dlq");
        boolean dryRun = args.flag("--dry-run");
        Optional<String> company = args.value("--company");
        Optional<Instant> from = args.value("--from").map(text -> time(text, false));
        Optional<Instant> to = args.value("--to").map(text -> time(text, true));
        if (dlq == (company.isPresent() || from.isPresent() || to.isPresent())) {
            throw new UsageException("name the records one way: --dlq, or --company ID [--from T --to T], or --from T --to T");
        }
        if (from.isPresent() != to.isPresent()) {
            throw new UsageException("a window needs both --from and --to");
        }
        if (from.isPresent() && !from.get().isBefore(to.get())) {
            throw new UsageException("--from must be before --to");
        }
        if (!dlq && args.value("--lookback-days").isPresent()) {
            throw new UsageException("--lookback-days belongs to --dlq: it narrows the window of batches the stream no longer holds");
        }
        Optional<Duration> lookback = args.value("--lookback-days").map(OpsCli::days);
        try (OpsEnvironment env = OpsEnvironment.from(environment, args)) {
            RecordStore records = new RecordStore(env.aws().dynamoDb(), env.requireTable(EnvVar.RECORDS_TABLE));
            List<Long> companies = company.isPresent() ? List.of(args.companyId("--company")) : env.companyIds(List.of());
            if (!dlq && companies.isEmpty()) {
                throw new UsageException("no company: pass --company ID or set COMPANY_IDS");
            }
            BonusAccrualService service = env.accrualService();
            out.println("recover-accruals" + (dryRun ? " (dry run: nothing is written, no message deleted)" : "") + " with "
                    + env.rulesInForce(companies));
            AccrualRecovery recovery = new AccrualRecovery(records, service, dryRun, out);
            boolean failed;
            if (dlq) {
                String queueUrl = env.require(EnvVar.BONUS_DEAD_LETTER_QUEUE_URL, "the stack's BonusDeadLetterQueueUrl output");
                try (SqsClient sqs = env.aws().settings().configure(SqsClient.builder(), env.aws().http(), AwsSettings.SQS).build();
                     DynamoDbStreamsClient streams = env.aws().settings().configure(DynamoDbStreamsClient.builder(), env.aws().http()).build()) {
                    DeadLetterRecovery.Drained drained = new DeadLetterRecovery(new DeadLetterQueue(sqs, queueUrl, Duration.ofMinutes(15)),
                            new StreamBatchReader(streams), companies, lookback, recovery, dryRun, out).run();
                    out.println(recovery.summary());
                    out.println(drained.summary(dryRun));
                    failed = drained.unrecovered() > 0;
                } catch (SdkException unreadable) {
                    // Receiving (or releasing) failed before any message was settled: every message is still in the queue.
                    out.println("❌ BonusDeadLetterQueue could not be read (" + unreadable.getClass().getSimpleName()
                            + "): check BONUS_DEAD_LETTER_QUEUE_URL and that these credentials may receive, delete and change "
                            + "the visibility of its messages");
                    failed = true;
                }
            } else {
                ChangeWindow window = from.isPresent() ? new ChangeWindow(from.get(), to.get()) : ChangeWindow.allTime();
                out.println("records changed in " + window + " of companies " + companies);
                failed = !recovery.recoverChanged(companies, window);
                out.println(recovery.summary());
            }
            return failed || recovery.anyFailed() ? 1 : 0;
        }
    }

    /**
     * An operator's audited correction of a user's balance: one ADJUSTMENT entry with the reason and who gave it, written
     * with its balance in one transaction ({@link BonusLedgerStore#post}). The loyalty mirror takes it to the client's
     * card from the ledger's stream, as it takes an accrual.
     */
    private int adjust(Args args, Redactor redactor) {
        String userId = args.require("--user");
        BigDecimal amount = OperatorAdjustment.amount(args.require("--amount"));
        String reason = OperatorAdjustment.reason(args.value("--reason").orElseThrow(() -> new UsageException(
                "--reason is required: say why, in " + OperatorAdjustment.REASON_MIN + " to " + OperatorAdjustment.REASON_MAX
                        + " characters (it stays with the entry and shows on the card)")));
        String by = args.value("--by").or(() -> Optional.ofNullable(environment.get("USER")).map(String::strip).filter(name -> !name.isEmpty()))
                .orElse("operator");
        return reported(redactor, () -> {
            try (OpsEnvironment env = OpsEnvironment.from(environment, args)) {
                long companyId = adjustedCompany(args, env);
                BonusLedgerStore ledger = new BonusLedgerStore(env.aws().dynamoDb(), env.requireTable(EnvVar.BONUS_LEDGER_TABLE));
                // Read before writing: a LOYALTY_CARDS that cannot be read stops the command with nothing written.
                Optional<LoyaltyProgramme> cards = env.loyaltySettings().forCompany(companyId);
                OperatorAdjustment adjustment = new OperatorAdjustment(userId, companyId, amount, reason, by);
                LedgerEntry entry = adjustment.entry(clock.instant());
                // An id taken already is this very write, repeated by the SDK after its answer was lost: the time is in the id.
                boolean written = ledger.post(entry);
                out.println("✅ user " + userId + ": " + entry.kind() + " " + adjustment.signedAmount() + " \"" + reason + "\" as entry "
                        + entry.id() + (written ? "" : " (written already)") + "; balance now " + ledger.balance(BonusOwner.user(userId)).toPlainString());
                out.println(cards.map(programme -> "   the loyalty mirror puts it on the client's card in chain " + programme.chainId()
                                + " (from the ledger's stream); ops status --user " + userId + " shows it there")
                        .orElse("   company " + companyId + " has no loyalty cards (not in LOYALTY_CARDS): the entry moves the app's balance only"));
                return 0;
            }
        });
    }

    /** {@code --company}, else the one company of COMPANY_IDS: a correction never guesses among several. */
    private static long adjustedCompany(Args args, OpsEnvironment env) {
        if (args.value("--company").isPresent()) {
            return args.companyId("--company");
        }
        List<Long> companies = env.companyIds(List.of());
        if (companies.size() == 1) {
            return companies.getFirst();
        }
        throw new UsageException("name the company the correction belongs to with --company ID ("
                + (companies.isEmpty() ? "COMPANY_IDS is not set" : "COMPANY_IDS has " + companies.size() + ": " + companies) + ")");
    }

    /**
     * Queues all of the user's entries again for their cards and drains each chain now: after entries were lost on the
     * way to the outbox (LoyaltyDeadLetterQueue), or once the cause of a REFUSED link is fixed. Nothing is posted twice:
     * an entry on the card already is dropped by the drain ({@link LoyaltyMirror#requeue}).
     */
    private int loyaltyResend(Args args, Redactor redactor) {
        String userId = args.require("--user");
        return reported(redactor, () -> {
            try (OpsEnvironment env = OpsEnvironment.from(environment, args)) {
                LoyaltySettings settings = env.loyaltySettings();
                if (!settings.enabled()) {
                    throw new UsageException("LOYALTY_CARDS is empty: no company puts its bonus on loyalty cards, so there is nothing to "
                            + "resend (set it as deployed, e.g. with --settings-parameter)");
                }
                for (EnvVar table : List.of(EnvVar.LOYALTY_CARDS_TABLE, EnvVar.BONUS_LEDGER_TABLE, EnvVar.USER_LINKS_TABLE)) {
                    env.requireTable(table);
                }
                YClientsAccess access = readable(yclients(env, redactor).build(), redactor);
                LoyaltyWiring wiring = withDecisionsOnErr(LoyaltyWiring.of(env.config(), env.aws(), access, settings, "ops", clock), redactor);
                LoyaltyMirror mirror = wiring.mirror();
                int queued = mirror.requeue(userId);
                out.println("user " + userId + ": " + queued + " ledger entr" + (queued == 1 ? "y" : "ies")
                        + " queued again for the cards (those on a card already are not posted again)");
                boolean allOnCards = true;
                for (long chainId : settings.chains()) {
                    // A drain would look up, or issue, a card the client has no entry for: a chain never used is left alone.
                    if (wiring.cards().link(userId, chainId).isEmpty() && wiring.cards().outbox(userId, chainId, 1).isEmpty()) {
                        out.println("✅ chain " + chainId + ": nothing to post (no entry of the user's at its companies)");
                        continue;
                    }
                    LoyaltyMirror.Drained drained;
                    try {
                        drained = mirror.drain(userId, chainId);
                    } catch (RuntimeException e) {
                        // The drain left the entries queued for the cycle, as it does for the stream's handler.
                        out.println(redactor.apply("❌ chain " + chainId + ": the drain failed (" + e.getClass().getSimpleName() + ": "
                                + e.getMessage() + "); the entries stay queued for the scheduled cycle"));
                        allOnCards = false;
                        continue;
                    }
                    allOnCards &= drained == LoyaltyMirror.Drained.DONE;
                    CardLink link = wiring.cards().link(userId, chainId).orElse(null);
                    out.println(redactor.apply((drained == LoyaltyMirror.Drained.DONE ? "✅" : "⚠️ ") + " chain " + chainId + ": " + drained
                            + (link == null ? "" : ", " + link.status() + (link.reason() == null ? "" : " (" + link.reason() + ")")
                                    + ", " + link.posted() + " posted to card " + (link.cardId() == null ? "none yet" : link.cardId()))
                            + ", waiting " + wiring.cards().outbox(userId, chainId, 1000).size()));
                }
                return allOnCards ? 0 : 1;
            }
        });
    }

    /** The functions' parts, their decision lines on stderr: stdout is the operator's summary, the lines its detail. */
    private LoyaltyWiring withDecisionsOnErr(LoyaltyWiring wiring, Redactor redactor) {
        LogSink sink = line -> err.println(redactor.apply(line));
        return new LoyaltyWiring(wiring.settings(), wiring.cards(), wiring.ledger(), wiring.links(), wiring.api(), clock,
                new DecisionLog("ops", sink, clock), new EmfMetrics("ops", line -> { }, clock));
    }

    private static Duration days(String text) {
        try {
            int days = Integer.parseInt(text);
            if (days >= 1 && days <= 3650) {
                return Duration.ofDays(days);
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException("--lookback-days must be a whole number of days from 1 to 3650, e.g. 60");
    }

    /**
     * The newest record version a webhook wrote: RecordsTable keeps no receipt time, so this is that record's YClients
     * change time ({@code last_change_date}), read newest first from the change-time index, at most 1,000 items back.
     */
    static String lastWebhook(DynamoDbClient dynamoDb, String table, long companyId) {
        Map<String, AttributeValue> start = null;
        int read = 0;
        do {
            final Map<String, AttributeValue> from = start;
            QueryResponse page = dynamoDb.query(q -> {
                q.tableName(table).indexName(TableDefinitions.RECORDS_BY_CHANGE_INDEX)
                        .keyConditionExpression("#company = :company").scanIndexForward(false).limit(200)
                        .expressionAttributeNames(Map.of("#company", RecordItem.COMPANY_ID))
                        .expressionAttributeValues(Map.of(":company", AttributeValue.fromN(Long.toString(companyId))));
                if (from != null) {
                    q.exclusiveStartKey(from);
                }
            });
            for (Map<String, AttributeValue> item : page.items()) {
                AttributeValue source = item.get(RecordItem.SOURCE);
                if (source != null && RecordSource.WEBHOOK.name().equals(source.s())) {
                    StoredRecord record = RecordItem.fromItem(item);
                    return "record " + record.recordId() + " changed at " + record.changedAt()
                            + (record.recordId() == Doctor.PROBE_RECORD_ID ? " (the doctor's test delivery)" : "");
                }
            }
            read += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && read < 1000);
        return read == 0 ? "none (no records stored)" : "none among the newest " + read + " record versions";
    }

    /** The access the functions would build from this configuration, on this CLI's clock; logged-in tokens are redacted. */
    private YClientsAccess.Builder yclients(OpsEnvironment env, Redactor redactor) {
        return YClientsAccess.builder(env.config(), env.secretSource()).clock(clock).onTokenIssued(redactor::add);
    }

    /** Reads the credentials once, so that none of them is ever printed and an unreadable secret is a usage error. */
    private static YClientsAccess readable(YClientsAccess access, Redactor redactor) {
        try {
            redactor.add(access.secrets().secret().partnerToken());
            redactor.add(access.secrets().secret().userToken());
            redactor.add(access.secrets().secret().password());
        } catch (RuntimeException unreadable) {
            throw new UsageException("the YClients credentials cannot be read: " + unreadable.getMessage() + " (run ycbridge ops doctor)");
        }
        return access;
    }

    private static Set<String> with(String... options) {
        java.util.HashSet<String> all = new java.util.HashSet<>(SOURCE);
        all.addAll(List.of(options));
        return all;
    }

    /** {@code 2026-11-01} (UTC midnight; as an end, the end of that day) or an ISO instant. */
    static Instant time(String text, boolean end) {
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                return (end ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException("'" + text + "' is not a date (2026-11-01) or an instant (2026-11-01T10:00:00Z)");
        }
    }
}
