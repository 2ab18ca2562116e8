package dev.rbee.features;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectClasspathResource;
import org.junit.platform.suite.api.Suite;

/** Runs every scenario under {@code src/test/resources/features} against the real launchers in {@code bin/}. */
@Suite
@IncludeEngines("cucumber")
@SelectClasspathResource("features")
public class RunFeaturesTest {
}
