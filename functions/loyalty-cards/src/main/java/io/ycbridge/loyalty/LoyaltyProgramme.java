package io.ycbridge.loyalty;

/** A company whose bonus lives on YClients loyalty cards: the chain (salon group) its cards belong to, the type it issues. */
public record LoyaltyProgramme(long companyId, long chainId, long cardTypeId) {
}
