package io.ycbridge.simulator;

import io.ycbridge.simulator.Route.Access;
import java.util.List;

/** The endpoints the simulator speaks, paths relative to {@code /api/v1}. */
final class ApiRoutes {
    private static final String ID = "(\\d{1,18})";

    private ApiRoutes() {
    }

    static List<Route> all(SimulatorData data, Accounts accounts, BookingForms forms, Webhooks webhooks) {
        CatalogEndpoints catalog = new CatalogEndpoints(data, forms);
        BookingEndpoints booking = new BookingEndpoints(data, forms, webhooks);
        RecordEndpoints records = new RecordEndpoints(data);
        HookSettingsEndpoints hooks = new HookSettingsEndpoints(data);
        LoyaltyEndpoints loyalty = new LoyaltyEndpoints(data, data.loyalty());
        return List.of(
                Route.of("POST", "/auth", Access.PARTNER, new AuthEndpoint(accounts)),
                // Partner-only by the docs; my=1 asks for a user inside the endpoint.
                Route.of("GET", "/companies", Access.PARTNER, catalog::companies),
                Route.of("GET", "/company/" + ID, Access.PARTNER, catalog::company),
                // The docs let a partner token alone read services and staff; we ask for a user, for simplicity.
                Route.of("GET", "/company/" + ID + "/services(?:/" + ID + ")?", Access.COMPANY_USER, catalog::services),
                Route.of("GET", "/company/" + ID + "/service_categories(?:/" + ID + ")?", Access.COMPANY_USER, catalog::categories),
                Route.of("GET", "/company/" + ID + "/staff(?:/" + ID + ")?", Access.COMPANY_USER, catalog::staff),
                Route.of("GET", "/records/" + ID, Access.COMPANY_USER, records::list),
                Route.of("GET", "/record/" + ID + "/" + ID, Access.COMPANY_USER, records::single),
                Route.of("POST", "/company/" + ID + "/clients/search", Access.COMPANY_USER, new ClientSearchEndpoint(data)),
                Route.of("GET", "/hooks_settings/" + ID, Access.COMPANY_USER, hooks::read),
                Route.of("POST", "/hooks_settings/" + ID, Access.COMPANY_USER, hooks::write),
                // The online booking is a public form's API: the partner token alone, as the reference's headers show.
                Route.of("GET", "/book_services/" + ID, Access.PARTNER, booking::services),
                Route.of("GET", "/book_staff/" + ID, Access.PARTNER, booking::staff),
                Route.of("GET", "/book_dates/" + ID, Access.PARTNER, booking::dates),
                Route.of("GET", "/book_times/" + ID + "/" + ID + "/(\\d{4}-\\d{2}-\\d{2})", Access.PARTNER, booking::times),
                Route.of("POST", "/book_check/" + ID, Access.PARTNER, booking::check),
                Route.of("POST", "/book_code/" + ID, Access.PARTNER, booking::code),
                Route.of("POST", "/book_record/" + ID, Access.PARTNER, booking::record),
                // A move needs the user as well, which the endpoint asks for: any user, not one managing the company.
                Route.of("PUT", "/book_record/" + ID + "/" + ID, Access.PARTNER, booking::reschedule),
                // With the record's hash, as its user may right after booking without logging in.
                Route.of("GET", "/user/records/" + ID + "/([A-Za-z0-9]{1,128})", Access.PARTNER, booking::userRecord),
                Route.of("DELETE", "/user/records/" + ID + "/([A-Za-z0-9]{1,128})", Access.PARTNER, booking::cancelUserRecord),
                // Loyalty cards: both tokens, as the reference's headers show.
                Route.of("GET", "/loyalty/card_types/salon/" + ID, Access.COMPANY_USER, loyalty::cardTypes),
                Route.of("GET", "/loyalty/cards/(\\d{1,15})/" + ID + "/" + ID, Access.COMPANY_USER, loyalty::cardsByPhone).companyAt(3),
                Route.of("POST", "/loyalty/cards/" + ID, Access.COMPANY_USER, loyalty::issue),
                Route.of("POST", "/company/" + ID + "/loyalty/cards/" + ID + "/manual_transaction", Access.COMPANY_USER,
                        loyalty::manualTransaction),
                // A chain's feed names no company: the endpoint asks for the user and their rights on the chain.
                Route.of("GET", "/chain/" + ID + "/loyalty/transactions", Access.PARTNER, loyalty::chainTransactions));
    }
}
