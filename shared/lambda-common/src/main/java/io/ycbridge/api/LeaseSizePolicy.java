package io.ycbridge.api;

/**
 * How many slots a worker takes from the shared schedule in one DynamoDB write. Each lease is a write, so the sync's
 * workers, which make a request after another for as long as the queue has companies, take many at once; but a slot
 * not used in time is lost to everyone, so a worker takes only as many as it has shown it uses: it starts with one,
 * doubles after a lease used to the last slot, and halves after one whose slots went by unused. An interactive caller
 * (one request now and then, where waiting costs a user) takes one at a time.
 *
 * @param largest the most slots in one lease; at 302.5 ms a slot, 8 are 2.4 s of the token's whole budget
 */
record LeaseSizePolicy(int largest) {
    /** The sync's workers: 8 slots cost 1/8 of a DynamoDB write per request once a worker is busy. */
    static final LeaseSizePolicy BATCHES = new LeaseSizePolicy(8);
    static final LeaseSizePolicy ONE_AT_A_TIME = new LeaseSizePolicy(1);

    LeaseSizePolicy {
        if (largest < 1) {
            throw new IllegalArgumentException("a lease holds at least one slot");
        }
    }

    int first() {
        return 1;
    }

    /**
     * @param last    the size of the lease just used up
     * @param expired how many of its slots went by unused
     */
    int next(int last, int expired) {
        return expired > 0 ? Math.max(1, last / 2) : Math.min(largest, last * 2);
    }
}
