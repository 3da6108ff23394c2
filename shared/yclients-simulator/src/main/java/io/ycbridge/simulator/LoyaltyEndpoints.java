package io.ycbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Loyalty cards ("Карты лояльности" in the reference): a company's card types, a phone's cards in a chain, issuing a
 * card, and two endpoints our copy of the reference lacks, whose shapes follow YClients' current online reference and
 * are to be checked on a live account: a manual transaction on a card and the chain's transaction feed. The reference
 * answers with the data alone; here, as everywhere, it comes in the envelope "Версионирование API" promises.
 */
final class LoyaltyEndpoints {
    /** The feed's real page size is undocumented: the records list's default, and larger ones clamped at this. */
    static final int MAX_COUNT = 1000;

    private final SimulatorData data;
    private final LoyaltyCards loyalty;

    LoyaltyEndpoints(SimulatorData data, LoyaltyCards loyalty) {
        this.data = data;
        this.loyalty = loyalty;
    }

    /** {@code GET /loyalty/card_types/salon/{company_id}}: the types of the company's chain; none outside a chain. */
    ApiResponse cardTypes(ApiCall call) {
        Company company = existingCompany(call, 0);
        ArrayNode list = Json.array();
        loyalty.chainOf(company.id()).ifPresent(chain -> loyalty.typesOf(chain).forEach(type -> list.add(LoyaltyWireFormat.cardType(type))));
        return ApiResponse.json(200, Envelope.success(list));
    }

    /**
     * {@code GET /loyalty/cards/{phone}/{group_id}/{company_id}}: the phone's cards in the chain, a list (the field table
     * says a list; the example shows one card), empty when the company is not in that chain.
     */
    ApiResponse cardsByPhone(ApiCall call) {
        String phone = call.pathParams().get(0);
        long chainId = call.pathId(1);
        Company company = existingCompany(call, 2);
        if (!loyalty.chainExists(chainId)) {
            throw ApiRefusal.failure(404, call.language().chainNotFound());
        }
        ArrayNode list = Json.array();
        if (loyalty.chainOf(company.id()).filter(chain -> chain == chainId).isPresent()) {
            loyalty.cardsIn(chainId, phone).forEach(card -> list.add(cardJson(card)));
        }
        return ApiResponse.json(200, Envelope.success(list));
    }

    /**
     * {@code POST /loyalty/cards/{company_id}}: 422 without a number, type or phone, for a type not of the company's chain,
     * for a phone that has a card of that type there already, or a number issued there already; 200 with the card.
     */
    ApiResponse issue(ApiCall call) {
        Company company = existingCompany(call, 0);
        JsonNode body = call.jsonBody();
        String number = text(body.path("loyalty_card_number")).strip();
        long typeId = body.path("loyalty_card_type_id").asLong(0);
        String phone = text(body.path("phone")).replaceAll("\\D", "");
        if (number.isEmpty() || typeId <= 0 || phone.isEmpty()) {
            throw ApiRefusal.failure(422, call.language().loyaltyCardFieldsRequired());
        }
        try {
            return ApiResponse.json(200, Envelope.success(cardJson(loyalty.issueAt(company.id(), typeId, number, phone))));
        } catch (LoyaltyCards.Refused refused) {
            throw ApiRefusal.failure(422, switch (refused.reason()) {
                case TYPE_NOT_OF_CHAIN -> call.language().cardTypeNotOfChain();
                case TYPE_ALREADY_ISSUED -> call.language().cardTypeAlreadyIssued();
                case NUMBER_TAKEN -> call.language().cardNumberTaken();
                case INSUFFICIENT_BALANCE -> throw new IllegalStateException("issuing moves no money");
            });
        }
    }

    /**
     * {@code POST /company/{company_id}/loyalty/cards/{card_id}/manual_transaction} {@code {"amount", "title"}}: 403
     * without the user's right, 404 for a card not of the company's chain, 422 for a zero or unreadable amount, a missing
     * title, or a deduction below zero; 200 with the transaction. No idempotency key: each call is a transaction.
     */
    ApiResponse manualTransaction(ApiCall call) {
        Company company = existingCompany(call, 0);
        if (!loyalty.manualTransactionsAllowed(call.requireUser().userToken(), company.id())) {
            throw ApiRefusal.failure(403, call.language().noManualLoyaltyRights());
        }
        long cardId = call.pathId(1);
        LoyaltyCards.Card card = loyalty.card(cardId)
                .filter(c -> loyalty.chainOf(company.id()).filter(chain -> chain == c.chainId()).isPresent())
                .orElseThrow(() -> ApiRefusal.failure(404, call.language().loyaltyCardNotFound()));
        JsonNode body = call.jsonBody();
        BigDecimal amount = amount(body.path("amount"));
        if (amount == null || amount.signum() == 0) {
            throw ApiRefusal.failure(422, call.language().transactionAmountInvalid());
        }
        String title = text(body.path("title")).strip();
        if (title.isEmpty()) {
            throw ApiRefusal.failure(422, call.language().transactionTitleRequired());
        }
        try {
            LoyaltyCards.Transaction transaction = loyalty.manual(company.id(), card.id(), amount, title);
            return ApiResponse.json(200, Envelope.success(LoyaltyWireFormat.transaction(transaction, company.zone(), call.language())));
        } catch (LoyaltyCards.Refused refused) {
            throw ApiRefusal.failure(422, call.language().notEnoughFundsOnCard());
        }
    }

    /**
     * {@code GET /chain/{chain_id}/loyalty/transactions}: {@code created_after} and {@code created_before} (inclusive, with
     * an offset; 400 otherwise), {@code page} from 1, {@code count} (25 by default, at most {@link #MAX_COUNT}); oldest
     * first. A chain's feed needs a user who manages every company of the chain (our reading of the chain's rights).
     */
    ApiResponse chainTransactions(ApiCall call) {
        UserAccount user = call.requireUser();
        long chainId = call.pathId(0);
        if (!loyalty.chainExists(chainId)) {
            throw ApiRefusal.failure(404, call.language().chainNotFound());
        }
        if (!loyalty.companiesOf(chainId).stream().allMatch(user::manages)) {
            throw ApiRefusal.failure(403, call.language().noRights());
        }
        Instant after = instant(call, "created_after");
        Instant before = instant(call, "created_before");
        int page = call.positiveInt("page", 1);
        int count = Math.min(call.positiveInt("count", RecordEndpoints.DEFAULT_COUNT), MAX_COUNT);
        List<LoyaltyCards.Transaction> matching = loyalty.transactions(chainId).stream()
                .filter(t -> (after == null || !t.createdAt().isBefore(after)) && (before == null || !t.createdAt().isAfter(before)))
                .toList();
        int from = (int) Math.min((long) (page - 1) * count, matching.size());
        int to = Math.min(from + count, matching.size());
        ArrayNode list = Json.array();
        for (LoyaltyCards.Transaction transaction : matching.subList(from, to)) {
            list.add(LoyaltyWireFormat.transaction(transaction, zoneOf(transaction.companyId()), call.language()));
        }
        ObjectNode meta = Json.object();
        meta.put("page", page);
        meta.put("total_count", matching.size());
        return ApiResponse.json(200, Envelope.success(list, meta));
    }

    private ObjectNode cardJson(LoyaltyCards.Card card) {
        return LoyaltyWireFormat.card(card, loyalty.type(card.typeId()).orElseThrow());
    }

    private ZoneId zoneOf(long companyId) {
        return data.company(companyId).map(Company::zone).orElse(ZoneOffset.UTC);
    }

    private Company existingCompany(ApiCall call, int index) {
        return data.company(call.pathId(index)).orElseThrow(() -> ApiRefusal.failure(404, call.language().companyNotFound()));
    }

    private static Instant instant(ApiCall call, String name) {
        return call.query(name).map(text -> WireDates.parseInstantWithOffset(text)
                        .orElseThrow(() -> ApiRefusal.failure(400, call.language().badParameter(name))))
                .orElse(null);
    }

    /** A JSON number or a numeric string, as PHP reads either; null for anything else. */
    private static BigDecimal amount(JsonNode node) {
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual()) {
            try {
                return new BigDecimal(node.asText().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? "" : node.asText();
    }
}
