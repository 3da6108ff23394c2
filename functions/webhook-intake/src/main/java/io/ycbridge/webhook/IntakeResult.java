package io.ycbridge.webhook;

/**
 * The answer to one delivery. {@code reason} is sent back for refusals (short, no body values); {@code completed}
 * says the body lacked fields and the stored version is marked for the next sync to complete.
 */
record IntakeResult(IntakeOutcome outcome, String reason, Long companyId, Long recordId, String status, boolean incomplete) {

    static IntakeResult refused(IntakeOutcome outcome, String reason) {
        return new IntakeResult(outcome, reason, null, null, null, false);
    }
}
