package io.ycbridge.local;

import io.ycbridge.simulator.SimulatorSeed;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * What {@code ./ycbridge local} prints once it is up: the URLs, the webhook URL, the sample token (printed here and
 * nowhere else) and the guided scenario as copy-paste commands. The scenario's phone is the simulator's demo client,
 * not a person's.
 */
final class StartBanner {
    /** The demo salon's zone (the seed's Europe/Moscow): tomorrow and noon are its own. */
    private static final ZoneId DEMO_ZONE = ZoneId.of("Europe/Moscow");

    private StartBanner() {
    }

    static String text(LocalStack stack) {
        String base = stack.baseUrl().toString();
        LocalSettings settings = stack.settings();
        StringBuilder out = new StringBuilder();
        out.append('\n').append("ycbridge is running locally (no AWS account, no Docker). Ctrl-C stops it.\n\n");
        out.append("  HTTP API        ").append(base).append("   (routes from template.yaml, payload format 2.0)\n");
        out.append("  Webhook URL     ").append(stack.webhookUrl()).append('\n');
        if (stack.simulated()) {
            out.append("  YClients        simulator at ").append(stack.simulatorUrl()).append(", demo seed (companies ")
                    .append(SimulatorSeed.DEMO_SALON_ID).append(", ").append(SimulatorSeed.DEMO_BRANCH_ID).append(")\n");
        } else {
            out.append("  YClients        the real API, credentials from ").append(LocalSettings.FILE_NAME).append(" or the environment\n");
        }
        out.append("  DynamoDB        DynamoDB Local in-process, every table from TableDefinitions\n");
        out.append("  Sync            every ").append(settings.syncEvery().toMinutes()).append(" min, now: curl -X POST ")
                .append(base).append("/local/sync\n");
        out.append("  Bonus accrual   fed by the RecordsTable stream\n");
        out.append("  Loyalty cards   ").append(stack.simulated() ? "the demo chain " + SimulatorSeed.DEMO_CHAIN_ID + "'s cards, fed by the BonusLedgerTable stream;"
                + " spends read back by each sync" : "as LOYALTY_CARDS says (off when empty)").append('\n');
        out.append("  SMS             printed here, not sent (POST /v1/me/phone/verification texts a code)\n");
        out.append("  Domain events   printed here as the bus gets them, from the RecordsTable and BonusLedgerTable streams\n");
        out.append("  Push            printed here, not sent, to the devices PUT /v1/me/devices registers (PUSH_EVENTS, no quiet hours)\n");
        out.append("  JWT             issuer ").append(settings.issuer()).append(", audience ").append(settings.audience())
                .append(", HS256\n\n");
        out.append("Sample user token (sub ").append(LocalStack.SAMPLE_USER).append(", verified phone ").append(DemoScenario.CLIENT_PHONE)
                .append(", valid 24 h):\n\n");
        out.append("export TOKEN=").append(stack.sampleToken()).append("\n\n");
        if (!stack.simulated()) {
            out.append("Try: curl -H \"Authorization: Bearer $TOKEN\" '").append(base).append("/v1/catalog?company=<id>'\n");
            return out.toString();
        }
        long company = SimulatorSeed.DEMO_SALON_ID;
        LocalDate tomorrow = LocalDate.now(DEMO_ZONE).plusDays(1);
        String time = tomorrow.atTime(12, 0).atZone(DEMO_ZONE).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        out.append("Guided scenario (free times -> book -> visit completes -> see bonus -> spend it at the counter):\n\n");
        out.append("# 1. Link your profile to the demo client's phone (the token's verified phone claim proves it)\n");
        out.append("curl -X PUT ").append(base).append("/v1/me/profile -H \"Authorization: Bearer $TOKEN\" \\\n")
                .append("     -H 'Content-Type: application/json' -d '{\"name\":\"Olga\",\"phone\":\"")
                .append(DemoScenario.CLIENT_PHONE).append("\"}'\n");
        out.append("#    and register a device for pushes (any token: the local SNS keeps it, prints what it would push)\n");
        out.append("curl -X PUT ").append(base).append("/v1/me/devices -H \"Authorization: Bearer $TOKEN\" \\\n")
                .append("     -H 'Content-Type: application/json' -d '{\"platform\":\"fcm\",\"token\":\"my-phone\",\"locale\":\"en\"}'\n");
        out.append("# 2. Tomorrow's free times for the service with master ").append(DemoScenario.STAFF_ID).append("\n");
        out.append("curl -H \"Authorization: Bearer $TOKEN\" '").append(base).append("/v1/booking/times?company=").append(company)
                .append("&service=").append(DemoScenario.SERVICE_ID).append("&staff=").append(DemoScenario.STAFF_ID)
                .append("&date=").append(tomorrow).append("'\n");
        out.append("# 3. Book one natively: your name and phone are filled in, the webhook brings the record\n");
        out.append("curl -X POST ").append(base).append("/v1/bookings -H \"Authorization: Bearer $TOKEN\" -H 'Idempotency-Key: demo-1' \\\n")
                .append("     -H 'Content-Type: application/json' -d '{\"company\":").append(company).append(",\"services\":[")
                .append(DemoScenario.SERVICE_ID).append("],\"staff\":").append(DemoScenario.STAFF_ID).append(",\"datetime\":\"")
                .append(time).append("\"}'\n");
        out.append("# 4. Your visits; then the salon completes it, paid in full (the \"recordId\" of step 3)\n");
        out.append("curl -H \"Authorization: Bearer $TOKEN\" ").append(base).append("/v1/me/visits\n");
        out.append("curl -X POST ").append(base).append("/local/visits/<recordId>/complete\n");
        out.append("# 5. See the bonus; it is on your YClients loyalty card too, where the cashier sees it\n");
        out.append("curl -H \"Authorization: Bearer $TOKEN\" ").append(base).append("/v1/me/bonus\n");
        out.append("# 6. The cashier takes 50 of it off the visit; the next sync reads the spend back into your balance\n");
        out.append("curl -X POST ").append(base).append("/local/visits/<recordId>/spend -H 'Content-Type: application/json' -d '{\"amount\":50}'\n");
        out.append("curl -X POST ").append(base).append("/local/sync\n");
        out.append("curl -H \"Authorization: Bearer $TOKEN\" ").append(base).append("/v1/me/bonus\n\n");
        return out.toString();
    }
}
