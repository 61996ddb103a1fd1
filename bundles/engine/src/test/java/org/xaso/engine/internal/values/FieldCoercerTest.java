package org.xaso.engine.internal.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xaso.api.error.FieldViolation;
import org.xaso.api.register.FieldDescriptor;
import org.xaso.api.register.RegisterDescriptor;
import org.xaso.engine.internal.TestEngines;
import org.xaso.engine.internal.TestUnits;

class FieldCoercerTest {

    private static RegisterDescriptor reg;
    private final FieldCoercer coercer = new FieldCoercer(TestEngines.CLOCK);
    private final TestUnits units = new TestUnits();

    @BeforeAll
    static void load() throws Exception {
        reg = TestEngines.parse("/registers/household.yaml").descriptor();
    }

    private Object ok(String field, Object raw) {
        List<FieldViolation> v = new ArrayList<>();
        Object out = coercer.coerce(reg, reg.field(field).orElseThrow(), raw, null, TestUnits.COMMUNE, units::hamlets, v);
        assertThat(v).as("violations of %s=%s", field, raw).isEmpty();
        return out;
    }

    private FieldViolation refused(String field, Object raw) {
        List<FieldViolation> v = new ArrayList<>();
        Object out = coercer.coerce(reg, reg.field(field).orElseThrow(), raw, null, TestUnits.COMMUNE, units::hamlets, v);
        assertThat(out).isNull();
        assertThat(v).hasSize(1);
        assertThat(v.get(0).field()).isEqualTo(field);
        assertThat(v.get(0).messageVi()).isNotBlank();
        assertThat(v.get(0).messageEn()).isNotBlank();
        return v.get(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1.500.000|1500000", "1,500,000|1500000", "1500000|1500000", "1 500 000|1500000", "-20|-20"})
    void moneyAcceptsVietnameseGrouping(String raw, long expected) {
        assertThat(ok("income", raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1234,5|1234.5", "1234.5|1234.5", "1.234,56|1234.56", "1,234.56|1234.56", "0|0", "1.500.000|1500000"})
    void areaAcceptsDecimalCommaAndPoint(String raw, String expected) {
        assertThat(ok("landArea", raw)).isEqualTo(new BigDecimal(expected));
    }

    @Test
    void numbersAreCheckedForRangeScaleAndForm() {
        assertThat(refused("income", "1,5").code()).isEqualTo("not-a-whole-number");
        assertThat(refused("members", "abc").code()).isEqualTo("not-a-whole-number");
        assertThat(refused("members", "0").code()).isEqualTo("below-minimum");
        assertThat(refused("members", 51).code()).isEqualTo("above-maximum");
        assertThat(refused("landArea", "12,345").code()).isEqualTo("ambiguous-number");
        assertThat(refused("landArea", "12.000").code()).isEqualTo("ambiguous-number");
        assertThat(refused("landArea", "1,2345").code()).isEqualTo("too-many-decimals");
        assertThat(refused("landArea", "-1").code()).isEqualTo("below-minimum");
        assertThat(refused("yieldRate", "1e400").code()).isEqualTo("not-a-number");
        assertThat(refused("income", Double.NaN).code()).isEqualTo("not-a-whole-number");
        assertThat(ok("yieldRate", 5.125)).isEqualTo(new BigDecimal("5.125"));
    }

    @Test
    void datesInIsoAndVietnameseForms() {
        assertThat(ok("registeredOn", "2024-03-15")).isEqualTo(LocalDate.of(2024, 3, 15));
        assertThat(ok("registeredOn", "15/03/2024")).isEqualTo(LocalDate.of(2024, 3, 15));
        assertThat(ok("registeredOn", "5/3/2024")).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(refused("registeredOn", "31/02/2024").code()).isEqualTo("not-a-date");
        assertThat(refused("registeredOn", "hôm qua").code()).isEqualTo("not-a-date");
        assertThat(refused("registeredOn", "2027-01-01").code()).isEqualTo("in-future");
    }

    @Test
    void dateTimesWithoutOffsetAreVietnamTime() {
        assertThat(ok("surveyedAt", "2026-03-15T08:30")).isEqualTo(Instant.parse("2026-03-15T01:30:00Z"));
        assertThat(ok("surveyedAt", "15/03/2026 08:30")).isEqualTo(Instant.parse("2026-03-15T01:30:00Z"));
        assertThat(ok("surveyedAt", "2026-03-15T08:30:00Z")).isEqualTo(Instant.parse("2026-03-15T08:30:00Z"));
        assertThat(refused("surveyedAt", "15/03/2026").code()).isEqualTo("not-a-date-time");
    }

    @Test
    void phonesAreNormalised() {
        assertThat(ok("phone", "+84 912 345 678")).isEqualTo("0912345678");
        assertThat(ok("phone", "0912.345.678")).isEqualTo("0912345678");
        assertThat(ok("phone", "0272 3841 234")).isEqualTo("02723841234");
        assertThat(refused("phone", "0123456").code()).isEqualTo("invalid-phone");
        assertThat(refused("phone", "0612345678").code()).isEqualTo("invalid-phone");
    }

    @Test
    void citizenIdsAreCheckedByStructure() {
        assertThat(ok("headCitizenId", "080 090 001 234")).isEqualTo("080090001234");
        assertThat(ok("headCitizenId", "079203001111")).isEqualTo("079203001111");
        assertThat(refused("headCitizenId", "08009000123").messageVi()).contains("12 chữ số");
        assertThat(refused("headCitizenId", "003090001234").messageVi()).contains("003");
        assertThat(refused("headCitizenId", "080395001234").messageEn()).contains("2095");
        assertThat(refused("headCitizenId", "08009000123A").code()).isEqualTo("invalid-citizen-id");
    }

    @Test
    void extraPrefixesCanBeAllowedByConfiguration() {
        FieldCoercer withAbroad = new FieldCoercer(TestEngines.CLOCK, java.util.Set.of("704"));
        List<FieldViolation> v = new ArrayList<>();
        Object out = withAbroad.coerce(reg, reg.field("headCitizenId").orElseThrow(), "704090001234", null,
                TestUnits.COMMUNE, units::hamlets, v);
        assertThat(v).isEmpty();
        assertThat(out).isEqualTo("704090001234");
    }

    @Test
    void codesAreTakenByCodeOrByLabelIgnoringDiacritics() {
        assertThat(ok("mainCrop", "lua")).isEqualTo("lua");
        assertThat(ok("mainCrop", "Lúa")).isEqualTo("lua");
        assertThat(ok("mainCrop", "THANH LONG")).isEqualTo("thanh-long");
        assertThat(ok("mainCrop", "Dragon fruit")).isEqualTo("thanh-long");
        assertThat(refused("mainCrop", "Xoài").code()).isEqualTo("unknown-code");
        assertThat(refused("mainCrop", "dua").code()).isEqualTo("inactive-code");
    }

    @Test
    void inactiveCodeIsKeptWhenUnchanged() {
        List<FieldViolation> v = new ArrayList<>();
        FieldDescriptor f = reg.field("mainCrop").orElseThrow();
        assertThat(coercer.coerce(reg, f, "dua", "dua", TestUnits.COMMUNE, units::hamlets, v)).isEqualTo("dua");
        assertThat(v).isEmpty();
    }

    @Test
    void hamletsAreThoseOfTheRecordsCommune() {
        assertThat(ok("hamlet", "AP1")).isEqualTo("AP1");
        assertThat(ok("hamlet", "ap go don")).isEqualTo("AP2");
        assertThat(refused("hamlet", "Khu phố 1").code()).isEqualTo("unknown-hamlet");
        assertThat(refused("hamlet", "Ấp Cũ").code()).isEqualTo("unknown-hamlet");
    }

    @Test
    void booleansInVietnamese() {
        assertThat(ok("vietgap", "Có")).isEqualTo(true);
        assertThat(ok("vietgap", "x")).isEqualTo(true);
        assertThat(ok("vietgap", "không")).isEqualTo(false);
        assertThat(ok("vietgap", false)).isEqualTo(false);
        assertThat(refused("vietgap", "có lẽ").code()).isEqualTo("not-a-boolean");
    }

    @Test
    void textIsCleanedAndLimited() {
        assertThat(ok("headName", "  Nguyễn   Văn An ")).isEqualTo("Nguyễn Văn An");
        assertThat(refused("headName", "x".repeat(101)).code()).isEqualTo("too-long");
        assertThat(refused("headName", java.util.Map.of("a", 1)).code()).isEqualTo("not-text");
        assertThat(ok("note", "dòng 1\r\ndòng 2")).isEqualTo("dòng 1\ndòng 2");
    }

    @Test
    void emailsAndReferences() {
        assertThat(ok("email", "An.Nguyen@Example.VN")).isEqualTo("An.Nguyen@example.vn");
        assertThat(refused("email", "an.nguyen@").code()).isEqualTo("invalid-email");
    }
}
