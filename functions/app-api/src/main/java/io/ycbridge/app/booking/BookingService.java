package io.ycbridge.app.booking;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ycbridge.api.YClientsAccess;
import io.ycbridge.app.RequestRefused;
import io.ycbridge.app.booking.BookingStore.KeyClaim;
import io.ycbridge.app.booking.BookingStore.State;
import io.ycbridge.app.catalog.CatalogView;
import io.ycbridge.app.profile.Profile;
import io.ycbridge.app.profile.ProfileStore;
import io.ycbridge.app.visits.VisitId;
import io.ycbridge.bonus.UserLinkStore;
import io.ycbridge.edge.HttpResponse;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.yclients.BookingError;
import io.ycbridge.yclients.RecordQuery;
import io.ycbridge.yclients.ServerException;
import io.ycbridge.yclients.TransportException;
import io.ycbridge.yclients.ValidationException;
import io.ycbridge.yclients.YClientsException;
import io.ycbridge.yclients.model.BookedRecord;
import io.ycbridge.yclients.model.BookingAppointment;
import io.ycbridge.yclients.model.BookingRequest;
import io.ycbridge.yclients.model.Record;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * {@code POST /v1/bookings}: books one appointment for the caller through the online-booking API, with the profile's
 * name and e-mail and the proven phone, under the request's {@code Idempotency-Key}.
 *
 * <p>The key decides: a key seen before answers what it answered (a booked key its 201), or carries on where its
 * booking stopped (the SMS code step, a booking whose answer was lost). Our booking id goes into {@code api_id}, so a
 * {@code book_record} that timed out or failed with a 5xx — which may still have booked — is looked up among the
 * company's records before anything is booked again. Only refusals that certainly booked nothing forget the key.
 */
public final class BookingService {
    /** A request holding a key longer than this died (the function's timeout is shorter): another may take over. */
    static final Duration PENDING_LEASE = Duration.ofSeconds(30);
    /** How far before our booking started a record found by its api_id may have changed (clock skew, a slow answer). */
    private static final Duration LOOKUP_MARGIN = Duration.ofMinutes(10);
    private static final int APPOINTMENT = 1;
    /** Reads and writes that need not wait for each other, each on its own virtual thread. */
    private static final Executor ALONGSIDE = Executors.newVirtualThreadPerTaskExecutor();

    private final Set<Long> companies;
    private final RecentCatalog catalog;
    private final ProfileStore profiles;
    private final UserLinkStore links;
    private final BookingStore bookings;
    private final YClientsAccess api;
    private final NextFreeTimes freeTimes;
    private final BookingFallback fallback;
    private final Clock clock;
    private final DecisionLog log;

    public BookingService(Set<Long> companies, RecentCatalog catalog, ProfileStore profiles, UserLinkStore links, BookingStore bookings,
                          YClientsAccess api, NextFreeTimes freeTimes, BookingFallback fallback, Clock clock, DecisionLog log) {
        this.companies = Set.copyOf(companies);
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.links = Objects.requireNonNull(links, "links");
        this.bookings = Objects.requireNonNull(bookings, "bookings");
        this.api = Objects.requireNonNull(api, "api");
        this.freeTimes = Objects.requireNonNull(freeTimes, "freeTimes");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** What the route answers: 201 booked, or 202 when the SMS code is needed. Refusals are {@link RequestRefused}. */
    public HttpResponse book(String userId, String idempotencyKey, BookingOrder order) {
        if (!companies.contains(order.companyId())) {
            throw new RequestRefused(404, "company " + order.companyId() + " is not served here");
        }
        checkChoice(order);
        Instant now = clock.instant();
        String bookingId = UUID.randomUUID().toString();
        Optional<KeyClaim> existing = bookings.claim(userId, idempotencyKey, order.fingerprint(), bookingId, order.companyId(), now);
        KeyClaim claim = existing.orElseGet(() -> new KeyClaim(idempotencyKey, State.PENDING, order.fingerprint(), bookingId,
                order.companyId(), now, now, null));
        if (existing.isPresent()) {
            if (!claim.fingerprint().equals(order.fingerprint())) {
                throw new RequestRefused(422, "this Idempotency-Key was used for another booking: use a new key for a new booking",
                        Map.of("field", "Idempotency-Key"), Map.of());
            }
            switch (claim.state()) {
                case BOOKED -> {
                    return booked(claim.answer());
                }
                case PENDING -> {
                    if (Duration.between(claim.updatedAt(), now).compareTo(PENDING_LEASE) < 0) {
                        throw new RequestRefused(409, "a request with this Idempotency-Key is still booking: ask again in a few seconds",
                                Map.of(), Map.of("retry-after", "2"));
                    }
                    claim = takeOver(userId, claim, State.UNCERTAIN, now);
                }
                case CODE_SENT, UNCERTAIN -> {
                    // carried on below
                }
            }
        }
        if (claim.state() == State.UNCERTAIN) {
            Optional<HttpResponse> found = findLostBooking(userId, claim, order);
            if (found.isPresent()) {
                return found.get();
            }
        }
        if (claim.state() == State.CODE_SENT && order.code() == null) {
            return codeRequired(claim, false);
        }
        return attempt(userId, claim, order);
    }

    private HttpResponse attempt(String userId, KeyClaim claim, BookingOrder order) {
        BookingAppointment appointment = new BookingAppointment(APPOINTMENT, order.services(), order.staffId(), order.apiDatetime());
        // Who books is needed only for book_record: read while book_check runs beside it.
        CompletableFuture<Void> checked = claim.state() == State.CODE_SENT ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(() -> api.call(client -> {
                    client.checkBooking(order.companyId(), List.of(appointment));
                    return null;
                }), ALONGSIDE);
        Customer customer;
        try {
            customer = customer(userId);
        } catch (RequestRefused refused) {
            bookings.release(userId, claim);
            throw refused;
        }
        refusedForCertain(userId, claim, order, () -> awaited(checked));
        BookingRequest request = new BookingRequest(customer.phone(), customer.name(), customer.email(), order.code(), order.comment(),
                claim.bookingId(), List.of(appointment));
        List<BookedRecord> booked;
        try {
            booked = api.call(client -> client.book(order.companyId(), request));
        } catch (ValidationException refused) {
            if (refused.bookingError().filter(BookingError.WRONG_CODE::equals).isPresent()) {
                if (order.code() == null) {
                    return sendCode(userId, claim, order, customer);
                }
                if (claim.state() == State.CODE_SENT) {
                    // The key keeps waiting for the right code: a retyped one books under the same booking id.
                    throw new RequestRefused(422, "the SMS code is wrong: check it or ask for a new one", Map.of("field", "code"), Map.of());
                }
            }
            throw certainRefusal(userId, claim, order, refused);
        } catch (ServerException | TransportException uncertain) {
            KeyClaim marked = moveOrLose(userId, claim, State.UNCERTAIN);
            log.warn("booking-uncertain", Map.of("companyId", order.companyId(), "booking", claim.bookingId(),
                    "failure", uncertain.getClass().getSimpleName()));
            return findLostBooking(userId, marked, order).orElseThrow(() -> fallback.unavailable(userId, order,
                    "YClients did not confirm the booking; it is looked up again before anything is booked twice"));
        } catch (YClientsException refused) {
            throw certainRefusal(userId, claim, order, refused);
        }
        return recordBooked(userId, claim, order, booked.getFirst());
    }

    /** The check run beside the reads, its failure as it was thrown. */
    private static void awaited(CompletableFuture<Void> checked) {
        try {
            checked.join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
    }

    /** The form confirms phones: one SMS per key, then 202 until the code comes. */
    private HttpResponse sendCode(String userId, KeyClaim claim, BookingOrder order, Customer customer) {
        refusedForCertain(userId, claim, order, () -> api.call(client -> {
            client.sendBookingCode(order.companyId(), customer.phone(), customer.name());
            return null;
        }));
        KeyClaim sent = moveOrLose(userId, claim, State.CODE_SENT);
        log.info("booking-code-sent", Map.of("companyId", order.companyId(), "booking", claim.bookingId()));
        return codeRequired(sent, true);
    }

    private HttpResponse recordBooked(String userId, KeyClaim claim, BookingOrder order, BookedRecord record) {
        Instant now = clock.instant();
        // Two independent writes, side by side: the hash for cancel and move, and the key's answer for its retries.
        CompletableFuture<Void> hash = CompletableFuture.runAsync(() -> bookings.putVisit(userId,
                new BookingStore.BookedVisit(order.companyId(), record.recordId(), record.recordHash(), claim.bookingId(), now)), ALONGSIDE);
        String answer = bookedAnswer(claim, order, record.recordId());
        bookings.move(userId, claim, State.BOOKED, answer, now);
        hash.join();
        log.info("booked", Map.of("companyId", order.companyId(), "recordId", record.recordId(), "booking", claim.bookingId()));
        return booked(answer);
    }

    /** After an uncertain failure: the record with our api_id, if YClients booked it after all. */
    private Optional<HttpResponse> findLostBooking(String userId, KeyClaim claim, BookingOrder order) {
        OffsetDateTime since = claim.startedAt().minus(LOOKUP_MARGIN).atOffset(order.datetime().getOffset());
        Optional<Record> found;
        try {
            found = api.call(client -> client.records(order.companyId(), RecordQuery.changedSince(since).inZone(order.datetime().getOffset()))
                    .items().filter(record -> claim.bookingId().equals(record.apiId())).findFirst());
        } catch (YClientsException unavailable) {
            throw fallback.unavailable(userId, order, "YClients is not answering; whether the booking was made is checked on the next try");
        }
        return found.map(record -> {
            log.info("booking-recovered", Map.of("companyId", order.companyId(), "recordId", record.id(), "booking", claim.bookingId()));
            // The hash is only in book_record's answer: a recovered booking is cancelled at the salon, not in the app.
            String answer = bookedAnswer(claim, order, record.id());
            bookings.move(userId, claim, State.BOOKED, answer, clock.instant());
            return booked(answer);
        });
    }

    private void refusedForCertain(String userId, KeyClaim claim, BookingOrder order, Runnable call) {
        try {
            call.run();
        } catch (YClientsException refused) {
            throw certainRefusal(userId, claim, order, refused);
        }
    }

    /** Nothing was booked: the key is forgotten, and the refusal says what the app can do. */
    private RequestRefused certainRefusal(String userId, KeyClaim claim, BookingOrder order, YClientsException refused) {
        bookings.release(userId, claim);
        if (refused instanceof ValidationException invalid && invalid.bookingError().isPresent()) {
            BookingError error = invalid.bookingError().get();
            log.info("booking-refused", Map.of("companyId", order.companyId(), "code", error.code()));
            return switch (error) {
                case TIME_TAKEN -> new RequestRefused(409, "this time was just taken: choose another",
                        Map.of("field", "datetime", "nextTimes", freeTimes.after(order)), Map.of());
                case WRONG_CODE -> new RequestRefused(422, "the SMS code is wrong: check it or ask for a new one",
                        Map.of("field", "code"), Map.of());
                case PHONE_BLACKLISTED -> new RequestRefused(403, "the salon does not take online bookings from this phone: call it",
                        Map.of("field", "phone"), Map.of());
                case INVALID_PHONE -> new RequestRefused(422, "YClients did not accept the profile's phone: update the profile",
                        Map.of("field", "phone"), Map.of());
                case NAME_MISSING -> new RequestRefused(422, "the profile has no name: update the profile", Map.of("field", "name"), Map.of());
                case NO_STAFF_AVAILABLE -> new RequestRefused(422, "no master is free for this choice: choose another master or time",
                        Map.of("field", "staff"), Map.of());
                case APPOINTMENTS_OVERLAP -> new RequestRefused(422, "the appointments overlap", Map.of("field", "datetime"), Map.of());
                case SERVICE_UNAVAILABLE -> new RequestRefused(422, "a chosen service cannot be booked online",
                        Map.of("field", "services"), Map.of());
            };
        }
        if (refused.refusesTheRequest()) {
            log.info("booking-refused", Map.of("companyId", order.companyId(), "status", refused.status()));
            return new RequestRefused(422, "YClients refused the booking: " + refused.apiMessage(), Map.of(), Map.of());
        }
        log.info("booking-unavailable", Map.of("companyId", order.companyId(), "failure", refused.getClass().getSimpleName(),
                "status", refused.status()));
        return fallback.unavailable(userId, order, "online booking is unavailable right now; nothing was booked");
    }

    private KeyClaim takeOver(String userId, KeyClaim claim, State next, Instant now) {
        return bookings.move(userId, claim, next, null, now).orElseThrow(() -> new RequestRefused(409,
                "a request with this Idempotency-Key is still booking: ask again in a few seconds", Map.of(), Map.of("retry-after", "2")));
    }

    private KeyClaim moveOrLose(String userId, KeyClaim claim, State next) {
        return takeOver(userId, claim, next, clock.instant());
    }

    /** The 201's body, kept with the key so that a repeat answers the same. */
    private static String bookedAnswer(KeyClaim claim, BookingOrder order, long recordId) {
        return HttpResponse.encode(new BookedAnswer(claim.bookingId(), "booked", new BookedVisitView(order.companyId(), recordId, order)));
    }

    private static HttpResponse booked(String answer) {
        return new HttpResponse(201, Map.of("content-type", "application/json", "cache-control", "no-store"), answer);
    }

    private static HttpResponse codeRequired(KeyClaim claim, boolean sent) {
        return HttpResponse.json(202, new CodeRequiredAnswer(claim.bookingId(), "code-required", sent
                ? "the salon confirms phones: an SMS code was sent to the profile's phone; send the same request with code"
                : "the SMS code was sent already: send the same request with code"));
    }

    private void checkChoice(BookingOrder order) {
        OfferedChoice.require(catalog.load(order.companyId()), order.services(), order.staffId(), 422);
    }

    /** Who books: the profile's name and e-mail, and the phone the user proved (never one only typed in). */
    private record Customer(String name, String phone, String email) {
        @Override
        public String toString() {
            return "Customer[…]";
        }
    }

    private Customer customer(String userId) {
        Profile profile = profiles.find(userId).orElseThrow(() -> new RequestRefused(403,
                "no profile yet: save it with PUT /v1/me/profile before booking"));
        String phone = links.linksOf(userId).map(UserLinkStore.Links::phoneE164).orElseThrow(() -> new RequestRefused(403,
                "the phone is not proven yet: prove it (POST /v1/me/phone/verification) before booking"));
        if (profile.name() == null || profile.name().isBlank()) {
            throw new RequestRefused(403, "the profile has no name: save it with PUT /v1/me/profile before booking");
        }
        return new Customer(profile.name(), phone.substring(1), profile.email());
    }

    /** The 201 body, stored with the key so a repeat answers the same. */
    record BookedAnswer(String bookingId, String status, BookedVisitView visit) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BookedVisitView(String id, long companyId, long recordId, String startsAt, List<Long> services, Long staffId) {
        BookedVisitView(long companyId, long recordId, BookingOrder order) {
            this(VisitId.of(companyId, recordId).toString(), companyId, recordId, order.datetime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                    order.services(), order.staffId() == 0 ? null : order.staffId());
        }
    }

    record CodeRequiredAnswer(String bookingId, String status, String detail) {
    }
}
