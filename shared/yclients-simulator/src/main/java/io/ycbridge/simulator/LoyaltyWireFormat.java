package io.ycbridge.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;

/**
 * Loyalty cards' answer shapes, as the reference's "Карты лояльности" and visit-loyalty examples write them (kinds
 * included). Programmes, points and a card's paid and sold sums are not modelled: {@code []} and 0.
 */
final class LoyaltyWireFormat {
    private LoyaltyWireFormat() {
    }

    /** A chain's title is not modelled: its id, in the reference's "Сеть 1" style. */
    static String chainTitle(long chainId) {
        return "Сеть " + chainId;
    }

    static ObjectNode cardType(LoyaltyCards.CardType type) {
        ObjectNode node = Json.object();
        node.put("id", type.id());
        node.put("title", type.title());
        node.put("salon_group_id", type.chainId());
        node.set("salon_group", chain(type.chainId()));
        return node;
    }

    static ObjectNode card(LoyaltyCards.Card card, LoyaltyCards.CardType type) {
        ObjectNode node = Json.object();
        node.put("id", card.id());
        node.set("balance", WireFormat.money(card.balance()));
        node.put("points", 0);
        node.put("paid_amount", 0);
        node.put("sold_amount", 0);
        node.put("visits_count", 0);
        node.put("number", card.number());
        node.put("type_id", card.typeId());
        node.put("salon_group_id", card.chainId());
        ObjectNode typeNode = node.putObject("type");
        typeNode.put("id", type.id());
        typeNode.put("title", type.title());
        typeNode.put("salon_group_id", type.chainId());
        node.set("salon_group", chain(card.chainId()));
        node.putArray("programs");
        return node;
    }

    /**
     * A transaction in the shape of the reference's {@code loyalty_transactions}, plus what the chain's feed (YClients'
     * current online reference, not in ours; to be checked on a live account) adds: {@code visit_id}, {@code created_date}
     * in the company's zone with a colon in the offset, and a manual transaction's {@code title}. A withdrawal at a visit
     * names the record's first service as its item (type 1, a service); the others name none.
     */
    static ObjectNode transaction(LoyaltyCards.Transaction transaction, ZoneId zone, MessageLanguage language) {
        LoyaltyTransactionType type = LoyaltyTransactionType.of(transaction.typeId());
        ObjectNode node = Json.object();
        node.put("id", transaction.id());
        node.put("status_id", 1);
        node.set("amount", WireFormat.money(transaction.amount()));
        node.put("type_id", type.id());
        node.put("program_id", 0);
        node.put("card_id", transaction.cardId());
        node.put("salon_group_id", transaction.chainId());
        node.put("item_id", transaction.serviceId());
        node.put("item_type_id", transaction.serviceId() == 0 ? 0 : 1);
        node.put("item_record_id", transaction.recordId() == null ? 0 : transaction.recordId());
        node.put("goods_transaction_id", 0);
        node.put("is_discount", false);
        node.put("is_loyalty_withdraw", type == LoyaltyTransactionType.WITHDRAWAL);
        ObjectNode typeNode = node.putObject("type");
        typeNode.put("id", type.id());
        typeNode.put("title", type.title(language));
        node.put("visit_id", transaction.visitId() == null ? 0 : transaction.visitId());
        node.put("created_date", WireDates.withColon(transaction.createdAt(), zone));
        if (type == LoyaltyTransactionType.MANUAL) {
            node.put("title", transaction.title());
        }
        return node;
    }

    private static ObjectNode chain(long chainId) {
        ObjectNode node = Json.object();
        node.put("id", chainId);
        node.put("title", chainTitle(chainId));
        return node;
    }
}
