package io.ycbridge.app.booking;

import io.ycbridge.app.profile.Profile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The one place that knows what a YClients/Altegio online-booking link looks like (formats seen in public sites'
 * code; see yclients-api.md). Pure: no I/O, no clock, so the format is table-tested and can be corrected here alone.
 *
 * <ul>
 * <li>nothing chosen: {@code /company/<c>/personal/menu?o=} (the form's start page)</li>
 * <li>services: {@code /company/<c>/menu?o=s<id>,<id>}</li>
 * <li>a master: {@code /company/<c>/personal/select-master/master-info/<c>/<staff>?o=m<staff>}</li>
 * <li>any master: {@code /company/<c>/personal/select-time?o=m-1}</li>
 * <li>services and a master (or any): {@code /company/<c>/personal/select-time?o=m<staff>s<ids>} — the one form not
 * seen verbatim: it joins the two documented codes the way {@code o} strings combine them.</li>
 * </ul>
 *
 * <p>User data never goes into the link: no public source shows a prefill parameter, and inventing one would at best
 * be ignored and at worst put a phone number into browser histories and referrer headers. Prefill is described by
 * {@link Prefill} instead.
 */
public final class BookingLinkFormat {

    public BookingLink link(BookingForm form, long companyId, List<Long> serviceIds, StaffChoice staff, Profile profile) {
        Objects.requireNonNull(form, "form");
        if (companyId <= 0) {
            throw new IllegalArgumentException("company id must be positive");
        }
        List<Long> services = serviceIds == null ? List.of() : serviceIds.stream().distinct().toList();
        if (services.stream().anyMatch(id -> id == null || id <= 0)) {
            throw new IllegalArgumentException("service ids must be positive");
        }
        String company = "/company/" + companyId;
        String path;
        String preselect;
        if (services.isEmpty() && staff == null) {
            path = company + "/personal/menu";
            preselect = "";
        } else if (staff == null) {
            path = company + "/menu";
            preselect = "s" + ids(services);
        } else if (services.isEmpty() && staff.any()) {
            path = company + "/personal/select-time";
            preselect = "m-1";
        } else if (services.isEmpty()) {
            path = company + "/personal/select-master/master-info/" + companyId + "/" + staff.id();
            preselect = "m" + staff.id();
        } else {
            path = company + "/personal/select-time";
            preselect = "m" + staff.id() + "s" + ids(services);
        }
        String url = form.origin() + path + "?o=" + encode(preselect);
        return new BookingLink(url, companyId, services, staff == null ? null : staff.id(), prefill(profile));
    }

    /** What the form can know about the user, and which profile fields are missing for it. */
    static Prefill prefill(Profile profile) {
        String phone = profile == null ? null : blankToNull(profile.phoneE164());
        String name = profile == null ? null : blankToNull(profile.name());
        String email = profile == null ? null : blankToNull(profile.email());
        List<String> missing = new ArrayList<>(3);
        if (name == null) {
            missing.add("name");
        }
        if (phone == null) {
            missing.add("phone");
        }
        if (email == null) {
            missing.add("email");
        }
        return new Prefill(phone == null ? Prefill.NONE : Prefill.CLIENT_BY_PHONE, phone, name, email, missing);
    }

    private static String ids(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /**
     * RFC 3986 query-component encoding that keeps the characters the form's {@code o} codes use ({@code , -}) as
     * they appear in real links; anything else a future code might carry is percent-encoded as UTF-8.
     */
    static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_'
                    || c == '~' || c == ',') {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
