package io.ycbridge.simulator;

/**
 * The {@code type_id} of a loyalty transaction, with its {@code type.title}. The reference shows 1, 3 and 4 with their
 * Russian titles; 2, 5 and 6 and every English title are our guesses until checked on a live account. The simulator
 * writes no programme discounts or referral accruals (1, 4), so only the others are here.
 */
enum LoyaltyTransactionType {
    CASHBACK(2, "Начисление кэшбэка", "Cashback accrual"),
    WITHDRAWAL(3, "Списание с карты лояльности", "Withdrawal from the loyalty card"),
    MANUAL(5, "Ручная транзакция", "Manual transaction"),
    EXPIRY(6, "Сгорание баллов", "Points expiry");

    private final int id;
    private final String russian;
    private final String english;

    LoyaltyTransactionType(int id, String russian, String english) {
        this.id = id;
        this.russian = russian;
        this.english = english;
    }

    int id() {
        return id;
    }

    String title(MessageLanguage language) {
        return language == MessageLanguage.RU ? russian : english;
    }

    static LoyaltyTransactionType of(int id) {
        for (LoyaltyTransactionType type : values()) {
            if (type.id == id) {
                return type;
            }
        }
        throw new IllegalArgumentException("no loyalty transaction type " + id);
    }
}
