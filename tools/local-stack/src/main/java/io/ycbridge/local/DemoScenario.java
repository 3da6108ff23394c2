package io.ycbridge.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ycbridge.simulator.LoyaltyCards;
import io.ycbridge.simulator.SimulatorSeed;
import io.ycbridge.simulator.YClientsSimulator;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The local-only controls that stand in for a salon administrator in YClients: book a visit, mark it done and paid.
 * Each changes the simulator's data and then delivers the webhook YClients would send to our own webhook URL, so the
 * rest of the path (intake, stream, accrual) runs exactly as deployed.
 */
final class DemoScenario {
    /** Ольга, client 4005 of Demo Salon: her phone is in no other user's profile and she has no paid visit yet. */
    static final long CLIENT_ID = 4005;
    static final String CLIENT_PHONE = "+79165550000";
    static final long STAFF_ID = 55;
    static final long SERVICE_ID = 301;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final YClientsSimulator simulator;
    private final Supplier<URI> webhookUrl;

    DemoScenario(YClientsSimulator simulator, Supplier<URI> webhookUrl) {
        this.simulator = simulator;
        this.webhookUrl = webhookUrl;
    }

    /** {@code POST /local/book}, body optional: {@code {"company":235564,"client":4005,"staff":55,"services":[301],"start":"2026-11-25T12:00"}}. */
    LocalApiServer.Answer book(Map<String, String> path, Map<String, String> query, byte[] body) throws IOException {
        JsonNode request = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        long company = request.path("company").asLong(SimulatorSeed.DEMO_SALON_ID);
        long client = request.path("client").asLong(CLIENT_ID);
        long staff = request.path("staff").asLong(STAFF_ID);
        List<Long> services = new ArrayList<>();
        request.path("services").forEach(service -> services.add(service.asLong()));
        if (services.isEmpty()) {
            services.add(SERVICE_ID);
        }
        LocalDateTime start = request.hasNonNull("start") ? LocalDateTime.parse(request.path("start").asText())
                : LocalDateTime.of(LocalDate.now(ZoneId.of("Europe/Moscow")).plusDays(1), LocalTime.NOON);
        long record;
        synchronized (simulator) {
            tick();
            try {
                record = simulator.data().createRecord(company, client, staff, services, start);
            } catch (IllegalArgumentException unknown) {
                throw new LocalApiServer.Refusal(400, unknown.getMessage());
            }
        }
        return delivered(company, record, "create");
    }

    /** {@code POST /local/visits/{record}/complete[?company=235564]}: the client came and paid in full. */
    LocalApiServer.Answer complete(Map<String, String> path, Map<String, String> query, byte[] body) {
        long company = Long.parseLong(query.getOrDefault("company", Long.toString(SimulatorSeed.DEMO_SALON_ID)));
        long record = recordId(path);
        synchronized (simulator) {
            if (!simulator.data().recordIds(company).contains(record)) {
                throw new LocalApiServer.Refusal(404, "no record " + record + " in company " + company + " of the simulator");
            }
            tick();
            simulator.data().completeVisit(company, record, true);
        }
        return delivered(company, record, "update");
    }

    /**
     * {@code POST /local/visits/{record}/spend[?company=235564]}, body {@code {"amount": 50}}: the cashier pays part of the
     * visit with the client's loyalty card, as YClients' checkout does. It reaches the app's balance the way it would
     * deployed: the next loyalty cycle reads it back from the chain's transactions ({@code POST /local/sync} runs one now).
     */
    LocalApiServer.Answer spend(Map<String, String> path, Map<String, String> query, byte[] body) throws IOException {
        long company = Long.parseLong(query.getOrDefault("company", Long.toString(SimulatorSeed.DEMO_SALON_ID)));
        long record = recordId(path);
        JsonNode request = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        BigDecimal amount;
        try {
            amount = new BigDecimal(request.path("amount").asText(""));
        } catch (NumberFormatException e) {
            throw new LocalApiServer.Refusal(400, "amount is required: the bonus to spend, e.g. {\"amount\": 50}");
        }
        if (amount.signum() <= 0) {
            throw new LocalApiServer.Refusal(400, "amount must be more than 0");
        }
        LoyaltyCards.Transaction spent;
        synchronized (simulator) {
            if (!simulator.data().recordIds(company).contains(record)) {
                throw new LocalApiServer.Refusal(404, "no record " + record + " in company " + company + " of the simulator");
            }
            tick();
            spent = simulator.loyalty().spend(company, record, amount).orElseThrow(() -> new LocalApiServer.Refusal(409,
                    "the visit's client has no loyalty card in the company's chain yet: complete a visit of a linked app user first"));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("company", company);
        answer.put("record", record);
        answer.put("card", spent.cardId());
        answer.put("spent", spent.amount().toPlainString());
        answer.put("cardBalance", simulator.loyalty().card(spent.cardId()).map(card -> card.balance().toPlainString()).orElse(null));
        answer.put("next", "POST /local/sync reads it back; GET /v1/me/bonus then shows it as a REDEMPTION");
        return new LocalApiServer.Answer(200, answer);
    }

    private static long recordId(Map<String, String> path) {
        try {
            return Long.parseLong(path.get("record"));
        } catch (NumberFormatException e) {
            throw new LocalApiServer.Refusal(400, "the record id is a number");
        }
    }

    private LocalApiServer.Answer delivered(long company, long record, String status) {
        int answer = simulator.webhooks().deliver(webhookUrl.get(), company, record, status);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("company", company);
        body.put("record", record);
        body.put("webhook", status);
        body.put("webhookStatus", answer);
        return new LocalApiServer.Answer(answer == 200 ? 200 : 502, body);
    }

    /**
     * Moves the simulator's clock to now, and at least a second on: change dates have whole seconds, and the record
     * store refuses a version that is not newer than the one it holds.
     */
    private void tick() {
        Instant next = simulator.clock().now().plusSeconds(1);
        Instant now = Instant.now();
        simulator.clock().set(now.isAfter(next) ? now : next);
    }
}
