package io.ycbridge.yclients;

/**
 * A failed call to the YClients API. Carries what an operator needs to act on it — the HTTP status, the API's own
 * message, the request's method and path — and never a token: paths and messages are built without credentials.
 */
public class YClientsException extends RuntimeException {
    private final int status;
    private final String apiMessage;
    private final String method;
    private final String path;

    public YClientsException(int status, String apiMessage, String method, String path, String advice, Throwable cause) {
        super(describe(status, apiMessage, method, path, advice), cause);
        this.status = status;
        this.apiMessage = apiMessage;
        this.method = method;
        this.path = path;
    }

    public YClientsException(int status, String apiMessage, String method, String path, String advice) {
        this(status, apiMessage, method, path, advice, null);
    }

    /** HTTP status of the answer, or 0 when no answer arrived. */
    public int status() {
        return status;
    }

    /** The API's own message ("Не указан идентификатор партнера", …), or null when it sent none. */
    public String apiMessage() {
        return apiMessage;
    }

    public String method() {
        return method;
    }

    /** The request path relative to the base URL, without the query string. */
    public String path() {
        return path;
    }

    /**
     * Whether the API answered and refused what the request asks: a 422 ({@link ValidationException}) or its plain 400
     * "invalid parameter". The caller's request is at fault, not the API's availability.
     */
    public boolean refusesTheRequest() {
        return this instanceof ValidationException || status == 400;
    }

    /** Whether repeating the same request later may succeed. */
    public boolean isTransient() {
        return false;
    }

    private static String describe(int status, String apiMessage, String method, String path, String advice) {
        StringBuilder text = new StringBuilder();
        text.append(method).append(' ').append(path).append(" failed");
        if (status > 0) {
            text.append(" with HTTP ").append(status);
        }
        if (apiMessage != null && !apiMessage.isBlank()) {
            text.append(": \"").append(apiMessage).append('"');
        }
        if (advice != null && !advice.isBlank()) {
            text.append(" — ").append(advice);
        }
        return text.toString();
    }
}
