package io.ycbridge.localaws;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints one console line for every test or test class that is skipped, with the reason: the LocalStack suite skips
 * itself where there is no Docker engine, and a skip nobody reads looks like a pass. Registered for every module that
 * has local-aws on its test classpath (META-INF/services), since those are the modules whose tests depend on
 * local infrastructure.
 */
public final class SkippedTestReporter implements TestExecutionListener {

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        System.out.println("[SKIPPED] " + test.getLegacyReportingName() + " — " + reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        // Only skips are reported here; Surefire reports the rest.
    }
}
