package io.ycbridge.yclients;

/**
 * 422 to a deduction by manual transaction ({@link YClientsClient#postManualLoyaltyTransaction}): the card holds less
 * than the deduction asks, so nothing was deducted. Not transient: the balance must grow first, or the deduction shrink.
 */
public final class InsufficientCardBalanceException extends ValidationException {
    public InsufficientCardBalanceException(int status, String apiMessage, String method, String path) {
        super(status, apiMessage, method, path,
                "the loyalty card's balance is below the deduction: read the card's balance (loyaltyCards) and deduct at most that");
    }
}
