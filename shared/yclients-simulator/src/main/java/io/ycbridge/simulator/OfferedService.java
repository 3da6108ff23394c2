package io.ycbridge.simulator;

import java.math.BigDecimal;

/**
 * A service on a company's price list. Named so because "*Service" means orchestration in this project; a
 * removed one stays here so old records can still name it, but the API no longer lists or returns it.
 */
record OfferedService(long companyId, long id, long categoryId, String title, BigDecimal price, int durationSeconds,
                      int weight, boolean removed) {

    OfferedService withTitle(String newTitle) {
        return new OfferedService(companyId, id, categoryId, newTitle, price, durationSeconds, weight, removed);
    }

    OfferedService asRemoved() {
        return new OfferedService(companyId, id, categoryId, title, price, durationSeconds, weight, true);
    }
}
