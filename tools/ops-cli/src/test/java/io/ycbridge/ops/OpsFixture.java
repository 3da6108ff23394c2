package io.ycbridge.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.ycbridge.bonus.BonusAccrualService;
import io.ycbridge.bonus.BonusLedgerStore;
import io.ycbridge.bonus.BonusRules;
import io.ycbridge.bonus.CompanyBonusRules;
import io.ycbridge.bonus.UserLinkStore;
import io.ycbridge.loyalty.LoyaltyCardsStore;
import io.ycbridge.localaws.LocalDynamoDb;
import io.ycbridge.record.RecordNormalizer;
import io.ycbridge.record.RecordSource;
import io.ycbridge.record.RecordStore;
import io.ycbridge.simulator.SimulatorDefaults;
import io.ycbridge.simulator.SimulatorSeed;
import io.ycbridge.simulator.YClientsSimulator;
import io.ycbridge.table.TableDefinition;
import io.ycbridge.table.TableDefinitions;
import io.ycbridge.yclients.ApiJson;
import io.ycbridge.yclients.model.Record;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulator (demo seed), DynamoDB Local tables, a booking-form host and a stand-in for the deployed webhook
 * function (parses the delivery as YClients sends it and stores it through RecordStore.upsert), and the environment
 * a local run of the functions would have.
 */
final class OpsFixture implements AutoCloseable {
    static final String WEBHOOK_TOKEN = "test-webhook-token-0123456789";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final ObjectMapper JSON = ApiJson.mapper();

    final YClientsSimulator sim = YClientsSimulator.start();
    final HttpServer web;
    final Map<String, String> env = new HashMap<>();
    final RecordStore records;
    final String recordsTable;
    final String stateTable;
    private final LocalDynamoDb dynamoDb;

    OpsFixture(LocalDynamoDb dynamoDb) throws IOException {
        this.dynamoDb = dynamoDb;
        sim.seed(SimulatorSeed.demo());
        recordsTable = create(dynamoDb, TableDefinitions.RECORDS);
        stateTable = create(dynamoDb, TableDefinitions.SYNC_STATE);
        String catalogTable = create(dynamoDb, TableDefinitions.CATALOG);
        records = new RecordStore(dynamoDb.client(), recordsTable);
        web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        web.createContext("/company/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        web.createContext("/v1/yclients/webhook/", exchange -> {
            int status;
            if (!exchange.getRequestURI().getPath().endsWith("/" + WEBHOOK_TOKEN)) {
                status = 401;
            } else {
                JsonNode event = JSON.readTree(exchange.getRequestBody());
                Record record = JSON.treeToValue(event.get("data"), Record.class);
                records.upsert(RecordNormalizer.russia().normalize(event.get("company_id").asLong(), record, ZoneId.of("Europe/Moscow"),
                        RecordSource.WEBHOOK));
                status = 200;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        web.start();
        env.put("YCLIENTS_SECRET_SOURCE", "env");
        env.put("YCLIENTS_PARTNER_TOKEN", SimulatorDefaults.PARTNER_TOKEN);
        env.put("YCLIENTS_USER_TOKEN", SimulatorDefaults.USER_TOKEN);
        env.put("YCLIENTS_BASE_URL", sim.baseUri().toString());
        env.put("YCLIENTS_WEBHOOK_TOKEN", WEBHOOK_TOKEN);
        env.put("COMPANY_IDS", "235564");
        env.put("BOOKING_FORMS", "235564:" + webHost());
        env.put("AWS_REGION", LocalDynamoDb.REGION.id());
        env.put("AWS_ENDPOINT_URL", dynamoDb.endpoint().toString());
        env.put("RECORDS_TABLE", recordsTable);
        env.put("SYNC_STATE_TABLE", stateTable);
        env.put("CATALOG_TABLE", catalogTable);
    }

    /**
     * The ledger, user links and loyalty cards tables in the environment, and LOYALTY_CARDS naming the demo salon with
     * the demo chain's card type, as a stack with cards switched on has them.
     */
    CardTables loyaltyCards() {
        String ledger = create(dynamoDb, TableDefinitions.BONUS_LEDGER);
        String links = create(dynamoDb, TableDefinitions.USER_LINKS);
        String cards = create(dynamoDb, TableDefinitions.LOYALTY_CARDS);
        env.put("BONUS_LEDGER_TABLE", ledger);
        env.put("USER_LINKS_TABLE", links);
        env.put("LOYALTY_CARDS_TABLE", cards);
        env.put("LOYALTY_CARDS", SimulatorSeed.DEMO_SALON_ID + ":" + SimulatorSeed.DEMO_CHAIN_ID + ":" + SimulatorSeed.DEMO_CARD_TYPE_ID);
        return new CardTables(new BonusLedgerStore(dynamoDb.client(), ledger), new UserLinkStore(dynamoDb.client(), links),
                new LoyaltyCardsStore(dynamoDb.client(), cards));
    }

    String webHost() {
        return "127.0.0.1:" + web.getAddress().getPort();
    }

    String webhookUrl() {
        return "http://" + webHost() + "/v1/yclients/webhook/" + WEBHOOK_TOKEN;
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new OpsCli(env, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Clock.systemUTC()).run(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String create(LocalDynamoDb dynamoDb, TableDefinition definition) {
        String name = definition.logicalId() + "-" + ProcessHandle.current().pid() + "-ops-" + SEQUENCE.incrementAndGet();
        definition.create(dynamoDb.client(), name);
        return name;
    }

    @Override
    public void close() {
        sim.close();
        web.stop(0);
    }

    /** Another records table, e.g. the one a point-in-time restore would replay into. */
    record TableMaker(LocalDynamoDb dynamoDb) {
        String records() {
            return create(dynamoDb, TableDefinitions.RECORDS);
        }
    }

    /** What {@link #loyaltyCards} made. */
    record CardTables(BonusLedgerStore ledger, UserLinkStore links, LoyaltyCardsStore cards) {
        /** As the profile route links a phone the user proved: the mirror finds or issues the card by it. */
        void linkProvenPhone(String userId, String e164) {
            new BonusAccrualService(ledger, links, CompanyBonusRules.uniform(BonusRules.percent("5"))).linkProvenPhone(userId, e164);
        }
    }

    record Result(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }
}
