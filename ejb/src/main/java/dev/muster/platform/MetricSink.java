package dev.muster.platform;

import java.util.function.Supplier;

/**
 * Where {@link MusterMetrics} records. The ejb jar must deploy on servers without MicroProfile Metrics (WildFly has
 * none), so only {@link MicroProfileMetricSink} names its types and is loaded only where they exist; elsewhere
 * nothing is recorded. Every metric has at most one tag.
 */
interface MetricSink {

    MetricSink NONE = new MetricSink() {
        @Override
        public void count(String name, String tag, String value) {
        }

        @Override
        public void gauge(String name, Supplier<? extends Number> reading, String tag, String value) {
        }

        @Override
        public void gauge(String name, Supplier<? extends Number> reading) {
        }

        @Override
        public void millis(String name, String description, long millis) {
        }
    };

    /** Adds one to the counter {@code name{tag=value}}. */
    void count(String name, String tag, String value);

    /** Registers {@code name{tag=value}}, read from {@code reading} whenever it is scraped. */
    void gauge(String name, Supplier<? extends Number> reading, String tag, String value);

    void gauge(String name, Supplier<? extends Number> reading);

    /** Records one duration in the histogram {@code name}. */
    void millis(String name, String description, long millis);
}
