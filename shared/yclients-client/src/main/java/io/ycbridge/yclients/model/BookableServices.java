package io.ycbridge.yclients.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.List;

/**
 * The answer of {@code book_services}: services and their categories. The reference's field table says
 * {@code categories}, its example {@code category}; both are read.
 */
public record BookableServices(List<BookableService> services, @JsonAlias("category") List<BookableCategory> categories) {

    public BookableServices {
        services = services == null ? List.of() : List.copyOf(services);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
