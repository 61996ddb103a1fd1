package org.xaso.demo.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.xaso.api.register.RegisterDescriptor;
import org.xaso.api.unit.Hamlet;

/** Valid sample records for the catalogue tests, made by the demo generator (package-private, hence this door). */
public final class Samples {

    private final DemoGenerator generator;

    public Samples(long seed, Instant now) {
        this.generator = new DemoGenerator(seed, now);
    }

    public Map<String, Object> record(RegisterDescriptor d, String communeName, List<Hamlet> hamlets,
                                      Function<String, List<String>> references, int n) {
        return generator.record(d, communeName, hamlets, references, n);
    }
}
