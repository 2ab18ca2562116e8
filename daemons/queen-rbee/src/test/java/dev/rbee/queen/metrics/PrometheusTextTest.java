package dev.rbee.queen.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {
    @Test
    void familiesAndSamplesAreWrittenInTheTextFormat() {
        String text = new PrometheusText().family("rbee_workers", "gauge", "Registered workers")
                .sample("rbee_workers", 2, "node", "localhost", "state", "idle")
                .family("rbee_tasks_active", "gauge", "Tasks in flight").sample("rbee_tasks_active", 0).toString();
        assertEquals("# HELP rbee_workers Registered workers\n# TYPE rbee_workers gauge\n"
                + "rbee_workers{node=\"localhost\",state=\"idle\"} 2\n"
                + "# HELP rbee_tasks_active Tasks in flight\n# TYPE rbee_tasks_active gauge\nrbee_tasks_active 0\n",
                text);
    }

    @Test
    void labelValuesAreEscaped() {
        assertEquals("m{model=\"a\\\\b\\\"c\\nd\"} 1\n",
                new PrometheusText().sample("m", 1, "model", "a\\b\"c\nd").toString());
    }

    @Test
    void numbersAreWrittenSoPrometheusParsesThem() {
        assertEquals("3", PrometheusText.number(3.0));
        assertEquals("0.25", PrometheusText.number(0.25));
        assertEquals("+Inf", PrometheusText.number(Double.POSITIVE_INFINITY));
        assertEquals("NaN", PrometheusText.number(Double.NaN));
        assertEquals("25769803776", PrometheusText.number(25_769_803_776.0));
    }

    @Test
    void histogramBucketsAreCumulativeWithInfSumAndCount() {
        Histogram h = new Histogram(new double[] {0.05, 1, 60});
        h.observe(0.01);
        h.observe(0.5);
        h.observe(0.5);
        h.observe(120);
        assertEquals("h_bucket{le=\"0.05\"} 1\nh_bucket{le=\"1\"} 3\nh_bucket{le=\"60\"} 3\nh_bucket{le=\"+Inf\"} 4\n"
                + "h_sum 121.01\nh_count 4\n", new PrometheusText().histogram("h", h.snapshot()).toString());
    }
}
