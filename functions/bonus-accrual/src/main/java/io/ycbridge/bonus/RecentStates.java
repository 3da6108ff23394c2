package io.ycbridge.bonus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The accrual states this execution environment wrote last, so the next version of a record — which the stream
 * normally hands to the same environment, in order — is decided without reading first. Only a hint: every write
 * is conditioned on the exact state it assumes, so a hint another environment has overtaken is refused and the
 * service reads the truth. Bounded, least recently used out.
 */
final class RecentStates {
    private final int capacity;
    private final Map<List<Long>, AccrualState> states;

    RecentStates(int capacity) {
        this.capacity = capacity;
        this.states = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<List<Long>, AccrualState> eldest) {
                return size() > RecentStates.this.capacity;
            }
        };
    }

    synchronized AccrualState get(long companyId, long recordId) {
        return states.get(List.of(companyId, recordId));
    }

    synchronized void put(AccrualState state) {
        states.put(List.of(state.companyId(), state.recordId()), state);
    }

    synchronized void forget(long companyId, long recordId) {
        states.remove(List.of(companyId, recordId));
    }
}
