package dev.rbee.queen.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the Prometheus text exposition format 0.0.4: one {@code # HELP} and {@code # TYPE} line per family, then its
 * samples. Label values are escaped (backslash, double quote, newline) so any node or model name is safe.
 */
public final class PrometheusText {
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder out = new StringBuilder();

    /** Starts a family; {@code type} is {@code counter}, {@code gauge} or {@code histogram}. */
    public PrometheusText family(String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n"))
                .append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        return this;
    }

    /** One sample; {@code labels} alternate name and value. */
    public PrometheusText sample(String name, double value, String... labels) {
        out.append(name);
        if (labels.length > 0) {
            out.append('{');
            for (int i = 0; i + 1 < labels.length; i += 2) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(labels[i]).append("=\"").append(escape(labels[i + 1])).append('"');
            }
            out.append('}');
        }
        return append(value);
    }

    /** The {@code _bucket}, {@code _sum} and {@code _count} samples of a histogram without labels. */
    public PrometheusText histogram(String name, Histogram.Snapshot h) {
        long cumulative = 0;
        for (int i = 0; i < h.bounds().length; i++) {
            cumulative += h.counts()[i];
            sample(name + "_bucket", cumulative, "le", number(h.bounds()[i]));
        }
        sample(name + "_bucket", h.count(), "le", "+Inf");
        sample(name + "_sum", h.sum());
        return sample(name + "_count", h.count());
    }

    /** Label pairs from a map, in its order. */
    public static String[] labels(Map<String, String> pairs) {
        return pairs.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                .toArray(String[]::new);
    }

    static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private PrometheusText append(double value) {
        out.append(' ').append(number(value)).append('\n');
        return this;
    }

    /** Integers without a fraction, other values as Java writes them (which Prometheus parses). */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    static String escape(String value) {
        return String.valueOf(value).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
