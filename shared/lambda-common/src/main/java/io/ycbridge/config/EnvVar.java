package io.ycbridge.config;

/**
 * Every environment variable the functions read, in one list: the names template.yaml sets, the README documents and
 * {@link Config} reports in its errors. Names are SCREAMING_SNAKE and say the resource kind. {@link #secret()} marks
 * the ones whose value must never appear in a message.
 */
public enum EnvVar {
    AWS_REGION("the AWS region; Lambda sets it", false),
    AWS_ENDPOINT_URL("local use only: one endpoint for every AWS service (DynamoDB Local, moto, LocalStack)", false),
    AWS_ENDPOINT_URL_SNS("local use only: the SNS endpoint when it differs from AWS_ENDPOINT_URL (moto, the local stack's SMS sink)", false),
    AWS_ENDPOINT_URL_SSM("local use only: the SSM endpoint when it differs from AWS_ENDPOINT_URL (moto)", false),
    SETTINGS_PARAMETER("name of SettingsParameter, the SSM parameter holding the deploy's settings as KEY=value lines "
            + "(template.yaml passes !Ref SettingsParameter); read at run time, so a changed setting reaches the live alias", false),
    SETTINGS_TTL_SECONDS("how long the settings are used before SETTINGS_PARAMETER is read again (default 60)", false),
    AWS_ENDPOINT_URL_SQS("local use only: the SQS endpoint when it differs from AWS_ENDPOINT_URL (moto next to DynamoDB Local, "
            + "for ops recover-accruals)", false),
    AWS_ENDPOINT_URL_EVENTBRIDGE("local use only: the EventBridge endpoint when it differs from AWS_ENDPOINT_URL (moto)", false),

    RECORDS_TABLE("name of RecordsTable (template.yaml passes !Ref RecordsTable)", false),
    CATALOG_TABLE("name of CatalogTable", false),
    SYNC_STATE_TABLE("name of SyncStateTable", false),
    BONUS_DEAD_LETTER_QUEUE_URL("ops recover-accruals: URL of BonusDeadLetterQueue, where the stream's failed accrual batches "
            + "are described (the stack's BonusDeadLetterQueueUrl output)", false),
    SYNC_QUEUE_URL("sync schedule: URL of SyncQueue, where each schedule tick sends one message per company", false),
    SYNC_SCHEDULE("sync schedule: the schedule expression it runs on (template parameter SyncSchedule, e.g. rate(30 minutes)); "
            + "a company is stale when its sync has not succeeded for two of its intervals (a cron or at expression: one day)", false),
    SYNC_BACKFILL_DAYS("catalog sync: how many days of records a company's first run reads (default 30)", false),
    SYNC_OVERLAP_SECONDS("catalog sync: how far before the cursor each run reads again, for clock skew (default 300)", false),
    SYNC_SLICE_DAYS("catalog sync: the longest records window read before the cursor is saved (default 7)", false),
    SYNC_CATALOG_INTERVAL_SECONDS("catalog sync: how often a company's catalog is read, records being read every run "
            + "(default 7200, each company at its own point; 0: every run)", false),
    YCLIENTS_RATE_PER_SECOND("requests per second one partner token may make (default 5): shared by all invocations of the sync, "
            + "per execution environment elsewhere", false),
    YCLIENTS_RATE_PER_MINUTE("requests per minute one partner token may make (default 200): shared by all invocations of the sync, "
            + "per execution environment elsewhere", false),
    BONUS_LEDGER_TABLE("name of BonusLedgerTable", false),
    USER_LINKS_TABLE("name of UserLinksTable", false),
    PROFILES_TABLE("name of ProfilesTable (the app users' name, phone, e-mail and app code)", false),
    BOOKINGS_TABLE("name of BookingsTable (the app's bookings: idempotency keys and the hashes that let a user cancel or move a visit)", false),
    LOYALTY_CARDS_TABLE("name of LoyaltyCardsTable (the loyalty-card mirror: cards found or issued, entries to post and posted, the feed's cursor)", false),
    LOYALTY_CARDS("loyalty cards: the companies whose bonus lives on a YClients loyalty card, company:chain:cardType comma-separated "
            + "(235564:145071:10992); chain is the YClients network (salon group) id, cardType the card type to issue; off when empty", false),
    BONUS_EXPIRY_DAYS("loyalty cards: the days the YClients loyalty programme keeps a card's points before burning them, "
            + "for the BonusExpiring notices; unset: no notices", false),
    BONUS_EXPIRY_NOTICE_DAYS("loyalty cards: how many days before the burn the app is told (default 7)", false),
    EVENT_BUS_NAME("domain events: the name or ARN of the EventBridge bus they are published to (template.yaml passes the stack's "
            + "bus, or the one the EventBusName parameter names)", false),
    PUSH_TABLE("name of PushTable (push: the app's devices and their SNS endpoints, pushes sent and pushes held for the end of quiet hours)", false),
    FCM_PLATFORM_APPLICATION_ARN("push: the ARN of the Amazon SNS platform application for Firebase Cloud Messaging; unset: no FCM devices", false),
    APNS_PLATFORM_APPLICATION_ARN("push: the ARN of the Amazon SNS platform application for Apple Push Notification service; unset: no APNs devices", false),
    PUSH_EVENTS("push: the domain events pushed to the user's devices, comma-separated "
            + "(default VisitRescheduled,VisitCancelled,BonusAccrued,BonusExpiring); 'none' for none", false),
    QUIET_HOURS("push: HH:mm-HH:mm in COMPANY_TIME_ZONE during which pushes are held until it ends (default 22:00-09:00); 'none' for none", false),
    PUSH_DEFAULT_LOCALE("push: the language of a device registered without one, ru or en (default ru)", false),
    PHONE_VERIFICATIONS_TABLE("name of PhoneVerificationsTable (hashed SMS codes, proofs and send/attempt counters, all with a TTL)", false),
    JWT_PHONE_CLAIM("profile: the token claim holding the user's phone (default phone_number, the OpenID Connect name)", false),
    JWT_PHONE_VERIFIED_CLAIM("profile: the token claim that says the phone claim was verified (default phone_number_verified); "
            + "only the text true counts", false),
    BOOKING_FORMS("booking link: each company's online-booking form host, company:host comma-separated "
            + "(235564:n239661.yclients.com,1169323:n1180001.alteg.io)", false),
    BONUS_PERCENT("bonus accrual: percent of the paid service cost credited per completed visit, e.g. 5 or 2.5", false),
    BONUS_ROUNDING_SCALE("bonus accrual: decimals kept in an accrual, 0 to 4 (default 0: whole units)", false),
    BONUS_ROUNDING_MODE("bonus accrual: java.math.RoundingMode name for accruals (default DOWN)", false),
    BONUS_CAP_PER_VISIT("bonus accrual: most credited for one visit, e.g. 1000 (default: no cap)", false),
    BONUS_EXCLUDED_SERVICE_IDS("bonus accrual: YClients service ids that earn nothing, comma-separated", false),
    BONUS_EXCLUDED_CATEGORY_IDS("bonus accrual: YClients service category ids whose services earn nothing, comma-separated", false),
    BONUS_RULES("bonus accrual: per-company overrides as JSON, {\"235564\":{\"percent\":3,\"excludedCategoryIds\":[12]}}", false),

    COMPANY_IDS("the YClients company ids this deployment serves, comma-separated (235564,240012)", false),
    COMPANY_TIME_ZONE("IANA zone for record times sent without an offset (default Europe/Moscow)", false),
    PHONE_DEFAULT_REGION("ISO 3166-1 region whose rules read phone numbers written without a country code, where the "
            + "company's own country is not known (default RU)", false),
    COMPANY_PHONE_REGIONS("per-company phone regions, company:region comma-separated (1169323:UA), overriding the country "
            + "in the company's data", false),

    YCLIENTS_SECRET_SOURCE("where the YClients credentials come from: secretsmanager or env (default: secretsmanager when "
            + "YCLIENTS_SECRET_ARN is set, else env)", false),
    YCLIENTS_SECRET_ARN("ARN (or name) of the Secrets Manager secret holding the YClients credentials JSON", false),
    YCLIENTS_SECRET_TTL_SECONDS("how long the secret is cached before it is read again (default 300)", false),
    YCLIENTS_ENV_FILE("source env only: a .env file read beneath the environment (the environment wins)", false),
    YCLIENTS_PARTNER_TOKEN("source env only: the partner token", true),
    YCLIENTS_USER_TOKEN("source env only: the user token", true),
    YCLIENTS_LOGIN("source env only: login (phone or e-mail) used to obtain a user token", true),
    YCLIENTS_PASSWORD("source env only: password used to obtain a user token", true),
    YCLIENTS_BRAND("source env only: yclients or altegio (default yclients)", false),
    YCLIENTS_BASE_URL("source env only: API base URL override (the simulator's URL locally)", false),
    YCLIENTS_WEBHOOK_TOKEN("source env only: the secret path segment of the webhook URL", true);

    private final String description;
    private final boolean secret;

    EnvVar(String description, boolean secret) {
        this.description = description;
        this.secret = secret;
    }

    public String description() {
        return description;
    }

    /** Whether the value is a credential: messages then never quote it. */
    public boolean secret() {
        return secret;
    }
}
