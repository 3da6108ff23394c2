package io.ycbridge.ops;

import io.ycbridge.aws.AwsClients;
import io.ycbridge.aws.AwsSettings;
import io.ycbridge.aws.SsmParameter;
import io.ycbridge.bonus.BonusAccrualService;
import io.ycbridge.bonus.BonusRules;
import io.ycbridge.bonus.CompanyBonusRules;
import io.ycbridge.config.Config;
import io.ycbridge.config.ConfigException;
import io.ycbridge.config.DotEnvFile;
import io.ycbridge.config.EnvVar;
import io.ycbridge.loyalty.LoyaltySettings;
import io.ycbridge.secret.SecretSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The configuration the functions would see: the process environment, beneath it a {@code .env} file
 * ({@code --env-file}: its non-secret variables too, e.g. COMPANY_IDS, BOOKING_FORMS, RECORDS_TABLE), and the
 * credentials from the file or from Secrets Manager ({@code --secret-arn}); beneath all, with
 * {@code --settings-parameter} (or {@code SETTINGS_PARAMETER}), the deployed functions' own settings document from SSM.
 * The environment wins over the file, as in {@code EnvironmentSecretSource}, the file over the deployed settings; the
 * command-line options win over all.
 */
final class OpsEnvironment implements AutoCloseable {
    private final Config config;
    private final String origin;
    private AwsClients aws;

    private OpsEnvironment(Config config, String origin) {
        this.config = config;
        this.origin = origin;
    }

    static OpsEnvironment from(Map<String, String> processEnvironment, Args args) {
        Map<String, String> values = new HashMap<>();
        String origin = "the environment";
        Optional<String> envFile = args.value("--env-file");
        Optional<String> secretArn = args.value("--secret-arn");
        if (envFile.isPresent() && secretArn.isPresent()) {
            throw new UsageException("give either --env-file or --secret-arn, not both");
        }
        Optional<String> settings = args.value("--settings-parameter").or(() -> Optional.ofNullable(processEnvironment.get(EnvVar.SETTINGS_PARAMETER.name())))
                .filter(name -> !name.isBlank());
        if (settings.isPresent()) {
            // The deployed functions' settings lie beneath everything the operator gives here.
            values.putAll(deployedSettings(settings.get(), Config.of(processEnvironment)));
            origin = "the environment and settings " + settings.get();
        }
        if (envFile.isPresent()) {
            Path file = Path.of(envFile.get());
            values.putAll(readEnvFile(file));
            origin = origin + " and " + file;
        }
        values.putAll(processEnvironment);
        values.remove(EnvVar.SETTINGS_PARAMETER.name());
        if (envFile.isPresent()) {
            values.put(EnvVar.YCLIENTS_SECRET_SOURCE.name(), SecretSource.ENVIRONMENT);
            values.put(EnvVar.YCLIENTS_ENV_FILE.name(), envFile.get());
        }
        if (secretArn.isPresent()) {
            values.put(EnvVar.YCLIENTS_SECRET_SOURCE.name(), SecretSource.SECRETS_MANAGER);
            values.put(EnvVar.YCLIENTS_SECRET_ARN.name(), secretArn.get());
            origin = origin + " and secret " + secretArn.get();
        }
        return new OpsEnvironment(Config.of(values), origin);
    }

    private static Map<String, String> deployedSettings(String parameter, Config processEnvironment) {
        try {
            return DotEnvFile.parse(SsmParameter.named(parameter, AwsSettings.from(processEnvironment), UrlConnectionHttpClient.create()).value(),
                    "settings parameter " + parameter);
        } catch (java.io.UncheckedIOException | ConfigException e) {
            throw new UsageException("cannot read the deployed settings: " + e.getMessage()
                    + " (the stack's SettingsParameterName output; needs ssm:GetParameter and AWS_REGION)");
        }
    }

    Config config() {
        return config;
    }

    String origin() {
        return origin;
    }

    /** The secret source the functions would use; a configuration naming none is a usage error (exit 2). */
    SecretSource secretSource() {
        try {
            return SecretSource.fromConfig(config, () -> aws().secretsManager());
        } catch (ConfigException e) {
            throw new UsageException(e.getMessage() + "; or pass --env-file .env or --secret-arn ARN");
        }
    }

    AwsClients aws() {
        if (aws == null) {
            try {
                aws = AwsClients.from(config);
            } catch (ConfigException e) {
                throw new UsageException(e.getMessage() + " (AWS_REGION is needed to reach DynamoDB or Secrets Manager)");
            }
        }
        return aws;
    }

    String requireTable(EnvVar variable) {
        try {
            return config.require(variable);
        } catch (ConfigException e) {
            throw new UsageException(e.getMessage() + ": set it to the table's name (the stack's outputs list them)");
        }
    }

    /** A variable the command cannot do without; missing, it is a usage error naming where its value is found. */
    String require(EnvVar variable, String whereToFindIt) {
        try {
            return config.require(variable);
        } catch (ConfigException e) {
            throw new UsageException(e.getMessage() + ": set it to " + whereToFindIt);
        }
    }

    /**
     * Bonus accrual exactly as BonusAccrualFunction wires it ({@link BonusAccrualService#forAccrual}): the same tables
     * and the same rules, read from BONUS_* here — which must be the stack's values, or money is decided by other rules.
     */
    BonusAccrualService accrualService() {
        try {
            return BonusAccrualService.forAccrual(config, aws());
        } catch (ConfigException e) {
            throw new UsageException(e.getMessage() + " (the accrual function's environment: BONUS_LEDGER_TABLE, USER_LINKS_TABLE, "
                    + "CATALOG_TABLE and the BONUS_* rules exactly as deployed)");
        }
    }

    /** LOYALTY_CARDS as the loyalty functions read it: empty when unset, a usage error when it cannot be read. */
    LoyaltySettings loyaltySettings() {
        try {
            return LoyaltySettings.from(config);
        } catch (ConfigException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The rules accrual will apply, said once before it does: an operator compares them with the stack's parameters. */
    String rulesInForce(List<Long> companies) {
        CompanyBonusRules rules = CompanyBonusRules.from(config);
        // No company has id 0: its rules are the defaults.
        StringBuilder text = new StringBuilder("the rules ").append(describe(rules.forCompany(0)));
        for (long company : companies) {
            BonusRules own = rules.forCompany(company);
            if (!own.equals(rules.forCompany(0))) {
                text.append("; company ").append(company).append(": ").append(describe(own));
            }
        }
        return text.toString();
    }

    private static String describe(BonusRules rules) {
        return rules.percent().toPlainString() + " %, " + rules.scale() + " decimals " + rules.rounding() + ", cap per visit "
                + (rules.capPerVisit() == null ? "none" : rules.capPerVisit().toPlainString())
                + (rules.excludedServiceIds().isEmpty() ? "" : ", services excluded " + new java.util.TreeSet<>(rules.excludedServiceIds()))
                + (rules.excludedCategoryIds().isEmpty() ? "" : ", categories excluded " + new java.util.TreeSet<>(rules.excludedCategoryIds()));
    }

    /** COMPANY_IDS plus the secret's {@code companies}, in order, without repeats. */
    List<Long> companyIds(List<Long> fromSecret) {
        LinkedHashSet<Long> ids = new LinkedHashSet<>();
        config.optional(EnvVar.COMPANY_IDS).ifPresent(text -> {
            try {
                ids.addAll(config.requireIds(EnvVar.COMPANY_IDS));
            } catch (ConfigException e) {
                throw new UsageException(e.getMessage());
            }
        });
        ids.addAll(fromSecret);
        return new ArrayList<>(ids);
    }

    @Override
    public void close() {
        if (aws != null) {
            aws.close();
        }
    }

    private static Map<String, String> readEnvFile(Path file) {
        try {
            return DotEnvFile.read(file);
        } catch (IOException e) {
            throw new UsageException("cannot read the .env file " + file + ": " + e.getClass().getSimpleName());
        } catch (ConfigException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
