package io.ycbridge.ops;

import io.ycbridge.record.RecordItem;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** One record of RecordsTable by its key: what recovery is handed, whichever way it found the record. */
record RecordKey(long companyId, long recordId) {

    /** The key of a stream record ({@code dynamodb.Keys}). */
    static RecordKey of(Map<String, AttributeValue> keys) {
        AttributeValue company = keys.get(RecordItem.COMPANY_ID);
        AttributeValue record = keys.get(RecordItem.RECORD_ID);
        if (company == null || company.n() == null || record == null || record.n() == null) {
            throw new IllegalArgumentException("a stream record without RecordsTable's key (" + RecordItem.COMPANY_ID + ", "
                    + RecordItem.RECORD_ID + "): is the message from another table's stream?");
        }
        return new RecordKey(Long.parseLong(company.n()), Long.parseLong(record.n()));
    }

    @Override
    public String toString() {
        return "company " + companyId + " record " + recordId;
    }
}
