package org.xaso.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.xaso.api.record.Page;
import org.xaso.api.record.RecordQuery;
import org.xaso.api.record.RegisterRecord;
import org.xaso.api.register.RegisterDescriptor;
import org.xaso.engine.internal.Engine;
import org.xaso.engine.internal.TestEngines;
import org.xaso.engine.internal.TestUnits;

class DemoDataTest {

    @Test
    void loadsValidRecordsOnceMarkedAsDemo() throws Exception {
        Engine engine = TestEngines.engine();
        TestUnits units = new TestUnits();
        List<RegisterDescriptor> regs = engine.list();
        DemoData demo = new DemoData(engine, units);
        Map<String, Integer> created = demo.load(regs, List.of(TestUnits.WARD, TestUnits.COMMUNE), 15, 7L, TestEngines.CLOCK);
        assertThat(created).containsKeys("test-household", "test-plot");
        assertThat(created.get("test-household")).isEqualTo(30);
        assertThat(created.get("test-plot")).isEqualTo(30);

        Page<RegisterRecord> page = engine.search(TestEngines.OFFICER, "test-household", TestUnits.COMMUNE, RecordQuery.builder().limit(100).build());
        assertThat(page.total()).isEqualTo(15);
        assertThat(page.items()).allSatisfy(r -> {
            assertThat(r.source()).isEqualTo("demo");
            assertThat(r.createdBy()).isEqualTo("system:demo");
            assertThat((String) r.get("headCitizenId")).startsWith("080").hasSize(12);
            assertThat((String) r.get("hamlet")).isIn("AP1", "AP2");
        });
        List<String> households = page.items().stream().map(r -> r.id().toString()).toList();
        assertThat(engine.search(TestEngines.OFFICER, "test-plot", TestUnits.COMMUNE, RecordQuery.builder().limit(100).build()).items())
                .allSatisfy(p -> assertThat(households).contains((String) p.get("household")));

        assertThat(demo.load(regs, List.of(TestUnits.WARD, TestUnits.COMMUNE), 15, 7L, TestEngines.CLOCK)).isEmpty();
        assertThat(engine.search(TestEngines.OFFICER, "test-household", TestUnits.COMMUNE, RecordQuery.builder().limit(0).build()).total()).isEqualTo(15);
    }

    @Test
    void referredRegistersComeFirst() throws Exception {
        Engine engine = TestEngines.engine();
        List<RegisterDescriptor> reversed = new java.util.ArrayList<>(engine.list());
        java.util.Collections.reverse(reversed);
        assertThat(DemoData.dependencyOrder(reversed)).extracting(RegisterDescriptor::id).containsExactly("test-household", "test-plot");
    }
}
