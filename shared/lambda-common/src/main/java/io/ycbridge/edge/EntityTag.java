package io.ycbridge.edge;

import io.ycbridge.catalog.CatalogStore;
import java.util.Map;

/**
 * A strong entity tag of a JSON body, and RFC 9110's {@code If-None-Match} test against it: the tag changes exactly
 * when the body does, so a client that sends it back is answered 304 while its copy is current.
 */
public final class EntityTag {
    private EntityTag() {
    }

    public static String of(String body) {
        return "\"" + CatalogStore.hash(body).substring(0, 32) + "\"";
    }

    /** 200 with the body and its tag, or 304 without a body when {@code ifNoneMatch} names the tag. */
    public static HttpResponse answer(String body, String ifNoneMatch, String cacheControl) {
        String etag = of(body);
        if (matches(ifNoneMatch, etag)) {
            return new HttpResponse(304, Map.of("etag", etag, "cache-control", cacheControl), null);
        }
        return new HttpResponse(200, Map.of("etag", etag, "cache-control", cacheControl, "content-type", "application/json"), body);
    }

    /** A list of tags or {@code *}, compared weakly (a proxy may have added {@code W/}). */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
