package io.ycbridge.bonus;

import io.ycbridge.fixture.Tables;
import io.ycbridge.table.TableDefinitions;
import java.math.BigDecimal;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Fresh bonus tables on the run's DynamoDB Local, one pair per test, and the ledger's invariant. */
public final class Ledger {
    public final BonusLedgerStore store;
    public final UserLinkStore links;
    public final BonusAccrualService service;

    public Ledger(DynamoDbClient client, BonusRules rules) {
        this(client, rules, CatalogCategories.unavailable());
    }

    /** With the categories of a catalog, for rules that exclude categories. */
    public Ledger(DynamoDbClient client, BonusRules rules, CatalogCategories categories) {
        store = new BonusLedgerStore(client, Tables.create(client, TableDefinitions.BONUS_LEDGER));
        links = new UserLinkStore(client, Tables.create(client, TableDefinitions.USER_LINKS));
        service = new BonusAccrualService(store, links, CompanyBonusRules.uniform(rules), categories);
    }


    public List<LedgerEntry> entries(BonusOwner owner) {
        return store.allEntries(owner);
    }

    public BigDecimal sum(BonusOwner owner) {
        return BonusPolicy.money(entries(owner).stream().map(LedgerEntry::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
    }
}
