package io.ycbridge.sync;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.ycbridge.yclients.model.Service;
import java.math.BigDecimal;

/**
 * A service as the catalog keeps it: the API's service without its list of masters. That list changes for every
 * service a master performed when the master leaves; keeping it would rewrite those services too, though nothing
 * about them changed for the app, which hides the master itself (the staff item is marked deleted). The booking
 * form, not the catalog, decides which master can do what.
 */
record SyncedService(long id, String title, @JsonProperty("category_id") Long categoryId, @JsonProperty("price_min") BigDecimal priceMin,
                      @JsonProperty("price_max") BigDecimal priceMax, Integer duration, Boolean active, Integer weight) {

    static SyncedService of(Service service) {
        return new SyncedService(service.id(), service.title(), service.categoryId(), service.priceMin(), service.priceMax(),
                service.duration(), service.active(), service.weight());
    }
}
