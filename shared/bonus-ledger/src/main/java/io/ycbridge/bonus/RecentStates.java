package io.ycbridge.bonus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The accrual states this execution environment wrote last, with the links the owner was named by, so the next version
 * of a record — which the stream normally hands to the same environment, in order — is decided without reading first;
 * and the owners it named per client, so a new record of a known client is too.
 * Only a hint: every write is conditioned on the exact state it assumes and checks the links it rests on, so a hint
 * another environment (or a new link) has overtaken is refused and the service reads the truth. Bounded, least
 * recently used out.
 */
final class RecentStates {
    private final int capacity;
    private final Map<List<Long>, Hint> states;
    private final Map<String, ResolvedOwner> clients;

    /** A state as written, and the resolution it was decided by (null: the owner was kept, no link read). */
    record Hint(AccrualState state, ResolvedOwner resolved) {
    }

    RecentStates(int capacity) {
        this.capacity = capacity;
        this.states = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<List<Long>, Hint> eldest) {
                return size() > RecentStates.this.capacity;
            }
        };
        this.clients = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ResolvedOwner> eldest) {
                return size() > RecentStates.this.capacity;
            }
        };
    }

    /** The owner this environment last named for a company's client identity (its id and phone), with what it rested on. */
    synchronized ResolvedOwner client(long companyId, String identity) {
        return clients.get(companyId + "|" + identity);
    }

    synchronized void putClient(long companyId, String identity, ResolvedOwner resolved) {
        clients.put(companyId + "|" + identity, resolved);
    }

    synchronized Hint get(long companyId, long recordId) {
        return states.get(List.of(companyId, recordId));
    }

    synchronized void put(Hint hint) {
        states.put(List.of(hint.state().companyId(), hint.state().recordId()), hint);
    }

    synchronized void forget(long companyId, long recordId) {
        states.remove(List.of(companyId, recordId));
    }
}
