package io.ycbridge.bonus;

import io.ycbridge.aws.AwsClients;
import io.ycbridge.catalog.CatalogStore;
import io.ycbridge.config.Config;
import io.ycbridge.config.EnvVar;
import io.ycbridge.record.StoredRecord;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Brings the ledger to what a record version is worth: reads the record's accrual state, skips versions not newer
 * than the applied one, asks {@link BonusPolicy} for the entry and writes it with {@link BonusLedgerStore}, reading
 * again when a concurrent writer got there first. Also links users and credits what their visits earned before.
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

    public AccrualResult accrue(StoredRecord record) {
        long company = record.companyId();
        long id = record.recordId();
        if (record.incomplete()) {
            return new AccrualResult(company, id, AccrualOutcome.INCOMPLETE, null, null, null);
        }
        BonusRules companyRules = rules.forCompany(company);
        // Only companies that exclude categories pay for a catalog lookup (cached), the rest accrue as before.
        ServiceCategories known = companyRules.excludesCategories() ? categories.forCompany(company) : ServiceCategories.NONE;
        BigDecimal target = BonusPolicy.earned(record, companyRules, known);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            AccrualState seen = attempt == 1 ? recent.get(company, id) : null;
            Optional<String> user = Optional.empty();
            boolean hinted = seen != null && seen.owner() != null && !seen.owner().pending();
            if (!hinted) {
                // No hint, or one whose owner may still change: read the state and the links.
                BonusLedgerStore.Snapshot snapshot = ledger.snapshot(company, id, record.clientId(), record.clientPhoneE164(), links);
                seen = snapshot.state();
                user = snapshot.user();
            }
            if (seen.seen() && !record.changedAt().isAfter(seen.version())) {
                // Sound even from a hint: versions only grow, so the stored one is at least the hinted one.
                return new AccrualResult(company, id, AccrualOutcome.STALE, null, null, seen.owner());
            }
            BonusOwner owner = ownerFor(record, seen, user);
            if (owner == null) {
                // Accrued stays as it is (zero: without an owner nothing was ever paid) so a later version that names
                // the client still accrues in full.
                AccrualState next = new AccrualState(company, id, null, seen.accrued(), record.changedAt());
                if (ledger.apply(seen, next, null)) {
                    recent.put(next);
                    return new AccrualResult(company, id, AccrualOutcome.NO_CLIENT, null, null, null);
                }
                recent.forget(company, id);
                pauseUnless(hinted, attempt);
                continue;
            }
            Optional<BonusPolicy.Change> change = BonusPolicy.change(seen.accrued(), target);
            LedgerEntry entry = change.map(c -> LedgerEntry.of(owner, company, id, c.kind(), c.amount(), record.changedAt())).orElse(null);
            AccrualState next = new AccrualState(company, id, owner, target, record.changedAt());
            if (ledger.apply(seen, next, entry)) {
                recent.put(next);
                if (owner.pending()) {
                    // The user may have linked between our lookup and this write; linking credits what it finds, and
                    // this catches what it could not yet find.
                    matchedUser(record).ifPresent(linked -> creditRecord(company, id, owner, BonusOwner.user(linked)));
                }
                return entry == null
                        ? new AccrualResult(company, id, AccrualOutcome.UNCHANGED, null, null, owner)
                        : new AccrualResult(company, id, AccrualOutcome.APPLIED, entry.kind(), entry.amount(), owner);
            }
            recent.forget(company, id);
            pauseUnless(hinted, attempt);
        }
        throw new ContendedException("record " + company + "/" + id + " kept changing during " + ATTEMPTS + " attempts");
    }

    /**
     * Links the user to a phone its owner has proven (the token's verified claim or an SMS code): a phone held by another
     * user moves to this one (numbers are recycled; what was already credited stays where it is), and every visit kept
     * pending under the phone is credited. Returns the amount credited now. Safe to repeat.
     *
     * @throws ContendedException when concurrent writers kept winning: answer 503, the app tries again
     */
    public BigDecimal linkProvenPhone(String userId, String phoneE164) {
        return link(userId, phoneE164, Set.of());
    }

    /**
     * Ends every link of the user (account deletion): the phone's future visits go pending again, as if nobody had
     * linked it. The user's ledger entries stay (financial records). Safe to repeat.
     */
    public void unlink(String userId) {
        links.link(userId, null, Set.of());
    }

    /**
     * Account deletion ({@code DELETE /v1/me}): {@link #unlink}, then the user's ledger entries and balance are kept
     * under an anonymous owner that nothing links back to the user (they are financial records; the token subject is
     * personal data). Safe to repeat.
     */
    public void erase(String userId) {
        unlink(userId);
    }

    /**
     * Links the user to a phone and YClients clients (what issue 8's profile route calls), then credits every visit
     * kept pending under them. Returns the amount credited. Safe to repeat: a credited record is no longer pending.
     */
    public BigDecimal link(String userId, String phoneE164, Set<ClientRef> clients) {
        links.link(userId, phoneE164, clients);
        return creditPending(userId, phoneE164, clients);
    }

    /** Credits the pending visits under this phone and these clients to the user. */
    public BigDecimal creditPending(String userId, String phoneE164, Set<ClientRef> clients) {
        BonusOwner user = BonusOwner.user(userId);
        BigDecimal credited = BigDecimal.ZERO;
        List<BonusOwner> pendingOwners = new ArrayList<>();
        if (phoneE164 != null) {
            pendingOwners.add(BonusOwner.pendingPhone(phoneE164));
        }
        clients.forEach(ref -> pendingOwners.add(BonusOwner.pendingClient(ref.companyId(), ref.clientId())));
        for (BonusOwner pending : pendingOwners) {
            for (List<Long> record : ledger.recordsOf(pending)) {
                credited = credited.add(creditRecord(record.get(0), record.get(1), pending, user));
            }
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
            if (!pending.equals(seen.owner())) {
                return BigDecimal.ZERO;
            }
            if (ledger.transfer(seen, user)) {
                return seen.accrued();
            }
            pause(attempt);
        }
        throw new ContendedException("record " + company + "/" + record + " kept changing while crediting it");
    }

    /**
     * A record keeps its owner once named, so adjustments and reversals land where the accrual did; a pending record
     * whose user has linked is handed over by {@link #creditRecord}. An unowned record is matched now.
     */
    private static BonusOwner ownerFor(StoredRecord record, AccrualState seen, Optional<String> user) {
        if (seen.owner() != null && !(seen.owner().pending() && seen.accrued().signum() == 0)) {
            return seen.owner();
        }
        if (user.isPresent()) {
            return BonusOwner.user(user.get());
        }
        if (seen.owner() != null) {
            return seen.owner();
        }
        if (record.clientPhoneE164() != null) {
            return BonusOwner.pendingPhone(record.clientPhoneE164());
        }
        if (record.clientId() != null) {
            return BonusOwner.pendingClient(record.companyId(), record.clientId());
        }
        return null;
    }

    private Optional<String> matchedUser(StoredRecord record) {
        if (record.clientId() != null) {
            Optional<String> byClient = links.userForClient(record.companyId(), record.clientId());
            if (byClient.isPresent()) {
                return byClient;
            }
        }
        return record.clientPhoneE164() == null ? Optional.empty() : links.userForPhone(record.clientPhoneE164());
    }

    /** A refused hint is no contention: read at once. */
    private static void pauseUnless(boolean hinted, int attempt) {
        if (!hinted) {
            pause(attempt);
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2L << Math.min(attempt, 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContendedException("interrupted while waiting to retry");
        }
    }
}
