package dev.muster.platform;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.Unmanaged;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** MicroProfile Metrics' application registry (Payara: {@code /metrics?scope=application}). */
final class MicroProfileMetricSink implements MetricSink {

    static final String REGISTRY_CLASS = "org.eclipse.microprofile.metrics.MetricRegistry";

    /** Injected, not looked up: Payara's producer reads the injection point (it fails on a programmatic lookup). */
    @Inject
    MetricRegistry registry;
    /** An implementation may reference a gauge's object weakly; these lambdas have no other owner. */
    private final List<Supplier<? extends Number>> readings = new CopyOnWriteArrayList<>();

    /** The server's registry, or null when the API is there but no implementation serves it. */
    static MetricSink ofServer() {
        if (!CDI.current().select(MetricRegistry.class).isResolvable()) {
            return null;
        }
        // Not a bean (discovery would load it on servers without the API): injected as a non-contextual instance.
        return new Unmanaged<>(MicroProfileMetricSink.class).newInstance().produce().inject().postConstruct().get();
    }

    @Override
    public void count(String name, String tag, String value) {
        registry.counter(name, new Tag(tag, value)).inc();
    }

    @Override
    public void gauge(String name, Supplier<? extends Number> reading, String tag, String value) {
        readings.add(reading);
        registry.gauge(name, reading, Supplier::get, new Tag(tag, value));
    }

    @Override
    public void gauge(String name, Supplier<? extends Number> reading) {
        readings.add(reading);
        registry.gauge(name, reading, Supplier::get);
    }

    @Override
    public void millis(String name, String description, long millis) {
        registry.histogram(Metadata.builder().withName(name).withDescription(description)
                .withUnit(MetricUnits.MILLISECONDS).build()).update(millis);
    }
}
