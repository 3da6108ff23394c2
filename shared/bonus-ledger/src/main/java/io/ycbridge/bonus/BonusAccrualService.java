package io.ycbridge.bonus;

import io.ycbridge.aws.AwsClients;
import io.ycbridge.catalog.CatalogStore;
import io.ycbridge.config.Config;
import io.ycbridge.config.EnvVar;
import io.ycbridge.record.StoredRecord;
import io.ycbridge.snapstart.FreshRandom;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Brings the ledger to what a record version is worth, for whoever owns it now: reads the record's accrual state and the
 * links that name its owner (or takes them from this environment's hints), skips versions not newer than the applied
 * one, asks {@link BonusPolicy} for the amounts and writes them with {@link BonusLedgerStore}, reading again when a
 * concurrent writer or a new link got there first. Also links proven phones, crediting what their visits earned
 * before, and erases accounts. The README's "who gets the money" table is the policy this implements.
 */
public final class BonusAccrualService {
    /** Conflicts only arise between writers of the same record or the same balance; a handful of tries settles them. */
    private static final int ATTEMPTS = 12;
    private static final int MAX_PAGE = 100;

    private final BonusLedgerStore ledger;
    private final UserLinkStore links;
    private final CompanyBonusRules rules;
    private final CatalogCategories categories;
    private final RecentStates recent = new RecentStates(10_000);

    /** A service whose rules exclude no categories: it never needs the catalog. */
    public BonusAccrualService(BonusLedgerStore ledger, UserLinkStore links, CompanyBonusRules rules) {
        this(ledger, links, rules, CatalogCategories.unavailable());
    }

    public BonusAccrualService(BonusLedgerStore ledger, UserLinkStore links, CompanyBonusRules rules, CatalogCategories categories) {
        this.ledger = ledger;
        this.links = links;
        this.rules = rules;
        this.categories = categories;
    }

    /** Thrown when a record's state kept changing under us; the stream retries the item. */
    public static final class ContendedException extends RuntimeException {
        ContendedException(String message) {
            super(message);
        }
    }

    /**
     * What the balance and profile handlers build: stores over the configured tables, rules from the environment. They
     * read and link but never evaluate the rules (crediting a pending visit moves what was accrued, it does not
     * recompute it), so they have no catalog.
     */
    public static BonusAccrualService from(Config config, AwsClients aws) {
        return new BonusAccrualService(ledger(config, aws), links(config, aws), CompanyBonusRules.from(config));
    }

    /** What the accrual handler builds: as {@link #from}, plus the synced catalog for category exclusions. */
    public static BonusAccrualService forAccrual(Config config, AwsClients aws) {
        CatalogStore catalog = new CatalogStore(aws.dynamoDb(), config.require(EnvVar.CATALOG_TABLE), Clock.systemUTC());
        return new BonusAccrualService(ledger(config, aws), links(config, aws), CompanyBonusRules.from(config),
                new CatalogCategories(catalog, Clock.systemUTC()));
    }

    private static BonusLedgerStore ledger(Config config, AwsClients aws) {
        return new BonusLedgerStore(aws.dynamoDb(), config.require(EnvVar.BONUS_LEDGER_TABLE));
    }

    private static UserLinkStore links(Config config, AwsClients aws) {
        return new UserLinkStore(aws.dynamoDb(), config.require(EnvVar.USER_LINKS_TABLE));
    }

    /** {@link #accrue(StoredRecord, long)} of a version the records store has not counted (tests, tools). */
    public AccrualResult accrue(StoredRecord record) {
        return accrue(record, 0);
    }

    /**
     * Brings the ledger to what this version of the record is worth, for whoever owns it now.
     *
     * @param revision the records store's write counter of this version ({@code RecordItem.revision} of the stream
     *                 image): it orders two versions of one change second, so neither is taken for a repeat
     */
    public AccrualResult accrue(StoredRecord record, long revision) {
        long company = record.companyId();
        long id = record.recordId();
        if (record.incomplete()) {
            return new AccrualResult(company, id, AccrualOutcome.INCOMPLETE, null, null, null);
        }
        Worth value = worth(record);
        BonusRules companyRules = value.rules();
        String visit = value.visit();
        BigDecimal worth = value.amount();
        String identity = value.identity();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            RecentStates.Hint hint = attempt == 1 ? recent.get(company, id) : null;
            boolean hinted = hint != null && visit == null && hint.state().visit() == null && identity.equals(hint.state().identity());
            Decision decision = hinted ? decide(record, revision, worth, identity, null, companyRules, hint.state(), hint.resolved(), null, null) : null;
            ResolvedOwner knownClient = attempt == 1 && hint == null && visit == null ? recent.client(company, identity) : null;
            if (knownClient != null) {
                // A record this environment never saw, of a client it knows: most likely new (a booking), so write as if
                // unseen. The write is conditioned on that and checks the links, so a wrong guess costs one refusal.
                decision = decide(record, revision, worth, identity, null, companyRules, AccrualState.unseen(company, id), knownClient, null, null);
                hinted = true;
            }
            if (decision == null) {
                BonusLedgerStore.Snapshot snapshot = ledger.snapshot(company, id,
                        UserLinkStore.lookupKeys(company, record.clientId(), record.clientPhoneE164()), visit, links);
                decision = decide(record, revision, worth, identity, visit, companyRules, snapshot.state(), null, snapshot.links(), snapshot.visit());
                hinted = false;
            }
            if (decision.stale()) {
                // Sound even from a hint: versions only grow, so the stored one is at least the hinted one. A replay
                // after a failure halfway still learns what the record says about its client.
                if (!hinted) {
                    learnClientPhone(record, decision);
                }
                return new AccrualResult(company, id, AccrualOutcome.STALE, null, null, decision.seen().owner());
            }
            List<TransactWriteItem> checks = decision.facts().stream().map(links::check).toList();
            if (ledger.commit(decision.seen(), decision.next(), decision.entries(), decision.visits(), checks)) {
                if (!hinted) {
                    // Before the hints: a failure here must leave the retry a full read, which learns it again.
                    learnClientPhone(record, decision);
                    if (decision.resolved() != null) {
                        recent.putClient(company, identity, decision.resolved());
                    }
                }
                recent.put(new RecentStates.Hint(decision.next(), decision.resolved()));
                return result(decision);
            }
            recent.forget(company, id);
            if (!hinted) {
                pause(attempt);
            }
        }
        throw new ContendedException("record " + company + "/" + id + " kept changing during " + ATTEMPTS + " attempts");
    }

    /**
     * What {@link #accrue(StoredRecord, long)} would decide for this version now, from one consistent read and without
     * writing anything: the record's own entry (kind and amount) or why there is none. It does not show what the
     * real run may move besides (visits pending under a client id that this record ties to a phone), and a concurrent
     * writer may change the answer before the real run: a preview, for an operator's dry run.
     */
    public AccrualResult preview(StoredRecord record, long revision) {
        long company = record.companyId();
        long id = record.recordId();
        if (record.incomplete()) {
            return new AccrualResult(company, id, AccrualOutcome.INCOMPLETE, null, null, null);
        }
        Worth value = worth(record);
        BonusLedgerStore.Snapshot snapshot = ledger.snapshot(company, id,
                UserLinkStore.lookupKeys(company, record.clientId(), record.clientPhoneE164()), value.visit(), links);
        Decision decision = decide(record, revision, value.amount(), value.identity(), value.visit(), value.rules(), snapshot.state(), null,
                snapshot.links(), snapshot.visit());
        return decision.stale() ? new AccrualResult(company, id, AccrualOutcome.STALE, null, null, decision.seen().owner()) : result(decision);
    }

    /** What a version is worth under its company's rules, and what its owner and cap are decided by. */
    private record Worth(BonusRules rules, String visit, BigDecimal amount, String identity) {
    }

    private Worth worth(StoredRecord record) {
        BonusRules companyRules = rules.forCompany(record.companyId());
        // Only companies that exclude categories pay for a catalog lookup (cached), the rest accrue as before.
        ServiceCategories known = companyRules.excludesCategories() ? categories.forCompany(record.companyId()) : ServiceCategories.NONE;
        // A visit's records share its cap: each accrues uncapped and the visit's correction keeps the sum at the cap.
        String visit = companyRules.capPerVisit() != null && record.visitId() != null ? visitScope(record.visitId()) : null;
        BigDecimal amount = visit == null ? BonusPolicy.earned(record, companyRules, known) : BonusPolicy.uncapped(record, companyRules, known);
        return new Worth(companyRules, visit, amount, identity(record));
    }

    /** What one attempt decided: the state it read and the one it writes, the money, and the links it rests on. */
    private record Decision(AccrualState seen, AccrualState next, List<LedgerEntry> entries, List<BonusLedgerStore.VisitWrite> visits,
                            List<LinkFact> facts, ResolvedOwner resolved, boolean stale, List<Map<String, AttributeValue>> linkItems) {
    }

    /**
     * The owner follows the record's current client: a record that earned nothing yet, or whose client changed, is
     * owned by whoever its client is linked to now (the money it holds moves there: a reversal for the old owner, an
     * accrual for the new one); a record that earned for the same client keeps its owner, so what was credited stays
     * where it is, except that a pending owner hands over to a user who has since proven the phone.
     *
     * @return null when the hint cannot decide (it lacks the links a decision now needs): read and decide again
     */
    private Decision decide(StoredRecord record, long revision, BigDecimal worth, String identity, String visit, BonusRules companyRules,
                            AccrualState seen, ResolvedOwner hinted, List<Map<String, AttributeValue>> linkItems, VisitState visitState) {
        long company = record.companyId();
        long id = record.recordId();
        if (seen.covers(record.changedAt(), revision)) {
            return new Decision(seen, seen, List.of(), List.of(), List.of(), hinted, true, linkItems);
        }
        boolean keep = seen.owner() != null && seen.accrued().signum() != 0 && identity.equals(seen.identity());
        BonusOwner owner;
        ResolvedOwner resolved = hinted;
        List<LinkFact> facts;
        if (keep && !seen.owner().pending()) {
            owner = seen.owner();
            facts = List.of();
        } else {
            if (resolved == null) {
                if (linkItems == null) {
                    return null;
                }
                resolved = links.resolve(company, record.clientId(), record.clientPhoneE164(), linkItems);
            }
            boolean toUser = resolved.owner() != null && !resolved.owner().pending();
            owner = keep && !toUser ? seen.owner() : resolved.owner();
            facts = resolved.facts();
        }
        BigDecimal target = owner == null ? BigDecimal.ZERO : worth;
        Instant version = record.changedAt();
        List<LedgerEntry> entries = new ArrayList<>(2);
        if (seen.accrued().signum() == 0 || owner != null && owner.equals(seen.owner())) {
            if (owner != null) {
                BonusPolicy.change(seen.accrued(), target).ifPresent(change -> entries.add(
                        LedgerEntry.of(owner, company, id, change.kind(), change.amount(), version, revision, null)));
            }
        } else {
            boolean fromPending = seen.owner().pending();
            entries.add(LedgerEntry.of(seen.owner(), company, id, fromPending ? EntryKind.PENDING_TRANSFER : EntryKind.REVERSAL,
                    BonusPolicy.money(seen.accrued().negate()), version, revision, null));
            if (target.signum() != 0) {
                entries.add(LedgerEntry.of(owner, company, id, fromPending ? EntryKind.PENDING_CREDIT : EntryKind.ACCRUAL, target, version, revision, null));
            }
        }
        List<BonusLedgerStore.VisitWrite> visits = new ArrayList<>(2);
        if (visit != null) {
            VisitState current = visitState != null ? visitState : ledger.visit(company, visit);
            visits.add(VisitCapPolicy.change(current, current.withMember(id, target), owner, companyRules, id, version, revision, entries));
        }
        if (seen.visit() != null && !seen.visit().equals(visit)) {
            VisitState left = ledger.visit(company, seen.visit());
            visits.add(VisitCapPolicy.change(left, left.withMember(id, null), null, companyRules, id, version, revision, entries));
        }
        AccrualState next = new AccrualState(company, id, owner, target, version, revision, identity, visit);
        return new Decision(seen, next, entries, visits, facts, resolved, false, linkItems);
    }

    /**
     * A record that shows a client id with a phone tells us whose the client is: remembered, so the client's visits
     * booked without a phone find the phone's owner, and what is already pending under the client id moves to the
     * phone's owner (a user who proved it, or pending under the phone, which the next proof credits).
     */
    private void learnClientPhone(StoredRecord record, Decision decision) {
        Long clientId = record.clientId();
        String phone = record.clientPhoneE164();
        List<Map<String, AttributeValue>> items = decision.linkItems();
        if (clientId == null || phone == null || items == null || UserLinkStore.settled(record.companyId(), clientId, phone, items)) {
            return;
        }
        // Refused as not newer, the phone may still be ours (a retry after a failure halfway): then finish the move.
        if (!links.associate(record.companyId(), clientId, phone, record.changedAt())
                && !phone.equals(UserLinkStore.associatedPhone(record.companyId(), clientId, items))) {
            return;
        }
        BonusOwner phoneOwner = decision.resolved() != null && decision.resolved().owner() != null ? decision.resolved().owner()
                : links.userForPhone(phone).map(BonusOwner::user).orElse(BonusOwner.pendingPhone(phone));
        BonusOwner pendingClient = BonusOwner.pendingClient(record.companyId(), clientId);
        for (List<Long> pending : ledger.recordsOf(pendingClient)) {
            creditRecord(pending.get(0), pending.get(1), pendingClient, phoneOwner);
        }
        links.settle(record.companyId(), clientId, phone);
    }

    private static AccrualResult result(Decision decision) {
        AccrualState next = decision.next();
        if (next.owner() == null) {
            return new AccrualResult(next.companyId(), next.recordId(), AccrualOutcome.NO_CLIENT, null, null, null);
        }
        LedgerEntry own = decision.entries().stream().filter(entry -> entry.owner().equals(next.owner()) && entry.kind() != EntryKind.VISIT_CAP)
                .reduce((first, second) -> second).orElse(null);
        return own == null
                ? new AccrualResult(next.companyId(), next.recordId(), AccrualOutcome.UNCHANGED, null, null, next.owner())
                : new AccrualResult(next.companyId(), next.recordId(), AccrualOutcome.APPLIED, own.kind(), own.amount(), next.owner());
    }

    /** Who the record names: its client id and phone, the two things its owner is decided by. */
    private static String identity(StoredRecord record) {
        return "client=" + (record.clientId() == null ? "" : record.clientId()) + ";phone="
                + (record.clientPhoneE164() == null ? "" : record.clientPhoneE164());
    }

    /** A visit id as part of keys and entry ids: YClients' are digits; anything else is reduced to a stable digest. */
    private static String visitScope(String visitId) {
        if (visitId.matches("[0-9a-z_]{1,24}")) {
            return visitId;
        }
        return Integer.toHexString(visitId.hashCode()) + "x" + visitId.length();
    }

    /**
     * Links a proven phone to the user (the caller has checked the proof): a phone held by another user moves to this
     * one (numbers are recycled; what was credited stays where it is) and every visit pending under the phone, or under
     * a client known to have it, is credited. Returns the amount credited now. Safe to repeat.
     *
     * @throws ContendedException when concurrent writers or DynamoDB throttling kept winning: answer 503, the app tries again
     */
    public BigDecimal linkProvenPhone(String userId, String phoneE164) {
        for (int attempt = 1; !links.linkPhone(userId, phoneE164); attempt++) {
            if (attempt == ATTEMPTS) {
                throw new ContendedException("the links of a user kept changing during " + ATTEMPTS + " attempts");
            }
            pause(attempt);
        }
        return creditPending(userId, phoneE164);
    }

    /**
     * Ends every link of the user: the phone's future visits go pending again, as if nobody had linked it. The user's
     * ledger entries stay. Safe to repeat.
     */
    public void unlink(String userId) {
        for (int attempt = 1; !links.unlink(userId); attempt++) {
            if (attempt == ATTEMPTS) {
                throw new ContendedException("the links of a user kept changing during " + ATTEMPTS + " attempts");
            }
            pause(attempt);
        }
    }

    /**
     * Account deletion ({@code DELETE /v1/me}): {@link #unlink}, then the user's entries, balance and the records they
     * own move to an anonymous owner that nothing links back to the person (entries are financial records; the token
     * subject is personal data). Safe to repeat: a second call finds nothing left to move.
     */
    public void erase(String userId) {
        unlink(userId);
        BonusOwner user = BonusOwner.user(userId);
        BonusOwner anonymous = BonusOwner.erased();
        for (int round = 0; ; round++) {
            List<LedgerEntry> entries = ledger.entries(user, MAX_PAGE, null).entries();
            if (entries.isEmpty()) {
                break;
            }
            if (round == 1_000) {
                throw new ContendedException("entries kept arriving while erasing a user");
            }
            Map<List<Long>, List<LedgerEntry>> byRecord = new java.util.LinkedHashMap<>();
            entries.forEach(entry -> byRecord.computeIfAbsent(List.of(entry.companyId(), entry.recordId()), k -> new ArrayList<>()).add(entry));
            for (Map.Entry<List<Long>, List<LedgerEntry>> record : byRecord.entrySet()) {
                for (int attempt = 1; !ledger.moveRecord(user, anonymous, record.getKey().get(0), record.getKey().get(1), record.getValue()); attempt++) {
                    if (attempt == ATTEMPTS) {
                        throw new ContendedException("a record kept changing while erasing a user");
                    }
                    pause(attempt);
                }
            }
        }
        ledger.dropEmptyBalance(user);
    }

    /** Credits the pending visits under this phone to the user. */
    public BigDecimal creditPending(String userId, String phoneE164) {
        BonusOwner user = BonusOwner.user(userId);
        BonusOwner pending = BonusOwner.pendingPhone(phoneE164);
        BigDecimal credited = BigDecimal.ZERO;
        for (List<Long> record : ledger.recordsOf(pending)) {
            credited = credited.add(creditRecord(record.get(0), record.get(1), pending, user));
        }
        return BonusPolicy.money(credited);
    }

    public BalancePage balance(String userId, int limit, String cursor) {
        BonusOwner owner = BonusOwner.user(userId);
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        BonusLedgerStore.EntryPage page = ledger.entries(owner, size, decodeCursor(cursor));
        return new BalancePage(ledger.balance(owner), page.entries(),
                page.lastItemKey() == null ? null : Base64.getUrlEncoder().withoutPadding().encodeToString(page.lastItemKey().getBytes(StandardCharsets.UTF_8)));
    }

    /** Thrown for a cursor this service did not make. */
    public static final class BadCursorException extends RuntimeException {
        BadCursorException() {
            super("the cursor is not one this API returned");
        }
    }

    private static String decodeCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!key.matches("ENTRY#\\d{13}#[0-9a-z_-]{1,80}")) {
                throw new BadCursorException();
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new BadCursorException();
        }
    }

    private BigDecimal creditRecord(long company, long record, BonusOwner pending, BonusOwner user) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            AccrualState seen = ledger.state(company, record);
            if (!pending.equals(seen.owner()) || seen.accrued().signum() == 0) {
                // Nothing held, or no longer pending here: its next version is decided by the links as they are then.
                return BigDecimal.ZERO;
            }
            Optional<BigDecimal> moved = ledger.transfer(seen, user);
            if (moved.isPresent()) {
                return moved.get();
            }
            pause(attempt);
        }
        throw new ContendedException("record " + company + "/" + record + " kept changing while crediting it");
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(FreshRandom.between(1, 2L << Math.min(attempt, 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContendedException("interrupted while waiting to retry");
        }
    }
}
