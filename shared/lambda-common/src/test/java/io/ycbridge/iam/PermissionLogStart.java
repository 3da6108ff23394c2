package io.ycbridge.iam;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Starts this JVM's {@link PermissionLog} when its tests start, whether or not a handler then calls AWS, so the file
 * always says which build ran the tests. JUnit finds it through META-INF/services in lambda-common's test jar.
 */
public final class PermissionLogStart implements TestExecutionListener {
    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        PermissionLog.jvm();
    }
}
