package io.ycbridge.app.booking;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ycbridge.api.YClientsAccess;
import io.ycbridge.app.RequestRefused;
import io.ycbridge.app.catalog.CatalogView;
import io.ycbridge.yclients.ApiTimestamp;
import io.ycbridge.yclients.YClientsException;
import io.ycbridge.yclients.model.BookableService;
import io.ycbridge.yclients.model.BookableStaff;
import io.ycbridge.yclients.model.BookableTime;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What can be booked, step by step: services, masters, days, times. Names, prices and who is still employed come
 * from our synced catalog (an id it does not offer is never shown); what is free comes from the online-booking API,
 * kept briefly: times {@link #TIMES_LIFETIME}, the rest {@link #CHOICES_LIFETIME}. Services with nothing chosen yet
 * are the catalog alone, no API request.
 */
public final class AvailabilityService {
    static final Duration TIMES_LIFETIME = Duration.ofSeconds(10);
    static final Duration CHOICES_LIFETIME = Duration.ofSeconds(60);

    private final Set<Long> companies;
    private final RecentCatalog catalog;
    private final YClientsAccess api;
    private final BookingFallback fallback;
    private final AnswerCache<List<Long>> serviceIds;
    private final AnswerCache<List<BookableStaff>> staff;
    private final AnswerCache<List<String>> dates;
    private final AnswerCache<List<BookableTime>> times;

    public AvailabilityService(Set<Long> companies, RecentCatalog catalog, YClientsAccess api, BookingFallback fallback, Clock clock) {
        this.companies = Set.copyOf(companies);
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.api = Objects.requireNonNull(api, "api");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.serviceIds = new AnswerCache<>(CHOICES_LIFETIME, clock);
        this.staff = new AnswerCache<>(CHOICES_LIFETIME, clock);
        this.dates = new AnswerCache<>(CHOICES_LIFETIME, clock);
        this.times = new AnswerCache<>(TIMES_LIFETIME, clock);
    }

    /** What the user has chosen so far. {@code staff} null: none; {@link StaffChoice#ANY}: any master. */
    public record Choice(String userId, long companyId, List<Long> services, StaffChoice staff, OffsetDateTime datetime) {
        public Choice {
            services = List.copyOf(services);
        }

        long apiStaffId() {
            return staff == null || staff.any() ? 0 : staff.id();
        }

        String key(String route) {
            return route + "|" + companyId + "|" + services + "|" + apiStaffId() + "|" + (datetime == null ? "" : datetime.toInstant());
        }
    }

    public record ServicesAnswer(long companyId, List<CatalogView.Service> services) {
    }

    /** A master as the booking shows them: the catalog's card, whether they have a free time, and their nearest day. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BookingStaff(long id, String name, String specialization, String avatar, String rating, boolean bookable,
                               String nearestDate) {
    }

    public record StaffAnswer(long companyId, List<BookingStaff> staff) {
    }

    public record DatesAnswer(long companyId, List<String> dates) {
    }

    public record TimesAnswer(long companyId, String date, List<FreeTime> times) {
    }

    public ServicesAnswer services(Choice choice) {
        CatalogView.Loaded loaded = checked(choice);
        List<CatalogView.Service> offered = loaded.catalog().services();
        if (choice.staff() == null && choice.datetime() == null) {
            return new ServicesAnswer(choice.companyId(), offered);
        }
        Set<Long> bookable = Set.copyOf(read(choice, () -> serviceIds.get(choice.key("services"), () -> api.call(client -> client
                .bookableServices(choice.companyId(), choice.apiStaffId() == 0 ? null : choice.apiStaffId(),
                        choice.datetime() == null ? null : ApiTimestamp.of(choice.datetime()), choice.services())
                .services().stream().map(BookableService::id).toList()))));
        return new ServicesAnswer(choice.companyId(), offered.stream().filter(service -> bookable.contains(service.id())).toList());
    }

    public StaffAnswer staff(Choice choice) {
        CatalogView.Loaded loaded = checked(choice);
        Map<Long, CatalogView.Staff> cards = loaded.catalog().staff().stream()
                .collect(Collectors.toMap(CatalogView.Staff::id, Function.identity()));
        List<BookableStaff> listed = read(choice, () -> staff.get(choice.key("staff"), () -> api.call(client -> client
                .bookableStaff(choice.companyId(), choice.services(), choice.datetime() == null ? null : ApiTimestamp.of(choice.datetime())))));
        return new StaffAnswer(choice.companyId(), listed.stream().filter(member -> cards.containsKey(member.id()))
                .map(member -> {
                    CatalogView.Staff card = cards.get(member.id());
                    return new BookingStaff(card.id(), card.name(), card.specialization(), card.avatar(), card.rating(),
                            Boolean.TRUE.equals(member.bookable()), member.seanceDate().map(LocalDate::toString).orElse(null));
                }).toList());
    }

    /** Days with a free time, in {@code month} or from today on. */
    public DatesAnswer dates(Choice choice, YearMonth month) {
        checked(choice);
        String key = choice.key("dates") + "|" + (month == null ? "" : month);
        List<String> days = read(choice, () -> dates.get(key, () -> api.call(client -> client
                .bookingDates(choice.companyId(), choice.apiStaffId() == 0 ? null : choice.apiStaffId(), choice.services(),
                        month == null ? null : month.atDay(1))
                .bookingDates().stream().map(LocalDate::toString).toList())));
        return new DatesAnswer(choice.companyId(), days);
    }

    /** Free times on {@code date}; each {@code datetime} goes back unchanged into a booking. */
    public TimesAnswer times(Choice choice, LocalDate date) {
        checked(choice);
        String key = choice.key("times") + "|" + date;
        List<BookableTime> free = read(choice, () -> times.get(key, () -> api.call(client -> client
                .bookableTimes(choice.companyId(), choice.apiStaffId(), date, choice.services()))));
        // The reference's times carry their offset; one without is read at UTC rather than guessed.
        return new TimesAnswer(choice.companyId(), date.toString(), free.stream().map(time -> FreeTime.of(time, ZoneOffset.UTC)).toList());
    }

    /** The company is served and every chosen id is offered, else the refusal the booking would get. */
    private CatalogView.Loaded checked(Choice choice) {
        if (!companies.contains(choice.companyId())) {
            throw new RequestRefused(404, "company " + choice.companyId() + " is not served here");
        }
        CatalogView.Loaded loaded = catalog.load(choice.companyId());
        OfferedChoice.require(loaded, choice.services(), choice.apiStaffId(), 404);
        return loaded;
    }

    private <T> T read(Choice choice, Supplier<T> call) {
        try {
            return call.get();
        } catch (YClientsException unavailable) {
            if (unavailable.refusesTheRequest()) {
                // YClients answered and refused what was asked (a time it cannot read, say): the caller's to mend, not an outage.
                throw new RequestRefused(400, "YClients did not take this choice: " + unavailable.apiMessage());
            }
            throw fallback.unavailable(choice.userId(), choice.companyId(), choice.services(),
                    choice.staff() == null ? null : choice.staff(), "YClients' online booking is not answering");
        }
    }
}
