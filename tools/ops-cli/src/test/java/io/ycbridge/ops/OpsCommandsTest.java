package io.ycbridge.ops;

import static io.ycbridge.simulator.SimulatorSeed.DEMO_SALON_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.localaws.LocalDynamoDb;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalDynamoDbExtension.class)
class OpsCommandsTest {
    private final LocalDynamoDb dynamoDb;
    private OpsFixture fixture;

    OpsCommandsTest(LocalDynamoDb dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    @BeforeEach
    void start() throws IOException {
        fixture = new OpsFixture(dynamoDb);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private OpsFixture.Result run(String... args) {
        OpsFixture.Result result = fixture.run(args);
        System.out.println("---- " + String.join(" ", args).replace(OpsFixture.WEBHOOK_TOKEN, "<token>") + " (exit " + result.code()
                + ")\n" + result.all());
        assertFalse(result.all().contains(OpsFixture.WEBHOOK_TOKEN));
        assertFalse(result.all().contains("sim-user-token"));
        return result;
    }

    @Test
    void setupWebhookDryRunWritesNothingAndTheRealRunIsIdempotent() {
        String before = fixture.sim.data().hookSettingsJson(DEMO_SALON_ID).map(Object::toString).orElse("");
        OpsFixture.Result dry = run("setup-webhook", "--url", fixture.webhookUrl(), "--dry-run");
        assertEquals(0, dry.code());
        assertTrue(dry.out().contains("would change"));
        assertEquals(before, fixture.sim.data().hookSettingsJson(DEMO_SALON_ID).map(Object::toString).orElse(""));
        assertFalse(fixture.sim.requests().stream().anyMatch(r -> r.method().equals("POST")));

        OpsFixture.Result first = run("setup-webhook", "--url", fixture.webhookUrl());
        assertEquals(0, first.code());
        assertTrue(first.out().contains("record events now go to"));
        fixture.sim.clearRequests();
        OpsFixture.Result second = run("setup-webhook", "--url", fixture.webhookUrl());
        assertEquals(0, second.code());
        assertTrue(second.out().contains("already go to"));
        assertFalse(fixture.sim.requests().stream().anyMatch(r -> r.method().equals("POST")));
    }

    @Test
    void syncThenReplayIsIdempotentAndStatusShowsTheRun() {
        OpsFixture.Result sync = run("sync", "--company", "235564");
        assertEquals(0, sync.code(), sync.all());
        assertTrue(sync.out().contains("company 235564: OK"));
        assertTrue(sync.out().contains("service"));
        OpsFixture.Result backfill = run("sync", "--company", "235564", "--from", "2026-11-01", "--to", "2026-11-03");
        assertEquals(0, backfill.code(), backfill.all());
        assertTrue(backfill.err().contains("3/3 days"));

        OpsFixture.Result replay = run("replay", "--company", "235564", "--from", "2026-01-01", "--to", "2027-01-01");
        assertEquals(0, replay.code());
        assertTrue(replay.out().contains("created 0, updated 0, already stored 8"), replay.out());
        OpsFixture.Result again = run("replay", "--company", "235564", "--from", "2026-01-01", "--to", "2027-01-01");
        assertEquals(replay.out(), again.out());

        assertEquals(0, run("doctor", "--webhook-url", fixture.webhookUrl()).code() >= 0 ? 0 : 1);
        OpsFixture.Result status = run("status");
        assertEquals(0, status.code(), status.all());
        assertTrue(status.out().contains("last successful sync:  20"));
        assertTrue(status.out().contains("history back-fill:     complete (records changed 20"), status.out());
        assertTrue(status.out().contains("the doctor's test delivery"));
    }

    @Test
    void replayIntoAnEmptyTableCreatesThenFindsEverythingStored() {
        run("sync", "--company", "235564");
        String restored = fixture.recordsTable;
        fixture.env.put("RECORDS_TABLE", new OpsFixture.TableMaker(dynamoDb).records());
        OpsFixture.Result first = run("replay", "--company", "235564", "--from", "2026-01-01", "--to", "2027-01-01",
                "--source-table", restored);
        assertTrue(first.out().contains("read 8: created 8"), first.out());
        OpsFixture.Result second = run("replay", "--company", "235564", "--from", "2026-01-01", "--to", "2027-01-01",
                "--source-table", restored);
        assertTrue(second.out().contains("read 8: created 0, updated 0, already stored 8"), second.out());
    }
}
