package io.ycbridge.simulator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * YClients' loyalty cards ("Карты лояльности"): chains (salon groups) of companies, their card types, the cards issued
 * to phones, and every transaction on them. Thread-safe. The API's calls change cards through here, and so does what a
 * salon does at its till, which no API call of ours can: a cashier's withdrawal at a visit, a programme's cashback,
 * points burning, a manual edit. Changes a test asks for that the real YClients would refuse throw
 * {@link IllegalArgumentException}: a test that spends from a card that is not there is a broken test.
 *
 * <p>Transaction types ({@code type_id}): 2 cashback, 3 withdrawal at a visit, 5 manual, 6 expiry. Amounts are positive
 * for what was added, taken or burnt, except a manual transaction's, which is signed.
 */
public final class LoyaltyCards {
    static final long FIRST_CARD_ID = 9_250_001;
    static final long FIRST_TRANSACTION_ID = 22_990_001;

    /** A card as it stands now; {@code phoneDigits} as issued, digits only. */
    public record Card(long id, String number, long typeId, long chainId, String phoneDigits, BigDecimal balance) {
    }

    /**
     * One transaction: where it happened ({@code companyId}), the record and visit of a withdrawal at a visit (null
     * otherwise), the service it was taken for (0 when none), and the title of a manual one (null otherwise).
     */
    public record Transaction(long id, int typeId, long chainId, long cardId, long companyId, BigDecimal amount, Long recordId,
                              Long visitId, long serviceId, String title, Instant createdAt) {
    }

    record CardType(long id, long chainId, String title) {
    }

    private record ManualRight(String userToken, long companyId) {
    }

    /** Why the API refuses to issue a card or apply a transaction; the endpoint words it. */
    enum Refusal { TYPE_NOT_OF_CHAIN, TYPE_ALREADY_ISSUED, NUMBER_TAKEN, INSUFFICIENT_BALANCE }

    static final class Refused extends RuntimeException {
        private final Refusal reason;

        Refused(Refusal reason) {
            super(reason.name(), null, false, false);
            this.reason = reason;
        }

        Refusal reason() {
            return reason;
        }
    }

    private final SimulatorData data;
    private final Object lock = new Object();
    private final Map<Long, List<Long>> chainCompanies = new TreeMap<>();
    private final Map<Long, Long> companyChain = new HashMap<>();
    private final TreeMap<Long, CardType> types = new TreeMap<>();
    private final TreeMap<Long, Card> cards = new TreeMap<>();
    private final Map<Long, Long> cardCompany = new HashMap<>();
    private final List<Transaction> transactions = new ArrayList<>();
    private final Set<ManualRight> manualDenied = new HashSet<>();
    private long nextCardId = FIRST_CARD_ID;
    private long nextTransactionId = FIRST_TRANSACTION_ID;

    LoyaltyCards(SimulatorData data) {
        this.data = data;
    }

    // ---- set-up -------------------------------------------------------------------------------------------------

    /** These companies form the chain (salon group); again with the same id replaces its list. A company is in one chain. */
    public LoyaltyCards chain(long chainId, long... companyIds) {
        List<Long> members = new ArrayList<>();
        for (long companyId : companyIds) {
            if (data.company(companyId).isEmpty()) {
                throw new IllegalArgumentException("no company " + companyId);
            }
            members.add(companyId);
        }
        synchronized (lock) {
            for (long companyId : members) {
                Long other = companyChain.get(companyId);
                if (other != null && other != chainId) {
                    throw new IllegalArgumentException("company " + companyId + " is in chain " + other + " already");
                }
            }
            List<Long> old = chainCompanies.put(chainId, List.copyOf(members));
            if (old != null) {
                old.forEach(companyChain::remove);
            }
            members.forEach(companyId -> companyChain.put(companyId, chainId));
        }
        return this;
    }

    /** A card type of the chain; again with the same id replaces it. */
    public LoyaltyCards cardType(long chainId, long typeId, String title) {
        Objects.requireNonNull(title, "title");
        synchronized (lock) {
            requireChain(chainId);
            types.put(typeId, new CardType(typeId, chainId, title));
        }
        return this;
    }

    /** Issues a card as {@code POST /loyalty/cards/{company_id}} does, with the same refusals (thrown as IllegalArgumentException). */
    public Card issue(long companyId, long typeId, String number, String phoneDigits) {
        try {
            return issueAt(companyId, typeId, number, phoneDigits);
        } catch (Refused refused) {
            throw new IllegalArgumentException("the API would refuse this card: " + refused.reason());
        }
    }

    /** Who may not make manual transactions on the company's cards: 403 for this user token there. */
    public LoyaltyCards denyManualTransactions(String userToken, long companyId) {
        synchronized (lock) {
            manualDenied.add(new ManualRight(Objects.requireNonNull(userToken, "userToken"), companyId));
        }
        return this;
    }

    /** Every user may, unless denied: the default user of the demo and the local stack does. */
    public LoyaltyCards allowManualTransactions(String userToken, long companyId) {
        synchronized (lock) {
            manualDenied.remove(new ManualRight(Objects.requireNonNull(userToken, "userToken"), companyId));
        }
        return this;
    }

    // ---- reads --------------------------------------------------------------------------------------------------

    public Optional<Card> card(long cardId) {
        synchronized (lock) {
            return Optional.ofNullable(cards.get(cardId));
        }
    }

    /** The phone's cards in every chain, in id order; any notation of the phone. */
    public List<Card> cardsOf(String phoneDigits) {
        String digits = digits(phoneDigits);
        synchronized (lock) {
            return cards.values().stream().filter(card -> card.phoneDigits().equals(digits)).toList();
        }
    }

    /** Every transaction of the chain, oldest first. */
    public List<Transaction> transactions(long chainId) {
        synchronized (lock) {
            return transactions.stream().filter(t -> t.chainId() == chainId).toList();
        }
    }

    // ---- what a salon does at its till --------------------------------------------------------------------------

    /**
     * A cashier pays part of a visit from the client's card, as {@code POST /visit/loyalty/apply_card_withdrawal} does:
     * the record's client's card in the company's chain gives up to {@code amount}, never more than its balance. The
     * reference: "Если 0 то транзакции не будет", so an empty card gives nothing and no transaction.
     */
    public Optional<Transaction> spend(long companyId, long recordId, BigDecimal amount) {
        requirePositive(amount);
        RecordView view = data.recordView(companyId, recordId)
                .orElseThrow(() -> new IllegalArgumentException("no record " + recordId + " in company " + companyId));
        if (view.client() == null || view.client().phoneDigits().isEmpty()) {
            throw new IllegalArgumentException("record " + recordId + " has no client with a phone");
        }
        long serviceId = view.record().services().isEmpty() ? 0 : view.record().services().getFirst().id();
        synchronized (lock) {
            long chainId = chainOfOrThrow(companyId);
            Card card = cards.values().stream()
                    .filter(c -> c.chainId() == chainId && c.phoneDigits().equals(view.client().phoneDigits()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("the client of record " + recordId + " has no card in chain " + chainId));
            BigDecimal taken = amount.min(card.balance());
            if (taken.signum() <= 0) {
                return Optional.empty();
            }
            return Optional.of(apply(card, LoyaltyTransactionType.WITHDRAWAL, taken, taken.negate(), companyId, recordId,
                    view.record().visitId(), serviceId, null));
        }
    }

    /** Points burn ({@code amount} positive, at most the balance), as a programme's expiry does. */
    public Transaction expire(long cardId, BigDecimal amount) {
        requirePositive(amount);
        synchronized (lock) {
            Card card = cardOrThrow(cardId);
            if (amount.compareTo(card.balance()) > 0) {
                throw new IllegalArgumentException("card " + cardId + " holds less than " + amount.toPlainString());
            }
            return apply(card, LoyaltyTransactionType.EXPIRY, amount, amount.negate(), cardCompany.get(cardId), null, null, 0, null);
        }
    }

    /** A programme's cashback onto the card, as YClients' own accrual after a paid visit does. */
    public Transaction externalAccrual(long cardId, BigDecimal amount) {
        requirePositive(amount);
        synchronized (lock) {
            Card card = cardOrThrow(cardId);
            return apply(card, LoyaltyTransactionType.CASHBACK, amount, amount, cardCompany.get(cardId), null, null, 0, null);
        }
    }

    /** A cashier's manual edit of the card in YClients' own screens: signed, as the API's manual transaction is. */
    public Transaction manualBySalon(long cardId, BigDecimal amount, String title) {
        Objects.requireNonNull(title, "title");
        synchronized (lock) {
            Card card = cardOrThrow(cardId);
            try {
                return manual(cardCompany.get(cardId), card.id(), amount, title);
            } catch (Refused refused) {
                throw new IllegalArgumentException("card " + cardId + " holds less than " + amount.negate().toPlainString());
            }
        }
    }

    // ---- for the endpoints and the simulator --------------------------------------------------------------------

    Optional<Long> chainOf(long companyId) {
        synchronized (lock) {
            return Optional.ofNullable(companyChain.get(companyId));
        }
    }

    /** The chain's companies; empty for a chain that is not there. */
    List<Long> companiesOf(long chainId) {
        synchronized (lock) {
            return chainCompanies.getOrDefault(chainId, List.of());
        }
    }

    boolean chainExists(long chainId) {
        synchronized (lock) {
            return chainCompanies.containsKey(chainId);
        }
    }

    List<CardType> typesOf(long chainId) {
        synchronized (lock) {
            return types.values().stream().filter(type -> type.chainId() == chainId).toList();
        }
    }

    Optional<CardType> type(long typeId) {
        synchronized (lock) {
            return Optional.ofNullable(types.get(typeId));
        }
    }

    List<Card> cardsIn(long chainId, String phoneDigits) {
        return cardsOf(phoneDigits).stream().filter(card -> card.chainId() == chainId).toList();
    }

    /** The type must be of the company's chain, the phone have no card of it, the number be free in the chain. */
    Card issueAt(long companyId, long typeId, String number, String phoneDigits) {
        String digits = digits(phoneDigits);
        if (number == null || number.isBlank() || digits.isEmpty()) {
            throw new IllegalArgumentException("a card needs a number and a phone");
        }
        synchronized (lock) {
            Long chainId = companyChain.get(companyId);
            CardType type = types.get(typeId);
            if (chainId == null || type == null || type.chainId() != chainId) {
                throw new Refused(Refusal.TYPE_NOT_OF_CHAIN);
            }
            for (Card card : cards.values()) {
                if (card.chainId() == chainId && card.typeId() == typeId && card.phoneDigits().equals(digits)) {
                    throw new Refused(Refusal.TYPE_ALREADY_ISSUED);
                }
                if (card.chainId() == chainId && card.number().equals(number.strip())) {
                    throw new Refused(Refusal.NUMBER_TAKEN);
                }
            }
            Card card = new Card(nextCardId++, number.strip(), typeId, chainId, digits, BigDecimal.ZERO);
            cards.put(card.id(), card);
            cardCompany.put(card.id(), companyId);
            return card;
        }
    }

    /** Applies a signed manual transaction at the company; refused when it would take the card below zero. */
    Transaction manual(long companyId, long cardId, BigDecimal amount, String title) {
        if (amount.signum() == 0) {
            throw new IllegalArgumentException("a manual transaction adds or deducts something");
        }
        synchronized (lock) {
            Card card = cardOrThrow(cardId);
            if (card.balance().add(amount).signum() < 0) {
                throw new Refused(Refusal.INSUFFICIENT_BALANCE);
            }
            return apply(card, LoyaltyTransactionType.MANUAL, amount, amount, companyId, null, null, 0, title);
        }
    }

    boolean manualTransactionsAllowed(String userToken, long companyId) {
        synchronized (lock) {
            return !manualDenied.contains(new ManualRight(userToken, companyId));
        }
    }

    /** A password change keeps what the user may do: the denials move to the new token. */
    void tokenRotated(String oldToken, String newToken) {
        synchronized (lock) {
            List<ManualRight> moved = manualDenied.stream().filter(right -> right.userToken().equals(oldToken)).toList();
            moved.forEach(right -> {
                manualDenied.remove(right);
                manualDenied.add(new ManualRight(newToken, right.companyId()));
            });
        }
    }

    // ---- internals ----------------------------------------------------------------------------------------------

    /** Guarded by the lock; {@code change} is what the balance moves by, {@code amount} what the transaction says. */
    private Transaction apply(Card card, LoyaltyTransactionType type, BigDecimal amount, BigDecimal change, long companyId,
                              Long recordId, Long visitId, long serviceId, String title) {
        Card changed = new Card(card.id(), card.number(), card.typeId(), card.chainId(), card.phoneDigits(), card.balance().add(change));
        cards.put(card.id(), changed);
        Transaction transaction = new Transaction(nextTransactionId++, type.id(), card.chainId(), card.id(), companyId, amount,
                recordId, visitId, serviceId, title, data.now());
        transactions.add(transaction);
        return transaction;
    }

    private Card cardOrThrow(long cardId) {
        Card card = cards.get(cardId);
        if (card == null) {
            throw new IllegalArgumentException("no loyalty card " + cardId);
        }
        return card;
    }

    private long chainOfOrThrow(long companyId) {
        Long chainId = companyChain.get(companyId);
        if (chainId == null) {
            throw new IllegalArgumentException("company " + companyId + " is in no chain");
        }
        return chainId;
    }

    private void requireChain(long chainId) {
        if (!chainCompanies.containsKey(chainId)) {
            throw new IllegalArgumentException("no chain " + chainId);
        }
    }

    private static void requirePositive(BigDecimal amount) {
        if (Objects.requireNonNull(amount, "amount").signum() <= 0) {
            throw new IllegalArgumentException("the amount must be positive: " + amount.toPlainString());
        }
    }

    private static String digits(String phone) {
        return phone == null ? "" : phone.replaceAll("\\D", "");
    }
}
