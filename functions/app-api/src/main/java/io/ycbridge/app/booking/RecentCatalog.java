package io.ycbridge.app.booking;

import io.ycbridge.app.catalog.CatalogReader;
import io.ycbridge.app.catalog.CatalogView;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The synced catalog as the booking routes check choices against it, read again at most once a minute per company and
 * execution environment: the catalog changes with a sync (every 30 minutes, each company's every two hours), and one
 * read of it costs more than the rest of a cached answer.
 */
public final class RecentCatalog {
    static final Duration LIFETIME = Duration.ofSeconds(60);
    private final CatalogReader reader;
    private final AnswerCache<CatalogView.Loaded> loads;

    public RecentCatalog(CatalogReader reader, Clock clock) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.loads = new AnswerCache<>(LIFETIME, clock);
    }

    public CatalogView.Loaded load(long companyId) {
        return loads.get(Long.toString(companyId), () -> reader.load(companyId));
    }
}
