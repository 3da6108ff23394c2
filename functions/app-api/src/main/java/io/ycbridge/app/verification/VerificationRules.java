package io.ycbridge.app.verification;

import io.ycbridge.app.verification.PhoneVerificationStore.Limit;
import java.time.Duration;

/**
 * How long a code and a proof live and how often one may ask and guess: one record so a test can shrink it and the
 * README can quote it. The defaults answer two abuses besides guessing: SMS pumping (a script asks for codes to
 * premium numbers, and we pay per message) and SMS bombing (a stranger's phone flooded from many accounts), hence
 * a limit per phone as well as per user.
 *
 * @param codeLifetime   a code answers for this long after it was sent (10 minutes)
 * @param proofLifetime  a right answer proves the phone for a profile save for this long (15 minutes), once
 * @param attemptsPerCode wrong answers after which the code is dead (5): one guess in 200 000 at most per code
 */
public record VerificationRules(Duration codeLifetime, Duration proofLifetime, int attemptsPerCode,
                                Limit sendsPerUser, Limit sendsPerPhone, Limit wrongPerUser, Limit wrongPerPhone) {
    public static final VerificationRules DEFAULT = new VerificationRules(Duration.ofMinutes(10), Duration.ofMinutes(15), 5,
            new Limit("send", 5, Duration.ofHours(1)),
            new Limit("send", 3, Duration.ofHours(1)),
            new Limit("wrong", 10, Duration.ofHours(1)),
            new Limit("wrong", 10, Duration.ofHours(1)));
}
