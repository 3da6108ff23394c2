package io.ycbridge.loyalty;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The number of a card we issue. YClients asks for one; ours is derived from the user and the chain, so an issue repeated
 * after a lost answer asks for the same card, and the number says nothing about the person.
 */
final class CardNumber {
    private CardNumber() {
    }

    static String of(String userId, long chainId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((chainId + "#" + userId).getBytes(StandardCharsets.UTF_8));
            String digits = new BigInteger(1, digest).toString().substring(0, 15);
            // A leading 9 keeps the number 16 digits long (the reference's cards are) and apart from numbers typed at a desk.
            return "9" + digits;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
