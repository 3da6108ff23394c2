package io.ycbridge.sync;

import io.ycbridge.yclients.YClientsClient;
import java.util.function.Function;

/**
 * The YClients API for one call: {@code YClientsAccess::call} in Lambda (credentials from the secret, refreshed once
 * on a 401), a client on the simulator in tests.
 */
@FunctionalInterface
public interface CompanyApi {
    <T> T call(Function<YClientsClient, T> action);

    /** Always this client; for tests and benchmarks. */
    static CompanyApi of(YClientsClient client) {
        return new CompanyApi() {
            @Override
            public <T> T call(Function<YClientsClient, T> action) {
                return action.apply(client);
            }
        };
    }
}
