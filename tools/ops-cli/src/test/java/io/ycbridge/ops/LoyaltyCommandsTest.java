package io.ycbridge.ops;

import static io.ycbridge.simulator.SimulatorSeed.DEMO_CHAIN_ID;
import static io.ycbridge.simulator.SimulatorSeed.DEMO_SALON_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.bonus.BonusOwner;
import io.ycbridge.bonus.EntryKind;
import io.ycbridge.bonus.EntrySource;
import io.ycbridge.bonus.LedgerEntry;
import io.ycbridge.localaws.LocalDynamoDb;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import io.ycbridge.simulator.LoyaltyCards;
import io.ycbridge.simulator.SimulatorDefaults;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code adjust}, {@code loyalty-resend} and the loyalty cards in {@code status}, in-process against the simulator's
 * demo chain and DynamoDB Local. No ledger stream runs here: an entry {@code adjust} writes reaches the card only through
 * {@code loyalty-resend}, which is the situation that command is for (entries the stream's mirror never queued).
 */
@ExtendWith(LocalDynamoDbExtension.class)
class LoyaltyCommandsTest {
    private static final String USER = "user-sub-1";
    private static final String PHONE = "+79990000000";
    private final LocalDynamoDb dynamoDb;
    private OpsFixture fixture;
    private OpsFixture.CardTables tables;

    LoyaltyCommandsTest(LocalDynamoDb dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    @BeforeEach
    void start() throws IOException {
        fixture = new OpsFixture(dynamoDb);
        tables = fixture.loyaltyCards();
        tables.linkProvenPhone(USER, PHONE);
        fixture.env.put("USER", "sam");
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private OpsFixture.Result run(String... args) {
        OpsFixture.Result result = fixture.run(args);
        System.out.println("---- " + String.join(" ", args) + " (exit " + result.code() + ")\n" + result.all());
        assertFalse(result.all().contains(PHONE.substring(1)), "a phone is printed");
        assertFalse(result.all().contains(Doctor.PROBE_PHONE), "a phone is printed");
        assertFalse(result.all().contains(SimulatorDefaults.USER_TOKEN), "the user token is printed");
        return result;
    }

    /** Our manual transactions on the demo chain's cards: a title twice would be a double posting. */
    private List<String> ourTitles() {
        return fixture.sim.loyalty().transactions(DEMO_CHAIN_ID).stream().map(LoyaltyCards.Transaction::title)
                .filter(title -> title != null && title.startsWith("ycbridge:")).toList();
    }

    private List<LedgerEntry> entries() {
        return tables.ledger().entries(BonusOwner.user(USER), 100, null).entries();
    }

    @Test
    void adjustWritesOneAuditedEntryAndTheBalanceMoves() {
        OpsFixture.Result first = run("adjust", "--user", USER, "--amount", "10", "--reason", "goodwill for a late start", "--by", "alice");

        assertEquals(0, first.code(), first.all());
        List<LedgerEntry> entries = entries();
        assertEquals(1, entries.size());
        LedgerEntry entry = entries.getFirst();
        assertTrue(entry.id().matches("operator-\\d{13}-[0-9a-f]{8}"), entry.id());
        assertEquals(EntryKind.ADJUSTMENT, entry.kind());
        assertEquals(DEMO_SALON_ID, entry.companyId());
        assertEquals(new BigDecimal("10.00"), entry.amount());
        assertEquals(EntrySource.OPERATOR, entry.origin().source());
        assertEquals("goodwill for a late start (by alice)", entry.origin().reason());
        assertTrue(first.out().startsWith("✅ user " + USER + ": ADJUSTMENT +10.00 \"goodwill for a late start\" as entry " + entry.id()
                + "; balance now 10.00\n"), first.out());
        assertTrue(first.out().contains("the loyalty mirror puts it on the client's card in chain " + DEMO_CHAIN_ID), first.out());

        // Without --by, the operator's login names who gave it; a minus takes bonus away.
        OpsFixture.Result second = run("adjust", "--user", USER, "--amount", "-2.5", "--reason", "double credit on 12 Dec");
        assertEquals(0, second.code(), second.all());
        assertTrue(second.out().contains("ADJUSTMENT -2.50 \"double credit on 12 Dec\""), second.out());
        assertTrue(second.out().contains("balance now 7.50"), second.out());
        assertEquals(new BigDecimal("7.50"), tables.ledger().balance(BonusOwner.user(USER)));
        assertTrue(entries().stream().anyMatch(e -> e.origin().reason().equals("double credit on 12 Dec (by sam)")));

        // A company without cards: said so, and the entry is the app's only.
        fixture.env.put("LOYALTY_CARDS", "1169323:" + DEMO_CHAIN_ID + ":10992");
        OpsFixture.Result noCards = run("adjust", "--user", USER, "--amount", "1", "--reason", "test of a salon without cards");
        assertEquals(0, noCards.code(), noCards.all());
        assertTrue(noCards.out().contains("company 235564 has no loyalty cards"), noCards.out());
        assertEquals(3, entries().size());
    }

    @Test
    void adjustRefusesABadAmountAMissingReasonOrAGuessedCompanyWritingNothing() {
        String[][] refused = {
                {"adjust", "--user", USER, "--amount", "0", "--reason", "nothing at all"},
                {"adjust", "--user", USER, "--amount", "1.005", "--reason", "three decimals"},
                {"adjust", "--user", USER, "--amount", "10,50", "--reason", "a decimal comma"},
                {"adjust", "--user", USER, "--amount", "10"},
                {"adjust", "--user", USER, "--amount", "10", "--reason", "no"},
                {"adjust", "--user", USER, "--amount", "10", "--reason", "x".repeat(201)},
                {"adjust", "--user", " ", "--amount", "10", "--reason", "an empty user"},
                {"adjust", "--amount", "10", "--reason", "no user"}};
        for (String[] args : refused) {
            OpsFixture.Result result = run(args);
            assertEquals(2, result.code(), String.join(" ", args) + ": " + result.all());
        }
        assertTrue(run(refused[0]).err().contains("--amount must be a non-zero amount with at most 2 decimals"));
        assertTrue(run(refused[1]).err().contains("--amount must be a non-zero amount with at most 2 decimals"));
        assertTrue(run(refused[3]).err().contains("--reason is required"));
        assertTrue(run(refused[4]).err().contains("--reason must say why, on one line of 3 to 200 characters"));

        fixture.env.put("COMPANY_IDS", "235564,1169323");
        OpsFixture.Result twoCompanies = run("adjust", "--user", USER, "--amount", "10", "--reason", "which salon?");
        assertEquals(2, twoCompanies.code());
        assertTrue(twoCompanies.err().contains("with --company ID (COMPANY_IDS has 2: [235564, 1169323])"), twoCompanies.err());
        assertEquals(0, run("adjust", "--user", USER, "--amount", "10", "--reason", "named", "--company", "235564").code());
        assertEquals(1, entries().size(), "only the last one was written");
    }

    @Test
    void adjustThatCannotWriteIsExitOne() throws Exception {
        try (AutoCloseable down = TableOutage.of(tables.ledger().table())) {
            OpsFixture.Result failed = run("adjust", "--user", USER, "--amount", "10", "--reason", "while the ledger is down");
            assertEquals(1, failed.code(), failed.all());
            assertTrue(failed.out().startsWith("❌ "), failed.out());
        }
        assertEquals(0, entries().size());
    }

    @Test
    void loyaltyResendPostsAWaitingEntryOnceAndASecondResendPostsNothingMore() {
        run("adjust", "--user", USER, "--amount", "10", "--reason", "goodwill for a late start");
        assertEquals(0, ourTitles().size(), "no stream here: the entry is in the ledger only");

        OpsFixture.Result resend = run("loyalty-resend", "--user", USER);
        assertEquals(0, resend.code(), resend.all());
        assertTrue(resend.out().contains("user " + USER + ": 1 ledger entry queued again"), resend.out());
        assertTrue(resend.out().contains("✅ chain " + DEMO_CHAIN_ID + ": DONE, POSTED, 1 posted to card "), resend.out());
        assertEquals(1, ourTitles().size());
        assertTrue(ourTitles().getFirst().startsWith("ycbridge:operator-"), ourTitles().toString());
        LoyaltyCards.Card card = fixture.sim.loyalty().cardsOf(PHONE.substring(1)).getFirst();
        assertEquals(new BigDecimal("10.00"), card.balance().setScale(2));

        OpsFixture.Result again = run("loyalty-resend", "--user", USER);
        assertEquals(0, again.code(), again.all());
        assertTrue(again.out().contains("1 ledger entry queued again"), again.out());
        assertEquals(1, ourTitles().size(), "the entry on the card is not posted again");
        assertEquals(new BigDecimal("10.00"), fixture.sim.loyalty().card(card.id()).orElseThrow().balance().setScale(2));

        OpsFixture.Result status = run("status", "--user", USER);
        assertEquals(0, status.code(), status.all());
        assertTrue(status.out().contains("    card:                 " + card.id()), status.out());
        assertTrue(status.out().contains("    status:               POSTED"), status.out());
        assertTrue(status.out().contains("    entries posted:       1\n    entries waiting:      0"), status.out());
        assertFalse(status.out().contains("next reconciliation:  none"), "a new card's reconciliation is scheduled");
    }

    @Test
    void statusUserShowsARefusedLinkWithItsReasonAndExitsOne() {
        fixture.sim.loyalty().denyManualTransactions(SimulatorDefaults.USER_TOKEN, DEMO_SALON_ID);
        run("adjust", "--user", USER, "--amount", "10", "--reason", "goodwill for a late start");

        OpsFixture.Result refused = run("loyalty-resend", "--user", USER);
        assertEquals(1, refused.code(), refused.all());
        assertTrue(refused.out().contains("chain " + DEMO_CHAIN_ID + ": WAITING, REFUSED (YClients refused the entry (PermissionException"),
                refused.out());

        OpsFixture.Result user = run("status", "--user", USER);
        assertEquals(1, user.code(), user.all());
        assertTrue(user.out().contains("  chain " + DEMO_CHAIN_ID + "\n"), user.out());
        assertTrue(user.out().contains("    status:               REFUSED\n"), user.out());
        assertTrue(user.out().contains("    reason:               YClients refused the entry (PermissionException"), user.out());
        assertTrue(user.out().contains("    entries posted:       0\n    entries waiting:      1"), user.out());

        OpsFixture.Result overview = run("status");
        assertEquals(1, overview.code(), overview.all());
        assertTrue(overview.out().contains("company 235564\n"), overview.out());
        assertTrue(overview.out().contains("loyalty cards\n  users whose entries wait: 1\n  " + USER + " chain " + DEMO_CHAIN_ID
                + ": REFUSED (YClients refused the entry (PermissionException"), overview.out());
        assertTrue(overview.out().contains(") posted 0, waiting 1\n"), overview.out());

        // The right given, a resend posts it and the user's status is clean.
        fixture.sim.loyalty().allowManualTransactions(SimulatorDefaults.USER_TOKEN, DEMO_SALON_ID);
        assertEquals(0, run("loyalty-resend", "--user", USER).code());
        assertEquals(1, ourTitles().size());
        assertEquals(0, run("status", "--user", USER).code());
        assertTrue(run("status").out().contains("users whose entries wait: none"));
    }

    @Test
    void resendAndStatusNeedTheirSettings() {
        assertTrue(run("status", "--user", "nobody").out().contains("no loyalty card link and nothing queued"));
        assertEquals(2, run("status", "--user", USER, "--company", "235564").code());

        fixture.env.remove("LOYALTY_CARDS");
        OpsFixture.Result off = run("loyalty-resend", "--user", USER);
        assertEquals(2, off.code(), off.all());
        assertTrue(off.err().contains("LOYALTY_CARDS is empty"), off.err());
        assertFalse(run("status").out().contains("loyalty cards"), "no section while cards are off");

        fixture.env.put("LOYALTY_CARDS", "235564:145071");
        OpsFixture.Result malformed = run("loyalty-resend", "--user", USER);
        assertEquals(2, malformed.code(), malformed.all());
        assertTrue(malformed.err().contains("LOYALTY_CARDS is malformed"), malformed.err());

        fixture.env.put("LOYALTY_CARDS", "235564:145071:10992");
        fixture.env.remove("LOYALTY_CARDS_TABLE");
        assertEquals(2, run("status", "--user", USER).code());
        assertTrue(run("status").out().contains("loyalty cards: unknown (set LOYALTY_CARDS_TABLE)"));
        assertEquals(2, run("loyalty-resend", "--user", USER).code());
    }
}
