package io.ycbridge.bonus;

import java.util.Map;
import java.util.Optional;

/**
 * The category of each service of one company's catalog, as the last catalog sync stored it. A plain value so that
 * {@link BonusPolicy} stays pure: the service reads the catalog, the policy only looks up.
 */
public record ServiceCategories(Map<Long, Long> categoryByService) {
    public static final ServiceCategories NONE = new ServiceCategories(Map.of());

    public ServiceCategories {
        categoryByService = Map.copyOf(categoryByService);
    }

    /** Empty when the service is not in the catalog yet, or has no category there. */
    public Optional<Long> categoryOf(long serviceId) {
        return Optional.ofNullable(categoryByService.get(serviceId));
    }
}
