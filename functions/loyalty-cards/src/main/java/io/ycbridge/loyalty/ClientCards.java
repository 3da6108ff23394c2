package io.ycbridge.loyalty;

import io.ycbridge.api.YClientsAccess;
import io.ycbridge.bonus.UserLinkStore;
import io.ycbridge.yclients.model.LoyaltyCard;
import java.util.List;
import java.util.Optional;

/**
 * A user's cards in a chain, as YClients knows them: looked up by the user's proven phone at the chain's home company
 * (the first LOYALTY_CARDS names), which is where the mirror issues them too.
 */
final class ClientCards {
    private final LoyaltySettings settings;
    private final UserLinkStore links;
    private final YClientsAccess api;

    ClientCards(LoyaltySettings settings, UserLinkStore links, YClientsAccess api) {
        this.settings = settings;
        this.links = links;
        this.api = api;
    }

    /** The company where the chain's cards are looked up and issued. */
    LoyaltyProgramme home(long chainId) {
        return settings.ofChain(chainId).getFirst();
    }

    /** The proven phone as YClients writes it in a path: digits, no '+'. */
    Optional<String> phoneDigits(String userId) {
        return links.linksOf(userId).map(UserLinkStore.Links::phoneE164).map(phone -> phone.substring(1));
    }

    /** The cards of the phone ({@link #phoneDigits}) in the chain. */
    List<LoyaltyCard> of(String phoneDigits, long chainId) {
        long company = home(chainId).companyId();
        return api.call(client -> client.loyaltyCards(phoneDigits, chainId, company));
    }
}
