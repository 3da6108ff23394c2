package io.ycbridge.bonus;

/** A YClients client: ids are the company's client base's, so the company is part of the name. */
public record ClientRef(long companyId, long clientId) {
    public ClientRef {
        if (companyId <= 0 || clientId <= 0) {
            throw new IllegalArgumentException("company and client ids must be positive");
        }
    }
}
