package io.ycbridge.loyalty;

import java.time.Instant;

/**
 * A user's card in one chain and the mirror's state: {@code cardId} null until a card was found or issued; {@code posted}
 * counts the entries put on the card; {@code reason} says why the status is not {@link MirrorStatus#POSTED}.
 */
public record CardLink(String userId, long chainId, Long cardId, long companyId, MirrorStatus status, String reason, Instant statusAt,
                       long posted, Long reconcileDueMs) {
}
