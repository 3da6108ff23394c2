package io.ycbridge.app.visits;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One visit in {@code GET /v1/me/visits}: money as decimal strings, the start in the company's zone with its offset,
 * the bonus this visit earned (credited to the user) or holds pending (accrued, waiting for its owner), or none.
 * {@code bookedInApp}: booked through {@code POST /v1/bookings}, so the app may cancel and move it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VisitView(String id, long companyId, long recordId, String status, String startsAt, Long durationSeconds,
                        List<Line> services, Staff staff, String price, Bonus bonus, boolean bookedInApp) {

    public record Line(long id, String title, String cost, int amount) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Staff(long id, String name) {
    }

    public record Bonus(String status, String amount) {
    }
}
