package io.ycbridge.table;

import io.ycbridge.config.EnvVar;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * Every table of the application, in one place. template.yaml declares the same tables (TemplateTablesTest holds the
 * two together); tests, the benchmark and the local stack create theirs from here. Every key starts with the company
 * id, so a chain of branches is one deployment.
 */
public final class TableDefinitions {
    /** Index of RecordsTable by change time within a company: replay of a time window, newest-first reads. */
    public static final String RECORDS_BY_CHANGE_INDEX = "by_change";
    /**
     * Index of RecordsTable by the client's phone and start time: a user's visits are the records of the phone the user
     * proved, the same rule that names the owner of their bonus. Sparse: a record without a phone or a start is in no
     * one's list.
     */
    public static final String RECORDS_BY_CLIENT_PHONE_INDEX = "by_client_phone";

    /**
     * YClients records (bookings/visits), one item per record: company_id + record_id. The stream carries old and new
     * images, which bonus accrual compares (a visit turning "came" pays, a later cancel reverses). The index projects
     * ALL: a record item is well under 1 KB, so an index write costs one unit either way, and replay needs no second read.
     */
    public static final TableDefinition RECORDS = new TableDefinition(
            "RecordsTable",
            EnvVar.RECORDS_TABLE,
            KeyAttribute.number("company_id"),
            KeyAttribute.number("record_id"),
            List.of(new IndexDefinition(RECORDS_BY_CHANGE_INDEX, KeyAttribute.number("company_id"), KeyAttribute.number("changed_at"),
                            ProjectionType.ALL),
                    new IndexDefinition(RECORDS_BY_CLIENT_PHONE_INDEX, KeyAttribute.string("client_phone"), KeyAttribute.number("starts_at_ms"),
                            ProjectionType.ALL)),
            StreamViewType.NEW_AND_OLD_IMAGES,
            null);

    /** The last good catalog per company: sort key {@code <kind>#<id>}, kinds service, category, staff. */
    public static final TableDefinition CATALOG = new TableDefinition(
            "CatalogTable",
            EnvVar.CATALOG_TABLE,
            KeyAttribute.number("company_id"),
            KeyAttribute.string("item_key"),
            List.of(),
            null,
            null);

    /** One item per company: the sync's cursor (changed-after), last run and last error. */
    public static final TableDefinition SYNC_STATE = new TableDefinition(
            "SyncStateTable",
            EnvVar.SYNC_STATE_TABLE,
            KeyAttribute.number("company_id"),
            null,
            List.of(),
            null,
            null);

    // Bonus tables (BonusLedgerTable: entries + balance per client, PITR and Retain in the template) are added here by
    // the bonus-accrual work, and to all() below; template.yaml has the matching placeholder.

    /**
     * The bonus ledger. {@code ledger_key} is the owner — {@code USER#<sub>}, or a pending owner for visits no user has
     * claimed yet — holding one {@code BALANCE} item and {@code ENTRY#...} items; {@code RECORD#<company>#<record>}
     * holds one record's accrual state. One table so an entry, its balance and the record's state are written in one
     * transaction. Owners are not under a company: a chain's branches share one balance per app user. The stream (new
     * images) is the loyalty-card mirror's outbox: every entry written is seen there once it is committed.
     */
    public static final TableDefinition BONUS_LEDGER = new TableDefinition(
            "BonusLedgerTable",
            EnvVar.BONUS_LEDGER_TABLE,
            KeyAttribute.string("ledger_key"),
            KeyAttribute.string("item_key"),
            List.of(),
            StreamViewType.NEW_IMAGE,
            null);

    /** App user to YClients client links, one item per lookup key (user, phone, company client), so each lookup is one GetItem. */
    public static final TableDefinition USER_LINKS = new TableDefinition(
            "UserLinksTable",
            EnvVar.USER_LINKS_TABLE,
            KeyAttribute.string("link_key"),
            null,
            List.of(),
            null,
            null);

    /**
     * The app user's profile as the app last sent it (name, E.164 phone, e-mail, the app's code), one item per token
     * subject. Apart from UserLinksTable because it is personal data the links do not need, and a user's deletion
     * request can remove it without touching what the ledger relies on.
     */
    public static final TableDefinition PROFILES = new TableDefinition(
            "ProfilesTable",
            EnvVar.PROFILES_TABLE,
            KeyAttribute.string("user_id"),
            null,
            List.of(),
            null,
            null);

    /**
     * Proof of phone ownership by SMS. Under {@code USER#<sub>}: per phone the salted hash of the code last sent and what
     * became of it ({@code CODE#<e164>}), and the user's fixed-window counters of sends and wrong codes
     * ({@code LIMIT#...}); under {@code PHONE#<e164>} the phone's counters. A user's items are one Query away, so
     * account deletion removes them without a scan.
     * Everything is short-lived, so DynamoDB deletes it after {@code expires_at}; the code still checks the time
     * itself, because TTL deletion can lag by days. Apart from ProfilesTable so a leak of one is not the other.
     */
    public static final TableDefinition PHONE_VERIFICATIONS = new TableDefinition(
            "PhoneVerificationsTable",
            EnvVar.PHONE_VERIFICATIONS_TABLE,
            KeyAttribute.string("verification_key"),
            KeyAttribute.string("item_key"),
            List.of(),
            null,
            "expires_at");

    /**
     * The app's own bookings, under {@code USER#<sub>}: per {@code Idempotency-Key} what became of the request
     * ({@code KEY#<key>}, kept a day), and per booked visit the hash YClients gave for it ({@code VISIT#<company>#<record>}),
     * which is what lets the user cancel or move it later. The hash is a capability over the visit: never logged.
     */
    public static final TableDefinition BOOKINGS = new TableDefinition(
            "BookingsTable",
            EnvVar.BOOKINGS_TABLE,
            KeyAttribute.string("user_key"),
            KeyAttribute.string("item_key"),
            List.of(),
            null,
            "expires_at");

    /**
     * The loyalty-card mirror's state. Under {@code USER#<sub>}: per chain the card it found or issued and the mirror's
     * status ({@code LINK#<chain>}), the entries still to post ({@code OUT#<chain>#...}, in ledger order) and those posted
     * ({@code DONE#<entry>}); under {@code CARD#<chain>#<card>} whose card it is; {@code FEED#<chain>} the cursor of the
     * chain's loyalty transactions read back; {@code QUEUE#...} who waits for a retry or a reconciliation, by due time.
     */
    public static final TableDefinition LOYALTY_CARDS = new TableDefinition(
            "LoyaltyCardsTable",
            EnvVar.LOYALTY_CARDS_TABLE,
            KeyAttribute.string("card_key"),
            KeyAttribute.string("item_key"),
            List.of(),
            null,
            null);

    /**
     * Push: under {@code USER#<sub>} the user's devices ({@code DEVICE#<id>}: platform, SNS endpoint, language); under
     * {@code DEVICE#<id>} its owner ({@code OWNER}), so a token that changes hands leaves its old user; under
     * {@code SENT#<event id>} a marker per device pushed; under {@code HELD} the pushes that wait for the end of quiet
     * hours ({@code <release ms>#<event id>}). Markers and held pushes expire ({@code expires_at}).
     */
    public static final TableDefinition PUSH = new TableDefinition(
            "PushTable",
            EnvVar.PUSH_TABLE,
            KeyAttribute.string("push_key"),
            KeyAttribute.string("item_key"),
            List.of(),
            null,
            "expires_at");

    private static final List<TableDefinition> ALL = List.of(RECORDS, CATALOG, SYNC_STATE, BONUS_LEDGER, USER_LINKS, PROFILES,
            PHONE_VERIFICATIONS, BOOKINGS, LOYALTY_CARDS, PUSH);

    private TableDefinitions() {
    }

    public static List<TableDefinition> all() {
        return ALL;
    }
}
