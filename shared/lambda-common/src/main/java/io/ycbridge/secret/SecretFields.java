package io.ycbridge.secret;

import java.util.List;
import java.util.Optional;

/**
 * The fields of the YClients secret as one source presents them (a JSON object, or environment variables), so that
 * {@link YClientsSecret#from} validates every source the same way and names fields the way that source does.
 */
interface SecretFields {
    /** A text field; empty when absent or blank. Throws {@link SecretFormatException} when it is not text. */
    Optional<String> text(String key);

    /** A list of ids; empty when absent. Throws {@link SecretFormatException} when malformed. */
    Optional<List<Long>> ids(String key);

    /** How this source names the field: {@code partnerToken} in JSON, {@code YCLIENTS_PARTNER_TOKEN} in the environment. */
    String nameOf(String key);

    /** For messages: "the secret arn:…", "the environment". */
    String where();

    /** A hint when a required field is missing but a near-miss spelling is present ("found partner_token"), or "". */
    default String nearMiss(String key) {
        return "";
    }
}
