package io.ycbridge.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.ycbridge.config.Config;
import io.ycbridge.config.ConfigException;
import io.ycbridge.event.DomainEvent;
import io.ycbridge.event.EventType;
import io.ycbridge.localaws.LocalDynamoDb;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * BonusExpiring through the loyalty cycle over the card world: a visit's bonus is mirrored to the card, the clock runs
 * to a week before the programme burns it, and the cycle tells the app once, with what the counter left of it.
 */
@ExtendWith(LocalDynamoDbExtension.class)
class BonusExpiryNoticesTest {
    private static final Duration LIFETIME = Duration.ofDays(30);
    private final LocalDynamoDb local;
    private CardWorld world;

    BonusExpiryNoticesTest(LocalDynamoDb local) {
        this.local = local;
    }

    @BeforeEach
    void world() throws Exception {
        world = new CardWorld(local);
        world.expiry = new BonusExpirySettings(LIFETIME, Duration.ofDays(7), ZoneId.of("Europe/Moscow"));
        world.accrue(world.paidVisit("1500.00"));
        world.settle();
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void aWeekBeforeTheBurnTheAppIsToldOnceWithTheAmountAndTheTime() throws Exception {
        world.simulator.clock().advance(Duration.ofDays(22));
        LoyaltyCycle.Summary early = world.runCycle();
        assertTrue(world.events.isEmpty(), "eight days ahead: " + world.events);
        assertTrue(early.expiryNotices().dayDone());

        world.simulator.clock().advance(Duration.ofDays(1));
        LoyaltyCycle.Summary due = world.runCycle();

        assertEquals(1, due.expiryNotices().notices());
        DomainEvent notice = world.events.getFirst();
        assertEquals(EventType.BONUS_EXPIRING, notice.type());
        assertEquals(CardWorld.USER, notice.userId());
        assertEquals(CardWorld.SALON, notice.companyId());
        assertEquals(new BigDecimal("75.00"), notice.bonus().amount().setScale(2));
        assertEquals(OffsetDateTime.parse("2027-01-07T10:00:00+03:00"), notice.bonus().expiresAt(), "the accrual's version plus the lifetime, in Moscow");
        assertTrue(schema().validate(notice.detail()).isEmpty(), notice.detail().toString());

        world.runCycle();
        world.simulator.clock().advance(Duration.ofDays(1));
        world.runCycle();
        assertEquals(1, world.events.size(), "later runs, that day and the next, tell no more: " + world.events);
    }

    @Test
    void whatWasSpentAtTheCounterIsNotToldAsExpiring() throws Exception {
        world.loyalty().manualBySalon(world.card().id(), new BigDecimal("-30"), "spent at the desk");
        world.simulator.clock().advance(Duration.ofDays(23));

        world.runCycle();

        assertEquals(new BigDecimal("45.00"), world.appBalance(), "the spend came back through the feed");
        assertEquals(new BigDecimal("45.00"), world.events.getFirst().bonus().amount().setScale(2));
    }

    @Test
    void noNoticeBeforeTenInTheCompanysZoneNorWhenTheLifetimeIsUnset() throws Exception {
        world.simulator.clock().advance(Duration.ofDays(23).minusHours(1));
        world.runCycle();
        assertTrue(world.events.isEmpty(), "09:00 in Moscow");

        world.expiry = new BonusExpirySettings(null, Duration.ofDays(7), ZoneId.of("Europe/Moscow"));
        world.simulator.clock().advance(Duration.ofHours(2));
        assertFalse(world.runCycle().expiryNotices().dayDone());
        assertTrue(world.events.isEmpty(), "BONUS_EXPIRY_DAYS unset");
    }

    /** Through the function's trigger, a schedule tick (the event file): the ledger's scan and the refused mark's delete are the deployed function's calls. */
    @Test
    void aRefusedNoticeIsGivenByTheNextTick() throws Exception {
        world.simulator.clock().advance(Duration.ofDays(23));
        world.busRefuses = true;
        JsonNode refused = world.tick().path("expiryNotices");
        assertFalse(refused.path("dayDone").asBoolean(true), "a refusal leaves the day open: " + refused);
        assertEquals(0, refused.path("notices").asInt(-1), refused.toString());
        assertTrue(world.logs.all().contains("NOTICE_REFUSED"), world.logs.all());

        world.busRefuses = false;
        world.simulator.clock().advance(Duration.ofMinutes(30));
        JsonNode next = world.tick().path("expiryNotices");

        assertEquals(1, next.path("notices").asInt(), next.toString());
        assertTrue(next.path("dayDone").asBoolean(), next.toString());
        assertEquals(1, world.events.size());
        assertFalse(world.logs.all().contains(CardWorld.PHONE), "no phone in the logs");
    }

    @Test
    void theSettingsRefuseANoticeLongerThanTheLifetime() {
        Config config = Config.of(Map.of("BONUS_EXPIRY_DAYS", "5", "BONUS_EXPIRY_NOTICE_DAYS", "7"));
        Executable read = () -> BonusExpirySettings.from(config);
        ConfigException refused = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class, read);
        assertTrue(refused.getMessage().contains("must be shorter"), refused.getMessage());
        assertFalse(BonusExpirySettings.from(Config.of(Map.of())).enabled());
        assertEquals(Duration.ofDays(60), BonusExpirySettings.from(Config.of(Map.of("BONUS_EXPIRY_DAYS", "60"))).lifetime());
    }


    private static Schema schema() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("../../schemas/events/BonusExpiring.json"))) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
    }
}
