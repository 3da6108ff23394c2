package io.ycbridge.bonus;

import io.ycbridge.table.TableDefinition;
import io.ycbridge.table.TableDefinitions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Fresh bonus tables on the run's DynamoDB Local, one pair per test, and the ledger's invariant. */
final class Ledger {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    final BonusLedgerStore store;
    final UserLinkStore links;
    final BonusAccrualService service;

    Ledger(DynamoDbClient client, BonusRules rules) {
        this(client, rules, CatalogCategories.unavailable());
    }

    /** With the categories of a catalog, for rules that exclude categories. */
    Ledger(DynamoDbClient client, BonusRules rules, CatalogCategories categories) {
        store = new BonusLedgerStore(client, create(client, TableDefinitions.BONUS_LEDGER));
        links = new UserLinkStore(client, create(client, TableDefinitions.USER_LINKS));
        service = new BonusAccrualService(store, links, CompanyBonusRules.uniform(rules), categories);
    }

    static String create(DynamoDbClient client, TableDefinition definition) {
        String name = definition.logicalId() + "-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
        definition.create(client, name);
        return name;
    }

    List<LedgerEntry> entries(BonusOwner owner) {
        List<LedgerEntry> all = new ArrayList<>();
        String after = null;
        do {
            BonusLedgerStore.EntryPage page = store.entries(owner, 50, after);
            all.addAll(page.entries());
            after = page.lastItemKey();
        } while (after != null);
        return all;
    }

    BigDecimal sum(BonusOwner owner) {
        return BonusPolicy.money(entries(owner).stream().map(LedgerEntry::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
    }
}
