package io.ycbridge.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process YClients API on a loopback port, speaking the real wire format: seedable data, exact auth checks,
 * faults on purpose, every request recorded, webhooks in the real body shape.
 *
 * <pre>{@code
 * try (YClientsSimulator sim = YClientsSimulator.start()) {
 *     sim.seed(SimulatorSeed.demo());
 *     URI base = sim.baseUri();   // http://127.0.0.1:<port>/api/v1
 * }
 * }</pre>
 */
public final class YClientsSimulator implements AutoCloseable {
    /** Enough for concurrent tests and benchmarks, including a few requests held by latency faults. */
    private static final int WORKER_THREADS = Math.max(8, 2 * Runtime.getRuntime().availableProcessors());
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final HttpServer server;
    private final ExecutorService workers;
    private final MovableClock clock = new MovableClock();
    private final SimulatorData data = new SimulatorData(clock);
    private final Accounts accounts = new Accounts();
    private final Faults faults = new Faults();
    private final RateLimitWindows rateLimit = new RateLimitWindows();
    private final RequestLog log = new RequestLog();
    private final Webhooks webhooks = new Webhooks(data);
    private final BookingForms bookingForms = new BookingForms();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile MessageLanguage language = MessageLanguage.RU;

    private YClientsSimulator(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(loopback(), port), 128);
        int instance = INSTANCES.incrementAndGet();
        workers = Executors.newFixedThreadPool(WORKER_THREADS, namedDaemons("yclients-simulator-" + instance + "-"));
        List<Route> routes = ApiRoutes.all(data, accounts, bookingForms, webhooks);
        server.createContext("/", new ApiHandler(routes, accounts, faults, rateLimit, log, clock, () -> language));
        server.setExecutor(workers);
        server.start();
    }

    /** Starts on a free loopback port. */
    public static YClientsSimulator start() {
        return start(0);
    }

    /** Starts on this loopback port (0 picks a free one). */
    public static YClientsSimulator start(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("not a port: " + port);
        }
        try {
            return new YClientsSimulator(port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the YClients simulator on 127.0.0.1:" + port, e);
        }
    }

    /** {@code http://127.0.0.1:<port>/api/v1}, the base URL a client is configured with. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port() + ApiHandler.API_PREFIX);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops listening at once; requests held by latency faults are dropped without an answer. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            workers.shutdownNow();
            webhooks.close();
        }
    }

    // ---- credentials ----------------------------------------------------------------------------------------------

    /** Accepts another partner token besides {@link SimulatorDefaults#PARTNER_TOKEN}. */
    public YClientsSimulator acceptPartnerToken(String token) {
        accounts.acceptPartnerToken(token);
        return this;
    }

    /** A user who can log in with {@code POST /auth} and manages exactly these companies. */
    public YClientsSimulator addUser(String login, String password, String userToken, long... managedCompanyIds) {
        accounts.addUser(login, password, userToken, managedCompanyIds);
        return this;
    }

    /** That user now gets 403 "No company management rights" for that company. */
    public YClientsSimulator revokeRights(String userToken, long companyId) {
        accounts.revokeRights(userToken, companyId);
        return this;
    }

    public YClientsSimulator grantRights(String userToken, long companyId) {
        accounts.grantRights(userToken, companyId);
        return this;
    }

    /** While on, {@code POST /auth} for this login answers 200 with {@code data.uuid} and no token. */
    public YClientsSimulator requireTwoFactor(String login, boolean on) {
        accounts.requireTwoFactor(login, on);
        return this;
    }

    /** What a password change does: the old user token stops working and this one takes its place. */
    public YClientsSimulator rotateUserToken(String oldToken, String newToken) {
        accounts.rotateUserToken(oldToken, newToken);
        data.loyalty().tokenRotated(oldToken, newToken);
        return this;
    }

    /** YClients' Russian texts ({@link MessageLanguage#RU}, the default) or Altegio's English ones. */
    public YClientsSimulator messages(MessageLanguage messages) {
        this.language = Objects.requireNonNull(messages, "messages");
        return this;
    }

    public MessageLanguage messages() {
        return language;
    }

    // ---- data, time, faults, requests, webhooks -------------------------------------------------------------------

    public SimulatorData data() {
        return data;
    }

    public YClientsSimulator seed(SimulatorSeed seed) {
        seed.applyTo(data);
        return this;
    }

    public MovableClock clock() {
        return clock;
    }

    /**
     * Refuses API requests beyond {@code perSecond} in any second or {@code perMinute} in any minute of the
     * simulator's clock with 429 and {@code Retry-After}, as YClients does (0 turns a window off). Off by default.
     */
    public YClientsSimulator enforceRateLimit(int perSecond, int perMinute) {
        rateLimit.limit(perSecond, perMinute);
        return this;
    }

    /** Requests refused by {@link #enforceRateLimit} since it was last set. */
    public long rateLimitedCount() {
        return rateLimit.refused();
    }

    public Faults faults() {
        return faults;
    }

    /** Every request received, in arrival order. */
    public List<RecordedRequest> requests() {
        return log.snapshot();
    }

    public int requestCount() {
        return log.size();
    }

    public void clearRequests() {
        log.clear();
    }

    /** Chains, card types, cards and their transactions, and what a salon does to cards at its till. */
    public LoyaltyCards loyalty() {
        return data.loyalty();
    }

    /** The online-booking forms: which companies confirm phones by SMS, and the codes "sent". */
    public BookingForms bookingForms() {
        return bookingForms;
    }

    public Webhooks webhooks() {
        return webhooks;
    }

    @Override
    public String toString() {
        return "YClientsSimulator[" + baseUri() + (closed.get() ? ", closed" : "") + "]";
    }

    private static InetAddress loopback() throws UnknownHostException {
        // Explicitly IPv4, so baseUri() is right even where localhost resolves to ::1 first.
        return InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
    }

    private static ThreadFactory namedDaemons(String prefix) {
        AtomicInteger next = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + next.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
