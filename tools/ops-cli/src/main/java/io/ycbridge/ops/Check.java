package io.ycbridge.ops;

import java.util.List;

/** One line of the doctor's checklist: what was checked, how it went, what was seen, and the fix when it failed. */
record Check(String id, Status status, String title, List<String> details, String fix) {
    Check {
        details = List.copyOf(details);
    }

    static Check ok(String id, String title, String... details) {
        return new Check(id, Status.OK, title, List.of(details), null);
    }

    static Check warn(String id, String title, String fix, String... details) {
        return new Check(id, Status.WARN, title, List.of(details), fix);
    }

    static Check fail(String id, String title, String fix, String... details) {
        return new Check(id, Status.FAIL, title, List.of(details), fix);
    }

    static Check skip(String id, String title, String why) {
        return new Check(id, Status.SKIP, title, List.of(why), null);
    }

    enum Status {
        OK("✅"), WARN("⚠️ "), FAIL("❌"), SKIP("⏭️ ");

        final String mark;

        Status(String mark) {
            this.mark = mark;
        }
    }
}
