package io.ycbridge.reliability;

import io.ycbridge.edge.StreamChange;
import io.ycbridge.record.RecordItem;
import io.ycbridge.record.RecordSource;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The visit events that must exist, worked out from what the store kept and written apart from the function: nothing
 * of {@code VisitEventPolicy} or {@code VisitEvents} is used, only the table's attribute names. The input is every
 * version RecordsTable's stream holds, read afresh from its start; per record, in stream order, each stored version is
 * set against the one stored before it (not against the stream's old image). One event per change the app must hear of:
 * <ul>
 *   <li>VisitBooked: the visit stands booked (booked, confirmed, or come but not paid in full) where before nothing
 *       was known of it, or it had been called off;</li>
 *   <li>VisitRescheduled: a booked visit gets another start (another instant; the same time in another offset is no
 *       move) or another master, where both versions say it;</li>
 *   <li>VisitCompleted: the client came (attendance 1) and paid in full, and the version before did not say so;</li>
 *   <li>VisitCancelled: a booked or completed visit is deleted, or marked a no-show (attendance -1).</li>
 * </ul>
 * A version the store made up for a delivery without data says nothing of the visit, except that it is deleted: the
 * date is made up, the deletion is YClients' word (bonus accrual reverses on it too). Everything else is no news:
 * a confirmation, an arrival before paying, a price, the service lines in another order, a new client or phone, a
 * completed visit that is no longer paid in full. The event's id is {@code <company>-<record>-<type>-<version ms>},
 * with {@code -r<store revision>} when the version has one.
 */
final class VisitEventOracle {
    private static final Pattern EVENT_ID = Pattern.compile("(\\d+)-(\\d+)-visit-[a-z]+-(\\d+)(?:-r(\\d+))?");

    /** How a stored version leaves the visit, as the app would see it. */
    private enum Standing { UNKNOWN, BOOKED, DONE, CALLED_OFF }

    private final Map<String, String> expected = new LinkedHashMap<>();
    /** Version key ({@code company-record-ms-rrevision}) → whether that stored version was news. */
    private final Map<String, Boolean> news = new HashMap<>();
    private int versions;
    private int newsFromWebhooks;
    private int clashes;

    /** @param stream every record of RecordsTable's stream, as {@link StreamDrain#changes} reads them */
    static VisitEventOracle of(List<StreamChange> stream) {
        VisitEventOracle oracle = new VisitEventOracle();
        Map<String, List<StreamChange>> byRecord = new LinkedHashMap<>();
        for (StreamChange change : stream) {
            if (change.newImage() != null) {
                Map<String, AttributeValue> image = change.newImage();
                byRecord.computeIfAbsent(number(image, RecordItem.COMPANY_ID) + "-" + number(image, RecordItem.RECORD_ID),
                        key -> new ArrayList<>()).add(change);
            }
        }
        for (List<StreamChange> stored : byRecord.values()) {
            stored.sort(Comparator.comparing(change -> new BigInteger(change.sequenceNumber())));
            Map<String, AttributeValue> before = null;
            for (StreamChange change : stored) {
                oracle.weigh(before, change.newImage());
                before = change.newImage();
            }
        }
        return oracle;
    }

    private void weigh(Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
        versions++;
        Standing from = standing(before);
        Standing to = standing(after);
        String type = switch (to) {
            case UNKNOWN -> null;
            case BOOKED -> from == Standing.UNKNOWN || from == Standing.CALLED_OFF ? "VisitBooked"
                    : from == Standing.BOOKED && moved(before, after) ? "VisitRescheduled" : null;
            case DONE -> from != Standing.DONE ? "VisitCompleted" : null;
            case CALLED_OFF -> from == Standing.BOOKED || from == Standing.DONE ? "VisitCancelled" : null;
        };
        long revision = after.containsKey(RecordItem.REVISION) ? number(after, RecordItem.REVISION) : 0;
        String company = Long.toString(number(after, RecordItem.COMPANY_ID));
        String record = Long.toString(number(after, RecordItem.RECORD_ID));
        String version = number(after, RecordItem.CHANGED_AT) + (revision == 0 ? "" : "-r" + revision);
        news.put(company + "-" + record + "-" + version, type != null);
        if (type == null) {
            return;
        }
        if (RecordSource.WEBHOOK.name().equals(text(after, RecordItem.SOURCE))) {
            newsFromWebhooks++;
        }
        String slug = type.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
        if (expected.put(company + "-" + record + "-" + slug + "-" + version, type) != null) {
            clashes++;
        }
    }

    private static Standing standing(Map<String, AttributeValue> image) {
        if (image == null) {
            return Standing.UNKNOWN;
        }
        if (flag(image, RecordItem.DELETED) || (image.containsKey(RecordItem.ATTENDANCE) && number(image, RecordItem.ATTENDANCE) == -1)) {
            return Standing.CALLED_OFF;
        }
        if (flag(image, RecordItem.PLACEHOLDER)) {
            return Standing.UNKNOWN;
        }
        boolean came = image.containsKey(RecordItem.ATTENDANCE) && number(image, RecordItem.ATTENDANCE) == 1;
        return came && flag(image, RecordItem.PAID_FULL) ? Standing.DONE : Standing.BOOKED;
    }

    private static boolean moved(Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
        Instant was = start(before);
        Instant is = start(after);
        boolean anotherStart = was != null && is != null && !was.equals(is);
        boolean anotherMaster = before.containsKey(RecordItem.STAFF_ID) && after.containsKey(RecordItem.STAFF_ID)
                && number(before, RecordItem.STAFF_ID) != number(after, RecordItem.STAFF_ID);
        return anotherStart || anotherMaster;
    }

    private static Instant start(Map<String, AttributeValue> image) {
        String text = text(image, RecordItem.STARTS_AT);
        return text == null ? null : OffsetDateTime.parse(text).toInstant();
    }

    private static long number(Map<String, AttributeValue> image, String name) {
        return Long.parseLong(image.get(name).n());
    }

    private static String text(Map<String, AttributeValue> image, String name) {
        AttributeValue value = image.get(name);
        return value == null ? null : value.s();
    }

    private static boolean flag(Map<String, AttributeValue> image, String name) {
        AttributeValue value = image.get(name);
        return value != null && Boolean.TRUE.equals(value.bool());
    }

    /** Event id → detail-type. */
    Map<String, String> expected() {
        return Map.copyOf(expected);
    }

    /** Stored versions (stream records) judged. */
    int versions() {
        return versions;
    }

    /** Changes the app must hear of: one event each. */
    int meaningful() {
        return expected.size();
    }

    /** Meaningful changes a webhook delivery stored (the rest the sync did): each of those deliveries wrote one. */
    int newsFromWebhooks() {
        return newsFromWebhooks;
    }

    /**
     * The events a bus took set against the oracle. {@code events}: distinct ids; {@code repeats}: copies of an id
     * taken before (a batch retried from its first refused item publishes the rest again; consumers drop them by id);
     * {@code duplicateIds}: ids taken for two different events (details differ), which a consumer would wrongly drop;
     * {@code forNoise}: events of a stored version that was no news; {@code unexplained}: events of no stored version;
     * {@code missing}/{@code unexpected}: ids the oracle has and the bus not, and the other way round (or of another type).
     */
    Verdict judge(List<RefusingEventBus.Taken> taken) {
        Map<String, RefusingEventBus.Taken> first = new LinkedHashMap<>();
        int repeats = 0;
        java.util.Set<String> duplicateIds = new java.util.TreeSet<>();
        for (RefusingEventBus.Taken event : taken) {
            RefusingEventBus.Taken earlier = first.putIfAbsent(event.eventId(), event);
            if (earlier != null) {
                repeats++;
                if (!earlier.type().equals(event.type()) || !earlier.detail().equals(event.detail())) {
                    duplicateIds.add(event.eventId());
                }
            }
        }
        int forNoise = 0;
        int unexplained = 0;
        List<String> unexpected = new ArrayList<>();
        for (RefusingEventBus.Taken event : first.values()) {
            Matcher id = EVENT_ID.matcher(event.eventId());
            Boolean wasNews = id.matches()
                    ? news.get(id.group(1) + "-" + id.group(2) + "-" + id.group(3) + (id.group(4) == null ? "" : "-r" + id.group(4)))
                    : null;
            if (wasNews == null) {
                unexplained++;
            } else if (!wasNews) {
                forNoise++;
            }
            if (!event.type().equals(expected.get(event.eventId()))) {
                unexpected.add(event.eventId() + " " + event.type());
            }
        }
        List<String> missing = expected.entrySet().stream().filter(entry -> !first.containsKey(entry.getKey()))
                .map(entry -> entry.getKey() + " " + entry.getValue()).toList();
        return new Verdict(meaningful(), first.size(), repeats, duplicateIds.size() + clashes, forNoise, unexplained, missing, unexpected);
    }

    record Verdict(int meaningful, int events, int repeats, int duplicateIds, int forNoise, int unexplained, List<String> missing,
                   List<String> unexpected) {
        /** The bus took exactly the oracle's events, by id and type, each id for one event. */
        boolean exact() {
            return missing.isEmpty() && unexpected.isEmpty() && duplicateIds == 0 && forNoise == 0 && unexplained == 0;
        }

        String mismatch() {
            return missing.size() + " missing (e.g. " + missing.subList(0, Math.min(5, missing.size())) + "), " + unexpected.size()
                    + " unexpected (e.g. " + unexpected.subList(0, Math.min(5, unexpected.size())) + "), " + duplicateIds
                    + " duplicate ids, " + forNoise + " for noise, " + unexplained + " of no stored version";
        }
    }
}
