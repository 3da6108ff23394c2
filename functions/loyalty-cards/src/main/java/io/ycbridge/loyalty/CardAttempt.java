package io.ycbridge.loyalty;

import io.ycbridge.yclients.AuthenticationException;
import io.ycbridge.yclients.InsufficientCardBalanceException;
import io.ycbridge.yclients.LicenseExpiredException;
import io.ycbridge.yclients.NotFoundException;
import io.ycbridge.yclients.PermissionException;
import io.ycbridge.yclients.RateLimitedException;
import io.ycbridge.yclients.ValidationException;
import io.ycbridge.yclients.YClientsException;

/**
 * What a failed write to a card tells about the card. Only an answer YClients gave before doing anything proves nothing
 * was applied; everything else (a timeout, a 5xx, an answer we could not read) may have been applied, and is resolved by
 * reading the card's transactions before anything is sent again.
 */
enum CardAttempt {
    /** A deduction the card does not hold enough for: later credits may cover it. */
    SHORT_ON_CARD,
    /** Refused by YClients for this entry or user (rights, a field): it waits with the reason. */
    REFUSED,
    /** Not applied, and not this entry's fault (credentials, rate limit, licence): try later. */
    NOT_NOW,
    /** Perhaps applied. */
    UNCERTAIN;

    static CardAttempt of(RuntimeException failure) {
        if (failure instanceof InsufficientCardBalanceException) {
            return SHORT_ON_CARD;
        }
        if (failure instanceof ValidationException || failure instanceof PermissionException || failure instanceof NotFoundException) {
            return REFUSED;
        }
        if (failure instanceof AuthenticationException || failure instanceof RateLimitedException || failure instanceof LicenseExpiredException) {
            return NOT_NOW;
        }
        if (failure instanceof YClientsException api && api.status() >= 400 && api.status() < 500) {
            return REFUSED;
        }
        return UNCERTAIN;
    }
}
