package io.ycbridge.webhook;

/**
 * The answer to one delivery. {@code reason} is sent back for refusals (short, no body values); {@code incomplete}
 * says what was stored lacks fields (a body the API could not complete, or a placeholder); {@code apiCheck} says
 * whether the record was read back from the API or, the API being down, marked for the sync to re-read.
 */
record IntakeResult(IntakeOutcome outcome, String reason, Long companyId, Long recordId, String status, boolean incomplete,
                    ApiCheck apiCheck) {

    static IntakeResult refused(IntakeOutcome outcome, String reason) {
        return new IntakeResult(outcome, reason, null, null, null, false, ApiCheck.NONE);
    }

    /** An outcome about a parsed event that stored nothing of its own (refused, ignored, not stored). */
    static IntakeResult about(WebhookEvent event, IntakeOutcome outcome, String reason) {
        return new IntakeResult(outcome, reason, event.companyId(), event.resourceId(), event.status(), false, ApiCheck.NONE);
    }
}
