package io.ycbridge.delivery;

/** Whether a delivery was seen before. */
public enum DeliveryOutcome {
    /** Not seen within the retention: process it. */
    FIRST_SEEN,
    /** Seen and not yet expired: a repeat; skip it. */
    DUPLICATE
}
