package org.xaso.units.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import javax.persistence.EntityManagerFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xaso.api.context.CallerContext;
import org.xaso.api.error.CommuneGoneException;
import org.xaso.api.error.NotFoundException;
import org.xaso.api.error.ValidationException;
import org.xaso.api.unit.AdminUnit;
import org.xaso.api.unit.CommuneStatus;
import org.xaso.api.unit.Hamlet;
import org.xaso.api.unit.UnitKind;

/** The units service on EclipseLink and Derby, bootstrapped as in the server, without OSGi. */
class AdminUnitsTest {

    private static final Clock DEC_2026 = Clock.fixed(Instant.parse("2026-12-03T03:00:00Z"), ZoneOffset.UTC);
    private static final Clock MAY_2025 = Clock.fixed(Instant.parse("2025-05-01T03:00:00Z"), ZoneOffset.UTC);
    private static final CallerContext ADMIN = CallerContext.builder().user("admin").channel("rest").allCommunes().build();

    private EntityManagerFactory emf;

    @BeforeEach
    void setUp() {
        emf = UnitsPersistence.create(org.xaso.engine.internal.TestEngines.newDatabase());
    }

    @AfterEach
    void tearDown() {
        emf.close();
    }

    @Test
    void theSeedTownHasEightUnitsBeforeTheReformAndThreeAfter() {
        AdminUnits units = new AdminUnits(new UnitStore(emf), DEC_2026);
        assertThat(units.units()).filteredOn(u -> "795".equals(u.parentCode())).extracting(AdminUnit::name)
                .containsExactlyInAnyOrder("Phường 1", "Phường 2", "Phường 3", "Xã Thạnh Trị", "Xã Bình Hiệp",
                        "Xã Bình Tân", "Xã Tuyên Thạnh", "Xã Thạnh Hưng");
        assertThat(units.requireCurrentCommune("27787").name()).isEqualTo("Phường Kiến Tường");
        assertThat(units.requireCurrentCommune("27793").name()).isEqualTo("Xã Bình Hiệp");
        assertThat(units.requireCurrentCommune("27817").name()).isEqualTo("Xã Tuyên Thạnh");
        assertThat(units.requireCurrentCommune("27817").kind()).isEqualTo(UnitKind.XA);
        assertThat(units.requireCurrentCommune("27787").parentCode()).isEqualTo("80");
        assertThat(units.units()).filteredOn(u -> u.code().equals("80") && u.validTo() == null)
                .singleElement().satisfies(u -> assertThat(u.name()).isEqualTo("Tỉnh Tây Ninh"));
    }

    @Test
    void aCodeReusedByTheReformHasItsHistory() {
        AdminUnits units = new AdminUnits(new UnitStore(emf), DEC_2026);
        CommuneStatus s = units.commune("27817");
        assertThat(s.history()).extracting(AdminUnit::name).containsExactly("Xã Thạnh Hưng", "Xã Tuyên Thạnh");
        assertThat(s.current().validFrom()).hasToString("2025-07-01");
    }

    @Test
    void aMergedCommuneNamesItsSuccessor() {
        AdminUnits units = new AdminUnits(new UnitStore(emf), DEC_2026);
        assertThatThrownBy(() -> units.requireCurrentCommune("27805")).isInstanceOfSatisfying(CommuneGoneException.class, e -> {
            assertThat(e.unit().name()).isEqualTo("Xã Tuyên Thạnh");
            assertThat(e.successors()).extracting(AdminUnit::code).containsExactly("27817");
            assertThat(e.messageVi()).contains("2025-07-01").contains("Xã Tuyên Thạnh (27817)");
        });
        assertThatThrownBy(() -> units.requireCurrentCommune("27788")).isInstanceOfSatisfying(CommuneGoneException.class,
                e -> assertThat(e.successors()).extracting(AdminUnit::name).containsExactly("Phường Kiến Tường"));
        assertThatThrownBy(() -> units.requireCurrentCommune("27829")).isInstanceOfSatisfying(CommuneGoneException.class,
                e -> assertThat(e.successors()).extracting(AdminUnit::code).containsExactlyInAnyOrder("27817", "27841"));
        assertThat(units.successions()).filteredOn(x -> x.predecessorKey().startsWith("27829@")).allMatch(x -> x.partial());
    }

    @Test
    void beforeTheReformTheOldUnitsWereCurrent() {
        AdminUnits units = new AdminUnits(new UnitStore(emf), MAY_2025);
        assertThat(units.requireCurrentCommune("27787").name()).isEqualTo("Phường 1");
        assertThat(units.requireCurrentCommune("27805").name()).isEqualTo("Xã Tuyên Thạnh");
    }

    @Test
    void provincesAndUnknownCodesAreNotCommunes() {
        AdminUnits units = new AdminUnits(new UnitStore(emf), DEC_2026);
        assertThatThrownBy(() -> units.requireCurrentCommune("80")).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.messageVi()).contains("không phải cấp xã"));
        assertThatThrownBy(() -> units.requireCurrentCommune("12345")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void restartingKeepsOneCopyOfEachUnit() {
        new AdminUnits(new UnitStore(emf), DEC_2026);
        AdminUnits again = new AdminUnits(new UnitStore(emf), DEC_2026);
        assertThat(again.units()).hasSize(21);
        assertThat(again.successions()).hasSize(14);
    }

    @Test
    void hamletsAreKeptPerCommuneAndValidated() {
        AdminUnits units = new AdminUnits(new UnitStore(emf), DEC_2026);
        units.saveHamlet(ADMIN, new Hamlet("27793", "AP1", "  Ấp   1 ", true, "demo"));
        units.saveHamlet(ADMIN, new Hamlet("27793", "AP2", "Ấp 2", true, "demo"));
        assertThat(units.hamlets("27793")).extracting(Hamlet::name).containsExactly("Ấp 1", "Ấp 2");
        units.saveHamlet(ADMIN, new Hamlet("27793", "AP2", "Ấp 2 (cũ)", false, "demo"));
        assertThat(units.hamlets("27793")).extracting(Hamlet::active).containsExactly(true, false);
        assertThat(units.hamlets("27787")).isEmpty();
        assertThatThrownBy(() -> units.saveHamlet(ADMIN, new Hamlet("27793", "ấp 3", "", true, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).hasSize(2));
        assertThatThrownBy(() -> units.saveHamlet(ADMIN, new Hamlet("27805", "AP1", "Ấp 1", true, null)))
                .isInstanceOf(CommuneGoneException.class);
    }
}
