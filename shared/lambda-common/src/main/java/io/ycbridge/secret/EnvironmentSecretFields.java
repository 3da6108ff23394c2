package io.ycbridge.secret;

import io.ycbridge.config.EnvVar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The secret's fields as environment variables (local stack): {@code YCLIENTS_PARTNER_TOKEN} and friends. */
final class EnvironmentSecretFields implements SecretFields {
    static final Map<String, EnvVar> NAMES = Map.of(
            YClientsSecret.PARTNER_TOKEN, EnvVar.YCLIENTS_PARTNER_TOKEN,
            YClientsSecret.USER_TOKEN, EnvVar.YCLIENTS_USER_TOKEN,
            YClientsSecret.LOGIN, EnvVar.YCLIENTS_LOGIN,
            YClientsSecret.PASSWORD, EnvVar.YCLIENTS_PASSWORD,
            YClientsSecret.BRAND, EnvVar.YCLIENTS_BRAND,
            YClientsSecret.BASE_URL, EnvVar.YCLIENTS_BASE_URL,
            YClientsSecret.COMPANIES, EnvVar.COMPANY_IDS,
            YClientsSecret.WEBHOOK_TOKEN, EnvVar.YCLIENTS_WEBHOOK_TOKEN);

    private final Function<String, Optional<String>> lookup;
    private final String where;

    EnvironmentSecretFields(Function<String, Optional<String>> lookup, String where) {
        this.lookup = lookup;
        this.where = where;
    }

    @Override
    public Optional<String> text(String key) {
        return lookup.apply(nameOf(key)).map(String::strip).filter(value -> !value.isEmpty());
    }

    @Override
    public Optional<List<Long>> ids(String key) {
        return text(key).map(text -> {
            List<Long> ids = new ArrayList<>();
            for (String part : text.split(",")) {
                String id = part.strip();
                if (!id.matches("\\d{1,18}") || Long.parseLong(id) <= 0) {
                    throw new SecretFormatException(nameOf(key), where + ": " + nameOf(key)
                            + " must be positive company ids separated by commas, e.g. 235564,240012");
                }
                ids.add(Long.parseLong(id));
            }
            return List.copyOf(ids);
        });
    }

    @Override
    public String nameOf(String key) {
        EnvVar variable = NAMES.get(key);
        return variable == null ? key : variable.name();
    }

    @Override
    public String where() {
        return where;
    }
}
