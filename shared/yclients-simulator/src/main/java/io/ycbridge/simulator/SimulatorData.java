package io.ycbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The simulator's companies, catalogs, clients and records. Safe to use from many threads while the server
 * answers requests. Every change to a record moves its {@code last_change_date} to the simulator clock's now.
 * Adding something with an id that exists replaces it. Changes to unknown ids throw
 * {@link IllegalArgumentException}, because a test that names a record that is not there is a broken test.
 */
public final class SimulatorData {
    /** Record and visit ids are global in YClients, so one sequence serves all companies. */
    static final long FIRST_RECORD_ID = 100_001;
    static final long FIRST_VISIT_ID = 700_001;

    private final MovableClock clock;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<Long, CompanyBook> companies = new TreeMap<>();
    private final Map<Long, Long> recordCompany = new HashMap<>();
    private final AtomicLong nextRecordId = new AtomicLong(FIRST_RECORD_ID);
    private final AtomicLong nextVisitId = new AtomicLong(FIRST_VISIT_ID);
    private final LoyaltyCards loyalty = new LoyaltyCards(this);

    SimulatorData(MovableClock clock) {
        this.clock = clock;
    }

    /** The companies' chains and loyalty cards; seeds set them up here, tests also through the simulator. */
    public LoyaltyCards loyalty() {
        return loyalty;
    }

    // ---- companies and catalogs -------------------------------------------------------------------------------

    public void addCompany(long id, String title, String timezoneName) {
        addCompany(id, title, timezoneName, "", "");
    }

    public void addCompany(long id, String title, String timezoneName, String country, String city) {
        addCompany(id, title, timezoneName, 0, country, city, "");
    }

    /** With the country as the reference's company object carries it: YClients' id and name, and the company's phone. */
    public void addCompany(long id, String title, String timezoneName, int countryId, String country, String city, String phone) {
        ZoneId zone;
        try {
            zone = ZoneId.of(Objects.requireNonNull(timezoneName, "timezoneName"));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a time zone name: " + timezoneName, e);
        }
        Company company = new Company(id, Objects.requireNonNull(title, "title"), zone, countryId, orEmpty(country), orEmpty(city),
                orEmpty(phone));
        write(() -> {
            CompanyBook book = companies.get(id);
            if (book == null) {
                companies.put(id, new CompanyBook(company));
            } else {
                book.company = company;
            }
            return null;
        });
    }

    public void addCategory(long companyId, long id, String title) {
        write(() -> {
            CompanyBook book = book(companyId);
            book.categories.put(id, new ServiceCategory(companyId, id, Objects.requireNonNull(title, "title"),
                    book.categories.size() + 1));
            return null;
        });
    }

    public void addService(long companyId, long id, long categoryId, String title, BigDecimal price, int durationSeconds) {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(price, "price");
        if (durationSeconds <= 0) {
            throw new IllegalArgumentException("durationSeconds must be positive: " + durationSeconds);
        }
        write(() -> {
            CompanyBook book = book(companyId);
            if (!book.categories.containsKey(categoryId)) {
                throw new IllegalArgumentException("no category " + categoryId + " in company " + companyId);
            }
            book.services.put(id, new OfferedService(companyId, id, categoryId, title, price, durationSeconds,
                    book.services.size() + 1, false));
            return null;
        });
    }

    public void renameService(long companyId, long serviceId, String title) {
        Objects.requireNonNull(title, "title");
        write(() -> {
            CompanyBook book = book(companyId);
            book.services.put(serviceId, service(book, serviceId).withTitle(title));
            return null;
        });
    }

    /** Gone from the price list and from {@code /services/{id}}; records that had it keep their line. */
    public void removeService(long companyId, long serviceId) {
        write(() -> {
            CompanyBook book = book(companyId);
            book.services.put(serviceId, service(book, serviceId).asRemoved());
            return null;
        });
    }

    public void addStaff(long companyId, long id, String name, String specialization) {
        addStaff(companyId, id, name, specialization, BigDecimal.ZERO);
    }

    public void addStaff(long companyId, long id, String name, String specialization, BigDecimal rating) {
        StaffMember member = new StaffMember(companyId, id, Objects.requireNonNull(name, "name"), orEmpty(specialization),
                Objects.requireNonNull(rating, "rating"), false);
        write(() -> {
            book(companyId).staff.put(id, member);
            return null;
        });
    }

    /** Fired: gone from the staff list; {@code /staff/{id}} still answers, with {@code fired: 1}. */
    public void removeStaff(long companyId, long staffId) {
        write(() -> {
            CompanyBook book = book(companyId);
            StaffMember member = book.staff.get(staffId);
            if (member == null) {
                throw new IllegalArgumentException("no staff member " + staffId + " in company " + companyId);
            }
            book.staff.put(staffId, member.asFired());
            return null;
        });
    }

    public void addClient(long companyId, long id, String name, String phone) {
        addClient(companyId, id, name, phone, "");
    }

    public void addClient(long companyId, long id, String name, String phone, String email) {
        Client client = new Client(companyId, id, Objects.requireNonNull(name, "name"), orEmpty(phone), orEmpty(email));
        write(() -> {
            book(companyId).clients.put(id, client);
            return null;
        });
    }

    // ---- records ------------------------------------------------------------------------------------------------

    /**
     * Books a record as an administrator would: waiting for the client, confirmed, not paid, not online. A
     * {@code clientId} of 0 books it without a client. Returns the new record's id.
     */
    public long createRecord(long companyId, long clientId, long staffId, List<Long> serviceIds, LocalDateTime startLocal) {
        Instant now = clock.now();
        return insertRecord(companyId, 0, clientId, staffId, serviceIds, startLocal, now, false, "");
    }

    public void reschedule(long companyId, long recordId, LocalDateTime startLocal) {
        Objects.requireNonNull(startLocal, "startLocal");
        change(companyId, recordId, (r, now) -> r.changed(now, startLocal, r.attendance(), r.paidFull(), r.deleted(),
                r.services(), r.customFields()));
    }

    /** Deleted: out of the records list unless {@code with_deleted=1}; {@code /record/{id}} still answers. */
    public void cancel(long companyId, long recordId) {
        cancelAt(companyId, recordId, clock.now());
    }

    public void completeVisit(long companyId, long recordId, boolean paidFull) {
        completeVisitAt(companyId, recordId, paidFull, clock.now());
    }

    public void markNoShow(long companyId, long recordId) {
        attendanceAt(companyId, recordId, -1, clock.now());
    }

    /** The client confirmed the booking: attendance 2. */
    public void markConfirmed(long companyId, long recordId) {
        attendanceAt(companyId, recordId, 2, clock.now());
    }

    public void setServiceCost(long companyId, long recordId, long serviceId, BigDecimal cost) {
        setServiceCostAt(companyId, recordId, serviceId, cost, clock.now());
    }

    /**
     * The salon corrects a client's phone (or gives one to a client who had none): records show it from their next
     * version on, as their bodies embed the client as it is then.
     */
    public void setClientPhone(long companyId, long clientId, String phone) {
        write(() -> {
            CompanyBook book = book(companyId);
            Client client = book.clients.get(clientId);
            if (client == null) {
                throw new IllegalArgumentException("no client " + clientId + " in company " + companyId);
            }
            book.clients.put(clientId, new Client(companyId, clientId, client.name(), orEmpty(phone), client.email()));
            return null;
        });
    }

    /** The record was booked for the wrong client: it moves to {@code clientId}, in a visit of its own (YClients' visits are per client). */
    public void moveToClient(long companyId, long recordId, long clientId) {
        long visit = nextVisitId.getAndIncrement();
        change(companyId, recordId, (r, now) -> {
            if (clientId != 0 && !book(companyId).clients.containsKey(clientId)) {
                throw new IllegalArgumentException("no client " + clientId + " in company " + companyId);
            }
            return r.reassigned(now, clientId, visit);
        });
    }

    /** Joins the record into another record's visit: one client's several services at one sitting. */
    public void joinVisit(long companyId, long recordId, long visitOfRecordId) {
        change(companyId, recordId, (r, now) -> {
            Appointment other = book(companyId).records.get(visitOfRecordId);
            if (other == null) {
                throw new IllegalArgumentException("no record " + visitOfRecordId + " in company " + companyId);
            }
            return r.reassigned(now, r.clientId(), other.visitId());
        });
    }

    /** Sets one of the company's additional record fields; records without any write {@code custom_fields: []}. */
    public void setCustomField(long companyId, long recordId, String code, String value) {
        setCustomFieldAt(companyId, recordId, code, value, clock.now());
    }

    /**
     * The record exactly as {@code GET /record/{company_id}/{record_id}} would return it in {@code data}, as a
     * mapper reading fractions as BigDecimal (USE_BIG_DECIMAL_FOR_FLOATS) parses it.
     */
    public Optional<JsonNode> recordJson(long companyId, long recordId) {
        return recordView(companyId, recordId).map(view -> Json.asOnTheWire(WireFormat.record(view, WireFormat.Style.SINGLE)));
    }

    /** All of the company's records, cancelled ones included. */
    public int recordCount(long companyId) {
        return read(() -> {
            CompanyBook book = companies.get(companyId);
            return book == null ? 0 : book.records.size();
        });
    }

    /** The company's record ids in ascending order, cancelled ones included. */
    public List<Long> recordIds(long companyId) {
        return read(() -> {
            CompanyBook book = companies.get(companyId);
            return book == null ? List.of() : List.copyOf(book.records.keySet());
        });
    }

    public List<Long> companyIds() {
        return read(() -> List.copyOf(companies.keySet()));
    }

    /** What {@code GET /hooks_settings/{company_id}} would return in {@code data}. */
    public Optional<JsonNode> hookSettingsJson(long companyId) {
        return hookSettings(companyId).map(settings -> Json.asOnTheWire(WireFormat.hookSettings(settings)));
    }

    // ---- package-private reads and writes for the endpoints and seeds ---------------------------------------------

    /** Inserts a record with a given id and creation time (0 takes the next id); seeds use this for history. */
    long insertRecord(long companyId, long id, long clientId, long staffId, List<Long> serviceIds, LocalDateTime startLocal,
                      Instant created, boolean online, String comment) {
        return insertRecord(companyId, id, clientId, staffId, serviceIds, startLocal, created, online, comment, "");
    }

    long insertRecord(long companyId, long id, long clientId, long staffId, List<Long> serviceIds, LocalDateTime startLocal,
                      Instant created, boolean online, String comment, String apiId) {
        Objects.requireNonNull(serviceIds, "serviceIds");
        Objects.requireNonNull(startLocal, "startLocal");
        return write(() -> {
            CompanyBook book = book(companyId);
            if (!book.staff.containsKey(staffId)) {
                throw new IllegalArgumentException("no staff member " + staffId + " in company " + companyId);
            }
            if (clientId != 0 && !book.clients.containsKey(clientId)) {
                throw new IllegalArgumentException("no client " + clientId + " in company " + companyId);
            }
            List<AppointmentService> lines = new ArrayList<>();
            int length = 0;
            for (long serviceId : serviceIds) {
                OfferedService service = service(book, serviceId);
                if (service.removed()) {
                    throw new IllegalArgumentException("service " + serviceId + " was removed from company " + companyId);
                }
                lines.add(AppointmentService.booked(service));
                length += service.durationSeconds();
            }
            if (lines.isEmpty()) {
                length = 3600;
            }
            long recordId = id == 0 ? nextRecordId.getAndIncrement() : id;
            if (id != 0) {
                nextRecordId.accumulateAndGet(id + 1, Math::max);
                Long owner = recordCompany.get(id);
                if (owner != null && owner != companyId) {
                    companies.get(owner).records.remove(id);
                }
            }
            Appointment record = new Appointment(companyId, recordId, staffId, lines, clientId, startLocal, length, 0,
                    false, nextVisitId.getAndIncrement(), false, online, comment, created, created, Map.of(), apiId);
            book.records.put(recordId, record);
            recordCompany.put(recordId, companyId);
            return recordId;
        });
    }

    /** Applies a change to a record as of a given instant; seeds use it to write history. */
    void changeAt(long companyId, long recordId, Instant at, BiFunction<Appointment, Instant, Appointment> change) {
        write(() -> {
            CompanyBook book = book(companyId);
            Appointment record = book.records.get(recordId);
            if (record == null) {
                throw new IllegalArgumentException("no record " + recordId + " in company " + companyId);
            }
            book.records.put(recordId, change.apply(record, at));
            return null;
        });
    }

    void cancelAt(long companyId, long recordId, Instant at) {
        changeAt(companyId, recordId, at, (r, now) -> r.changed(now, r.start(), r.attendance(), r.paidFull(), true,
                r.services(), r.customFields()));
    }

    void completeVisitAt(long companyId, long recordId, boolean paidFull, Instant at) {
        changeAt(companyId, recordId, at, (r, now) -> r.changed(now, r.start(), 1, paidFull, r.deleted(),
                r.services(), r.customFields()));
    }

    void attendanceAt(long companyId, long recordId, int attendance, Instant at) {
        changeAt(companyId, recordId, at, (r, now) -> r.changed(now, r.start(), attendance, r.paidFull(), r.deleted(),
                r.services(), r.customFields()));
    }

    void setServiceCostAt(long companyId, long recordId, long serviceId, BigDecimal cost, Instant at) {
        Objects.requireNonNull(cost, "cost");
        changeAt(companyId, recordId, at, (r, now) -> {
            if (r.services().stream().noneMatch(s -> s.id() == serviceId)) {
                throw new IllegalArgumentException("record " + recordId + " has no service " + serviceId);
            }
            List<AppointmentService> repriced = r.services().stream()
                    .map(s -> s.id() == serviceId ? s.repriced(cost) : s).toList();
            return r.changed(now, r.start(), r.attendance(), r.paidFull(), r.deleted(), repriced, r.customFields());
        });
    }

    void setCustomFieldAt(long companyId, long recordId, String code, String value, Instant at) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(value, "value");
        changeAt(companyId, recordId, at, (r, now) -> {
            Map<String, String> fields = new LinkedHashMap<>(r.customFields());
            fields.put(code, value);
            return r.changed(now, r.start(), r.attendance(), r.paidFull(), r.deleted(), r.services(), fields);
        });
    }

    /** A booking user's move ({@code PUT /book_record}): the start, and the comment when one came. */
    void move(long companyId, long recordId, LocalDateTime startLocal, String comment) {
        Objects.requireNonNull(startLocal, "startLocal");
        change(companyId, recordId, (r, now) -> r.moved(now, startLocal, comment));
    }

    Optional<Company> company(long companyId) {
        return read(() -> Optional.ofNullable(companies.get(companyId)).map(book -> book.company));
    }

    List<Company> companies() {
        return read(() -> companies.values().stream().map(book -> book.company).toList());
    }

    /** Listed services (not removed), in id order. */
    List<OfferedService> services(long companyId) {
        return readBook(companyId, book -> book.services.values().stream().filter(s -> !s.removed()).toList());
    }

    List<ServiceCategory> categories(long companyId) {
        return readBook(companyId, book -> List.copyOf(book.categories.values()));
    }

    /** Every staff member, fired ones included. */
    List<StaffMember> staff(long companyId) {
        return readBook(companyId, book -> List.copyOf(book.staff.values()));
    }

    List<Client> clients(long companyId) {
        return readBook(companyId, book -> List.copyOf(book.clients.values()));
    }

    /** Matching records in id order, read with what their JSON embeds. */
    List<RecordView> records(long companyId, RecordFilter filter) {
        return readBook(companyId, book -> book.records.values().stream()
                .filter(r -> filter.matches(r, book.company.zone()))
                .map(r -> view(book, r)).toList());
    }

    Optional<RecordView> recordView(long companyId, long recordId) {
        return read(() -> {
            CompanyBook book = companies.get(companyId);
            if (book == null) {
                return Optional.empty();
            }
            return Optional.ofNullable(book.records.get(recordId)).map(r -> view(book, r));
        });
    }

    Instant now() {
        return clock.now();
    }

    /** Every record of the company, cancelled ones included, in id order. */
    List<Appointment> appointments(long companyId) {
        return readBook(companyId, book -> List.copyOf(book.records.values()));
    }

    /** The company's client with these phone digits, or a new client (next free id) under this name and phone. */
    long clientForPhone(long companyId, String name, String phone, String email) {
        String digits = phone.replaceAll("\\D", "");
        return write(() -> {
            CompanyBook book = book(companyId);
            for (Client client : book.clients.values()) {
                if (!digits.isEmpty() && client.phoneDigits().equals(digits)) {
                    return client.id();
                }
            }
            long id = book.clients.isEmpty() ? 1 : book.clients.lastKey() + 1;
            book.clients.put(id, new Client(companyId, id, name, phone, orEmpty(email)));
            return id;
        });
    }

    /**
     * Runs reads and writes as one step, so that no other request books between a booking's check and its insert
     * (the lock is reentrant: the reads and writes inside take it again).
     */
    <T> T atomically(Supplier<T> steps) {
        return write(steps);
    }

    /** A record by id alone (ids are global), as a booking user's link names it. */
    Optional<RecordView> recordViewAnywhere(long recordId) {
        return read(() -> {
            Long companyId = recordCompany.get(recordId);
            if (companyId == null) {
                return Optional.empty();
            }
            CompanyBook book = companies.get(companyId);
            return Optional.ofNullable(book.records.get(recordId)).map(r -> view(book, r));
        });
    }

    Optional<HookSettings> hookSettings(long companyId) {
        return read(() -> Optional.ofNullable(companies.get(companyId)).map(book -> book.hooks));
    }

    void storeHookSettings(long companyId, HookSettings settings) {
        write(() -> {
            book(companyId).hooks = settings;
            return null;
        });
    }

    // ---- internals ----------------------------------------------------------------------------------------------

    private void change(long companyId, long recordId, BiFunction<Appointment, Instant, Appointment> change) {
        changeAt(companyId, recordId, clock.now(), change);
    }

    private static RecordView view(CompanyBook book, Appointment record) {
        Client client = record.clientId() == 0 ? null : book.clients.get(record.clientId());
        return new RecordView(record, book.company, book.staff.get(record.staffId()), client);
    }

    private CompanyBook book(long companyId) {
        CompanyBook book = companies.get(companyId);
        if (book == null) {
            throw new IllegalArgumentException("no company " + companyId);
        }
        return book;
    }

    private static OfferedService service(CompanyBook book, long serviceId) {
        OfferedService service = book.services.get(serviceId);
        if (service == null) {
            throw new IllegalArgumentException("no service " + serviceId + " in company " + book.company.id());
        }
        return service;
    }

    private <T> List<T> readBook(long companyId, Function<CompanyBook, List<T>> reading) {
        return read(() -> {
            CompanyBook book = companies.get(companyId);
            return book == null ? List.of() : reading.apply(book);
        });
    }

    private <T> T read(Supplier<T> reading) {
        lock.readLock().lock();
        try {
            return reading.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private <T> T write(Supplier<T> writing) {
        lock.writeLock().lock();
        try {
            return writing.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    /** One company's data; guarded by the data's lock. */
    private static final class CompanyBook {
        private Company company;
        private final TreeMap<Long, ServiceCategory> categories = new TreeMap<>();
        private final TreeMap<Long, OfferedService> services = new TreeMap<>();
        private final TreeMap<Long, StaffMember> staff = new TreeMap<>();
        private final TreeMap<Long, Client> clients = new TreeMap<>();
        private final TreeMap<Long, Appointment> records = new TreeMap<>();
        private HookSettings hooks = HookSettings.none();

        private CompanyBook(Company company) {
            this.company = company;
        }
    }
}
