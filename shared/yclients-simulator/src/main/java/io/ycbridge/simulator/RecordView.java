package io.ycbridge.simulator;

/** A record with what its JSON embeds, read together so the rendering sees one consistent moment. */
record RecordView(Appointment record, Company company, StaffMember staff, Client client) {
}
