package io.ycbridge.app.booking;

import io.ycbridge.app.RequestRefused;
import io.ycbridge.app.catalog.CatalogReader;
import io.ycbridge.app.catalog.CatalogView;
import io.ycbridge.app.profile.Profile;
import io.ycbridge.app.profile.ProfileStore;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /v1/booking-url}: checks the company and the chosen ids against configuration and the synced catalog,
 * reads the caller's profile and asks {@link BookingLinkFormat} for the link. Reads only our tables, never the
 * YClients API, so links keep working while the API is down or its credentials are broken.
 */
public final class BookingLinkService {
    private final Set<Long> companies;
    private final BookingForms forms;
    private final CatalogReader catalog;
    private final ProfileStore profiles;
    private final BookingLinkFormat links;

    public BookingLinkService(Set<Long> companies, BookingForms forms, CatalogReader catalog, ProfileStore profiles,
                             BookingLinkFormat links) {
        this.companies = Set.copyOf(companies);
        this.forms = forms;
        this.catalog = catalog;
        this.profiles = profiles;
        this.links = links;
    }

    /** @throws RequestRefused 404 for an unserved company or an id the catalog does not offer, 403 when the company has no form */
    public BookingLink link(String userId, long companyId, List<Long> serviceIds, StaffChoice staff) {
        if (!companies.contains(companyId)) {
            throw new RequestRefused(404, "company " + companyId + " is not served here");
        }
        BookingForm form = forms.forCompany(companyId)
                .orElseThrow(() -> new RequestRefused(403, "online booking is not set up for company " + companyId));
        if (!serviceIds.isEmpty() || (staff != null && !staff.any())) {
            OfferedChoice.require(catalog.load(companyId), serviceIds, staff == null || staff.any() ? null : staff.id(), 404);
        }
        Optional<Profile> profile = profiles.find(userId);
        return links.link(form, companyId, serviceIds, staff, profile.orElse(null));
    }
}
