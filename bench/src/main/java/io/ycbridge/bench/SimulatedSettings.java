package io.ycbridge.bench;

import io.ycbridge.config.EnvVar;
import io.ycbridge.localaws.LocalDynamoDb;
import io.ycbridge.simulator.SimulatorDefaults;
import io.ycbridge.simulator.YClientsSimulator;
import io.ycbridge.table.TableDefinition;
import io.ycbridge.table.TableDefinitions;
import java.util.HashMap;
import java.util.Map;

/**
 * The functions' settings for a bench against the simulator and DynamoDB Local: every table (created once, named by
 * its logical id), the simulator's secret from the environment, and rate limits so high that the shared limiter costs
 * its DynamoDB write but never waits.
 */
final class SimulatedSettings {
    private SimulatedSettings() {
    }

    static Map<String, String> of(YClientsSimulator sim, LocalDynamoDb local) {
        Map<String, String> environment = new HashMap<>();
        for (TableDefinition table : TableDefinitions.all()) {
            try {
                table.create(local.client(), table.logicalId());
            } catch (software.amazon.awssdk.services.dynamodb.model.ResourceInUseException exists) {
                // made by an earlier call on the same DynamoDB Local
            }
            environment.put(table.nameVariable().name(), table.logicalId());
        }
        environment.put(EnvVar.AWS_REGION.name(), LocalDynamoDb.REGION.id());
        environment.put(EnvVar.AWS_ENDPOINT_URL.name(), local.endpoint().toString());
        environment.put(EnvVar.YCLIENTS_SECRET_SOURCE.name(), "env");
        environment.put(EnvVar.YCLIENTS_PARTNER_TOKEN.name(), SimulatorDefaults.PARTNER_TOKEN);
        environment.put(EnvVar.YCLIENTS_USER_TOKEN.name(), SimulatorDefaults.USER_TOKEN);
        environment.put(EnvVar.YCLIENTS_BASE_URL.name(), sim.baseUri().toString());
        environment.put(EnvVar.YCLIENTS_RATE_PER_SECOND.name(), "100000");
        environment.put(EnvVar.YCLIENTS_RATE_PER_MINUTE.name(), "1000000");
        environment.put(EnvVar.BONUS_PERCENT.name(), "5");
        return environment;
    }
}
