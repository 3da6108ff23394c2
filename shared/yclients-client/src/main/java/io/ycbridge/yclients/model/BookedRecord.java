package io.ycbridge.yclients.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One created record in the answer of {@code book_record}: {@code id} is the request's appointment id,
 * {@code recordId} the record's id in YClients, {@code recordHash} what lets the booking user read or cancel it
 * without logging in ({@code user/records/{record_id}/{record_hash}}).
 */
public record BookedRecord(long id, @JsonProperty("record_id") long recordId, @JsonProperty("record_hash") String recordHash) {
}
