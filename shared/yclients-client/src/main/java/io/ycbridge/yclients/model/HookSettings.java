package io.ycbridge.yclients.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A company's webhook settings ({@code /hooks_settings/{company_id}}). The exact shape is undocumented; these are
 * the switches we rely on, and the URL is the only place our webhook secret lives, so it is masked in toString.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HookSettings(
        String url,
        Boolean active,
        Boolean record,
        Boolean client,
        @JsonProperty("goods_operations") Boolean goodsOperations,
        @JsonProperty("finances_operation") Boolean financesOperation) {

    public static HookSettings forRecords(String url) {
        return new HookSettings(url, true, true, false, false, false);
    }

    public boolean deliversRecordsTo(String expectedUrl) {
        return Boolean.TRUE.equals(active) && Boolean.TRUE.equals(record) && expectedUrl.equals(url);
    }

    @Override
    public String toString() {
        String shown = url == null ? "none" : url.replaceAll("/[^/]{8,}$", "/****");
        return "HookSettings[url=" + shown + ", active=" + active + ", record=" + record + "]";
    }
}
