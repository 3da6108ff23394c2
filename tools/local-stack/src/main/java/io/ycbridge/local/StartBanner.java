package io.ycbridge.local;

import io.ycbridge.simulator.SimulatorSeed;

/**
 * What {@code ./ycbridge local} prints once it is up: the URLs, the webhook URL, the sample token (printed here and
 * nowhere else) and the guided scenario as copy-paste commands. The scenario's phone is the simulator's demo client,
 * not a person's.
 */
final class StartBanner {
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
        out.append("  SMS             printed here, not sent (POST /v1/me/phone/verification texts a code)\n");
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
        out.append("Guided scenario (book -> complete visit -> see bonus):\n\n");
        out.append("# 1. Link your profile to the demo client's phone (the token's verified phone claim proves it)\n");
        out.append("curl -X PUT ").append(base).append("/v1/me/profile -H \"Authorization: Bearer $TOKEN\" \\\n")
                .append("     -H 'Content-Type: application/json' -d '{\"name\":\"Olga\",\"phone\":\"")
                .append(DemoScenario.CLIENT_PHONE).append("\"}'\n");
        out.append("# 2. Get a booking link, then book (the simulator records it and sends us the webhook)\n");
        out.append("curl -H \"Authorization: Bearer $TOKEN\" '").append(base).append("/v1/booking-url?company=").append(company)
                .append("&service=").append(DemoScenario.SERVICE_ID).append("'\n");
        out.append("curl -X POST ").append(base).append("/local/book\n");
        out.append("# 3. Complete the visit, paid in full (use the \"record\" id printed by step 2)\n");
        out.append("curl -X POST ").append(base).append("/local/visits/<record>/complete\n");
        out.append("# 4. See the bonus\n");
        out.append("curl -H \"Authorization: Bearer $TOKEN\" ").append(base).append("/v1/me/bonus\n\n");
        return out.toString();
    }
}
