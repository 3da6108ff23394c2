package io.ycbridge.simulator;

/** A company's client; the phone is kept exactly as entered, because the API returns it in many notations. */
record Client(long companyId, long id, String name, String phone, String email) {

    String phoneDigits() {
        return phone == null ? "" : phone.replaceAll("\\D", "");
    }
}
