package io.ycbridge.yclients;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.yclients.model.BookableServices;
import io.ycbridge.yclients.model.BookableStaff;
import io.ycbridge.yclients.model.BookableTime;
import io.ycbridge.yclients.model.BookedRecord;
import io.ycbridge.yclients.model.BookingAppointment;
import io.ycbridge.yclients.model.BookingDates;
import io.ycbridge.yclients.model.BookingRequest;
import io.ycbridge.yclients.model.Client;
import io.ycbridge.yclients.model.Company;
import io.ycbridge.yclients.model.HookSettings;
import io.ycbridge.yclients.model.LoyaltyCard;
import io.ycbridge.yclients.model.LoyaltyCardType;
import io.ycbridge.yclients.model.LoyaltyTransaction;
import io.ycbridge.yclients.model.Record;
import io.ycbridge.yclients.model.RescheduledRecord;
import io.ycbridge.yclients.model.Service;
import io.ycbridge.yclients.model.ServiceCategory;
import io.ycbridge.yclients.model.StaffMember;
import io.ycbridge.yclients.model.UserRecord;
import io.ycbridge.yclients.model.UserToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * A client of the YClients / Altegio REST API. Thread-safe; build one per set of credentials and reuse it.
 * Every failure is a {@link YClientsException} subclass that names the fix.
 *
 * <pre>{@code
 * YClientsClient client = YClientsClient.builder()
 *         .brand(Brand.YCLIENTS)
 *         .credentials(new Credentials(partnerToken, userToken))
 *         .build();
 * for (Record record : client.records(companyId, RecordQuery.changedSince(cursor).inZone(companyZone)).toList()) { ... }
 * }</pre>
 */
public final class YClientsClient {
    /** {@code 2026-12-01T10:00:00+00:00}: ISO with seconds and a colon in the offset, never {@code Z} or a shortened time. */
    private static final DateTimeFormatter UTC_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private static final int LOYALTY_PAGE_SIZE = 100;

    private final ApiTransport transport;
    private final ObjectMapper json = ApiJson.mapper();
    private final URI baseUri;

    private YClientsClient(ApiTransport transport, URI baseUri) {
        this.transport = transport;
        this.baseUri = baseUri;
    }

    public static Builder builder() {
        return new Builder();
    }

    public URI baseUri() {
        return baseUri;
    }

    /**
     * Obtains a user token with a YClients user's login (phone or e-mail) and password; only the partner token is sent.
     *
     * @throws TwoFactorRequiredException when the user has two-factor confirmation on
     */
    public UserToken authenticate(String login, char[] password) {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(password, "password");
        ApiRequest request = ApiRequest.post("/auth", Map.of("login", login, "password", new String(password))).partnerTokenOnly();
        UserToken token = one(request, UserToken.class);
        if (token == null || token.userToken() == null || token.userToken().isBlank()) {
            throw new TwoFactorRequiredException(request.method(), request.path());
        }
        return token;
    }

    /** Companies visible to the partner token; {@code managedOnly} lists only those the user token manages. */
    public List<Company> companies(boolean managedOnly) {
        return many(managedOnly
                ? ApiRequest.get("/companies", Map.of("my", "1"))
                : ApiRequest.get("/companies").partnerTokenOnly(), Company.class);
    }

    public Company company(long companyId) {
        return one(ApiRequest.get("/company/" + companyId).partnerTokenOnly(), Company.class);
    }

    public List<Service> services(long companyId) {
        return many(ApiRequest.get("/company/" + companyId + "/services"), Service.class);
    }

    public List<ServiceCategory> serviceCategories(long companyId) {
        return many(ApiRequest.get("/company/" + companyId + "/service_categories"), ServiceCategory.class);
    }

    public List<StaffMember> staff(long companyId) {
        return many(ApiRequest.get("/company/" + companyId + "/staff"), StaffMember.class);
    }

    /** Records matching the query, page by page as they are consumed. */
    public Pages<Record> records(long companyId, RecordQuery query) {
        String path = "/records/" + companyId;
        return new Pages<>(page -> many(ApiRequest.get(path, query.toQuery(page)), Record.class), query.pageSize(), Record::id, path);
    }

    public Record record(long companyId, long recordId) {
        return one(ApiRequest.get("/record/" + companyId + "/" + recordId), Record.class);
    }

    /** Clients whose phone contains these digits (the API's quick search). */
    public Pages<Client> clientsByPhone(long companyId, String phoneDigits) {
        String digits = phoneDigits.replaceAll("\\D", "");
        if (digits.isEmpty()) {
            throw new IllegalArgumentException("a phone search needs digits");
        }
        String path = "/company/" + companyId + "/clients/search";
        int pageSize = 200;
        return new Pages<>(page -> many(ApiRequest.readingPost(path, Map.of(
                "page", page,
                "page_size", pageSize,
                // The search returns only the fields asked for (default: id alone).
                "fields", List.of("id", "name", "phone", "email"),
                "filters", List.of(Map.of("type", "quick_search", "state", Map.of("value", digits))))), Client.class),
                pageSize, Client::id, path);
    }

    public HookSettings hookSettings(long companyId) {
        return one(ApiRequest.get("/hooks_settings/" + companyId), HookSettings.class);
    }

    /** Writes the company's webhook settings; not retried (the API gives no idempotency key). */
    public HookSettings updateHookSettings(long companyId, HookSettings settings) {
        return one(ApiRequest.post("/hooks_settings/" + companyId, settings), HookSettings.class);
    }

    // ---- online booking (the reference's "Онлайн-запись"): partner token only, as a form has no user; a move needs one ---

    /**
     * Services the online booking offers, narrowed by what is already chosen: a master ({@code staffId}, null for
     * any), a time, services already in the same appointment.
     */
    public BookableServices bookableServices(long companyId, Long staffId, ApiTimestamp datetime, List<Long> serviceIds) {
        Map<String, String> query = new LinkedHashMap<>();
        if (staffId != null) {
            query.put("staff_id", Long.toString(staffId));
        }
        if (datetime != null) {
            query.put("datetime", datetime.toString());
        }
        putIds(query, serviceIds);
        BookableServices answer = one(ApiRequest.get("/book_services/" + companyId, query).partnerTokenOnly(), BookableServices.class);
        return answer == null ? new BookableServices(List.of(), List.of()) : answer;
    }

    /** Masters who provide the services (all when empty), with free times at {@code datetime} when one is given. */
    public List<BookableStaff> bookableStaff(long companyId, List<Long> serviceIds, ApiTimestamp datetime) {
        Map<String, String> query = new LinkedHashMap<>();
        putIds(query, serviceIds);
        if (datetime != null) {
            query.put("datetime", datetime.toString());
        }
        return many(ApiRequest.get("/book_staff/" + companyId, query).partnerTokenOnly(), BookableStaff.class);
    }

    /** Days with a free time; {@code staffId} null for any master, {@code month} (any day of it) null for the default. */
    public BookingDates bookingDates(long companyId, Long staffId, List<Long> serviceIds, LocalDate month) {
        Map<String, String> query = new LinkedHashMap<>();
        putIds(query, serviceIds);
        if (staffId != null) {
            query.put("staff_id", Long.toString(staffId));
        }
        if (month != null) {
            query.put("date", month.toString());
        }
        BookingDates answer = one(ApiRequest.get("/book_dates/" + companyId, query).partnerTokenOnly(), BookingDates.class);
        return answer == null ? new BookingDates(List.of(), List.of()) : answer;
    }

    /** Free times of a master ({@code 0}: any) on a day for the services. */
    public List<BookableTime> bookableTimes(long companyId, long staffId, LocalDate date, List<Long> serviceIds) {
        Map<String, String> query = new LinkedHashMap<>();
        putIds(query, serviceIds);
        return many(ApiRequest.get("/book_times/" + companyId + "/" + staffId + "/" + date, query).partnerTokenOnly(),
                BookableTime.class);
    }

    /**
     * Asks whether these appointments can be booked; returns normally when they can (201, no body). It only reads,
     * so it is retried like a GET.
     *
     * @throws ValidationException with {@link BookingError#TIME_TAKEN}, {@link BookingError#NO_STAFF_AVAILABLE},
     *         {@link BookingError#APPOINTMENTS_OVERLAP} or {@link BookingError#SERVICE_UNAVAILABLE} when they cannot
     */
    public void checkBooking(long companyId, List<BookingAppointment> appointments) {
        one(ApiRequest.readingPost("/book_check/" + companyId, Map.of("appointments", List.copyOf(appointments))).partnerTokenOnly(),
                Object.class);
    }

    /** Sends the SMS code that confirms a phone. Not retried: every attempt sends the person another SMS. */
    public void sendBookingCode(long companyId, String phone, String fullname) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("phone", Objects.requireNonNull(phone, "phone"));
        if (fullname != null) {
            body.put("fullname", fullname);
        }
        one(ApiRequest.post("/book_code/" + companyId, body).partnerTokenOnly(), Object.class);
    }

    /**
     * Books the appointments; one {@link BookedRecord} per appointment. Never retried, whatever the failure: a
     * timeout or 5xx may still have booked, and a repeat would book twice. After such a failure, look for a record
     * with this request's {@code apiId} among the company's records ({@link Record#apiId()}) before booking again.
     *
     * @throws ValidationException carrying the {@link BookingError} (wrong SMS code, time taken, …)
     */
    public List<BookedRecord> book(long companyId, BookingRequest request) {
        return many(ApiRequest.post("/book_record/" + companyId, request).partnerTokenOnly(), BookedRecord.class);
    }

    /**
     * A booking read with the hash its {@link BookedRecord} carried, as its user may without logging in; with what the
     * company lets the user do with it ({@link UserRecord#rules()}).
     */
    public List<UserRecord> userRecord(long recordId, String recordHash) {
        return many(ApiRequest.get("/user/records/" + recordId + "/" + hashPart(recordHash)).partnerTokenOnly(), UserRecord.class);
    }

    /**
     * Cancels a booking with its hash (the reference: "для ее удаления непосредственно сразу после создания").
     *
     * @throws BookingChangeRefusedException when the company's rules do not let its user cancel it (now)
     */
    public void cancelUserRecord(long recordId, String recordHash) {
        one(ApiRequest.delete("/user/records/" + recordId + "/" + hashPart(recordHash)).partnerTokenOnly().underRecordRules(),
                Object.class);
    }

    /**
     * Moves a booked record to another start, with the same master and services; {@code comment}, when not null,
     * replaces the record's. The reference asks for both tokens here ({@code Bearer partner_token, User user_token}), so
     * this is the one online-booking call that sends the credentials' user token.
     *
     * <p>Retried like a GET on a transport error, 429 or 5xx. A move names the start it wants, not a shift, so a repeat
     * after a lost answer asks for the time the record already has. That is harmless as long as the API does not count
     * the record as busy against itself, which we expect, as an edit that keeps a record's time could not be saved
     * otherwise; the simulator accepts it. Should a repeat still be refused with {@link BookingError#TIME_TAKEN}, read
     * the record back ({@link #record} or {@link #userRecord}): it may already stand at that time.
     *
     * @throws ValidationException with {@link BookingError#TIME_TAKEN} when the master is not free then
     * @throws BookingChangeRefusedException when the company's rules do not let its user move the record (now)
     * @throws AuthenticationException when no or an unknown user token is sent
     * @throws NotFoundException when the company has no such record, or it was cancelled
     */
    public RescheduledRecord rescheduleBooking(long companyId, long recordId, ApiTimestamp datetime, String comment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("datetime", Objects.requireNonNull(datetime, "datetime"));
        if (comment != null) {
            body.put("comment", comment);
        }
        return one(ApiRequest.put("/book_record/" + companyId + "/" + recordId, body).underRecordRules(), RescheduledRecord.class);
    }

    // ---- loyalty cards (the reference's "Карты лояльности"): both tokens, as its headers show -------------------------

    /** The loyalty card types of the company's chain, none when it is in no chain. Retried like a GET. */
    public List<LoyaltyCardType> loyaltyCardTypes(long companyId) {
        return oneOrMany(ApiRequest.get("/loyalty/card_types/salon/" + companyId), LoyaltyCardType.class);
    }

    /**
     * The cards of the phone ({@code 79161234567}, digits only) in the chain that are active in the company; empty when
     * there are none. The reference's example answers one object where its table says a list: both are read. Retried
     * like a GET.
     */
    public List<LoyaltyCard> loyaltyCards(String phoneDigits, long chainId, long companyId) {
        return oneOrMany(ApiRequest.get("/loyalty/cards/" + phonePart(phoneDigits) + "/" + chainId + "/" + companyId), LoyaltyCard.class);
    }

    /**
     * Issues a card of the type to the phone ({@code 79161234567}, digits only). Never retried: a repeat after a lost
     * answer could issue a second card. After an uncertain failure (a timeout or 5xx) look the card up by phone
     * ({@link #loyaltyCards}) before issuing again.
     *
     * @throws ValidationException when the API refuses the card (a type not of the company's chain, one of that type
     *         already issued to the phone, a number in use)
     */
    public LoyaltyCard issueLoyaltyCard(long companyId, String cardNumber, long cardTypeId, String phoneDigits) {
        if (cardNumber == null || cardNumber.isBlank()) {
            throw new IllegalArgumentException("a loyalty card needs its number");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        // The kinds of the reference's example body: number and type as strings (the number keeps its leading zeros), the phone a number.
        body.put("loyalty_card_number", cardNumber);
        body.put("loyalty_card_type_id", Long.toString(cardTypeId));
        body.put("phone", Long.parseLong(phonePart(phoneDigits)));
        ApiRequest request = ApiRequest.post("/loyalty/cards/" + companyId, body);
        LoyaltyCard card = one(request, LoyaltyCard.class);
        if (card == null) {
            throw new YClientsException(200, null, request.method(), request.path(),
                    "the API answered success without the card: look the card up by phone before issuing again");
        }
        return card;
    }

    /**
     * Adds to ({@code amount} positive) or deducts from (negative) the card's balance, with a title the card's history
     * shows. Not in our copy of the reference: the path and body follow YClients' current online reference, to be checked
     * on a live account. Never retried, whatever the failure: there is no idempotency key, and a timeout or 5xx may
     * have applied it. After such a failure look for the title among the chain's transactions
     * ({@link #chainLoyaltyTransactions}) before trying again, so make the title unique. The answer's transaction is read
     * leniently, as the money has moved whatever it says: one that does not decode comes back with id 0.
     *
     * @throws InsufficientCardBalanceException when a deduction is refused as more than the card holds
     * @throws PermissionException when the user token lacks the right {@code loyalty_cards_manual_transactions_access}
     */
    public LoyaltyTransaction postManualLoyaltyTransaction(long companyId, long cardId, BigDecimal amount, String title) {
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() == 0) {
            throw new IllegalArgumentException("a manual transaction adds or deducts: its amount is not zero");
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a manual transaction needs a title");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        // A plain decimal on the wire: 1E+2 would be a number PHP may not read as meant.
        body.put("amount", amount.scale() < 0 ? amount.setScale(0) : amount);
        body.put("title", title);
        ApiRequest request = ApiRequest.post("/company/" + companyId + "/loyalty/cards/" + cardId + "/manual_transaction", body);
        JsonNode data;
        try {
            data = one(request, JsonNode.class);
        } catch (PermissionException refused) {
            throw new PermissionException(refused.status(), refused.apiMessage(), refused.method(), refused.path(),
                    "the YClients user behind userToken may not change loyalty cards by hand here: in YClients give that user the right"
                            + " loyalty_cards_manual_transactions_access (manual top-up and deduction of loyalty cards) and rights on the company");
        } catch (ValidationException refused) {
            // Only a deduction can find the card short, and no zero amount or blank title is ever sent.
            if (amount.signum() < 0 && refused.status() == 422) {
                throw new InsufficientCardBalanceException(refused.status(), refused.apiMessage(), refused.method(), refused.path());
            }
            throw refused;
        }
        return appliedTransaction(data, cardId, amount, title);
    }

    /**
     * The chain's loyalty transactions created within the bounds (inclusive; either may be null for none), oldest first,
     * page by page as they are consumed. Not in our copy of the reference: the path and parameters follow YClients'
     * current online reference, to be checked on a live account. Retried like a GET.
     */
    public Pages<LoyaltyTransaction> chainLoyaltyTransactions(long chainId, Instant createdAfter, Instant createdBefore) {
        String path = "/chain/" + chainId + "/loyalty/transactions";
        return new Pages<>(page -> {
            Map<String, String> query = new LinkedHashMap<>();
            if (createdAfter != null) {
                query.put("created_after", UTC_SECONDS.format(createdAfter.atOffset(ZoneOffset.UTC)));
            }
            if (createdBefore != null) {
                query.put("created_before", UTC_SECONDS.format(createdBefore.atOffset(ZoneOffset.UTC)));
            }
            query.put("page", Integer.toString(page));
            query.put("count", Integer.toString(LOYALTY_PAGE_SIZE));
            return many(ApiRequest.get(path, query), LoyaltyTransaction.class);
        }, LOYALTY_PAGE_SIZE, LoyaltyTransaction::id, path);
    }

    /** The transaction the answer names, or one with id 0 carrying what was asked when it names none we can read. */
    private LoyaltyTransaction appliedTransaction(JsonNode data, long cardId, BigDecimal amount, String title) {
        if (data != null && data.isObject() && data.path("id").asLong(0) != 0) {
            try {
                return json.treeToValue(data, LoyaltyTransaction.class);
            } catch (JsonProcessingException | IllegalArgumentException unreadable) {
                // Applied all the same: failing here would invite a repeat that deducts twice.
            }
        }
        return new LoyaltyTransaction(0, 0, amount, 0, cardId, 0, null, null, false, false, title, null, null);
    }

    /** A phone goes into the path: digits only, so it cannot reach another path. */
    private static String phonePart(String phoneDigits) {
        if (phoneDigits == null || !phoneDigits.matches("[0-9]{1,15}")) {
            throw new IllegalArgumentException("a phone here is its digits only, such as 79161234567");
        }
        return phoneDigits;
    }

    /** PHP reads {@code service_ids[0]=1&service_ids[1]=2} as the array the reference asks for. */
    private static void putIds(Map<String, String> query, List<Long> serviceIds) {
        if (serviceIds == null) {
            return;
        }
        for (int i = 0; i < serviceIds.size(); i++) {
            query.put("service_ids[" + i + "]", Long.toString(serviceIds.get(i)));
        }
    }

    /** The hash goes into the path: only its own characters, so it cannot reach another path. */
    private static String hashPart(String recordHash) {
        if (recordHash == null || !recordHash.matches("[A-Za-z0-9]{1,128}")) {
            throw new IllegalArgumentException("a record hash is letters and digits");
        }
        return recordHash;
    }

    private <T> T one(ApiRequest request, Class<T> type) {
        return transport.send(request, json.getTypeFactory().constructType(type));
    }

    private <T> List<T> many(ApiRequest request, Class<T> type) {
        List<T> items = transport.send(request, json.getTypeFactory().constructCollectionType(List.class, type));
        return items == null ? List.of() : items;
    }

    private <T> List<T> oneOrMany(ApiRequest request, Class<T> type) {
        JsonNode data = one(request, JsonNode.class);
        try {
            return OneOrMany.read(data, type, json);
        } catch (JsonMappingException e) {
            // The field path only, never the value, as the transport reports it.
            throw new YClientsException(200, null, request.method(), request.path(), "the answer did not decode at "
                    + e.getPathReference() + " (" + type.getSimpleName() + ")");
        } catch (IOException e) {
            throw new YClientsException(200, null, request.method(), request.path(), "the answer did not decode ("
                    + type.getSimpleName() + ")");
        }
    }

    /** Options of a client; every one has a production default except the credentials. */
    public static final class Builder {
        private URI baseUri = Brand.YCLIENTS.apiBase();
        private Supplier<Credentials> credentials;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(20);
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private RateLimiter rateLimiter;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private RandomGenerator random = RandomGenerator.getDefault();
        private RequestObserver observer = RequestObserver.NONE;
        private HttpClient httpClient;

        private Builder() {
        }

        public Builder brand(Brand brand) {
            this.baseUri = brand.apiBase();
            return this;
        }

        /** Any base URL ending in {@code /api/v1}, e.g. the simulator's. */
        public Builder baseUri(URI uri) {
            this.baseUri = Objects.requireNonNull(uri, "baseUri");
            return this;
        }

        public Builder credentials(Credentials fixed) {
            Objects.requireNonNull(fixed, "credentials");
            this.credentials = () -> fixed;
            return this;
        }

        /** Credentials read before every request, so a refreshed token is picked up without a new client. */
        public Builder credentials(Supplier<Credentials> source) {
            this.credentials = Objects.requireNonNull(source, "credentials");
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = timeout;
            return this;
        }

        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        /**
         * Replaces the built-in limiter (this client's own, at YClients' official 5/s and 200/min), e.g. with one shared
         * by all Lambda invocations, or {@link RateLimiter#UNLIMITED}.
         */
        public Builder rateLimiter(RateLimiter limiter) {
            this.rateLimiter = Objects.requireNonNull(limiter, "rateLimiter");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        public Builder observer(RequestObserver observer) {
            this.observer = Objects.requireNonNull(observer, "observer");
            return this;
        }

        /** Shares one {@link HttpClient} (its connection pool) between clients. */
        public Builder httpClient(HttpClient client) {
            this.httpClient = client;
            return this;
        }

        public YClientsClient build() {
            if (credentials == null) {
                throw new IllegalStateException("credentials are required: at least the partner token");
            }
            HttpClient http = httpClient != null ? httpClient : HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(connectTimeout)
                    // A redirect means a wrong base URL (it leads to the web site): report it, never follow it.
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            RateLimiter limiter = rateLimiter != null ? rateLimiter : RateLimiter.allOf(
                    TokenBucket.perSecond(5, clock, sleeper),
                    TokenBucket.perMinute(200, clock, sleeper));
            return new YClientsClient(new ApiTransport(http, baseUri, credentials, requestTimeout, retryPolicy, limiter,
                    clock, sleeper, random, observer), baseUri);
        }
    }
}
