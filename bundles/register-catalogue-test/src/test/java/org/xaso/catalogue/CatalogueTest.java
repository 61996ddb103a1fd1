package org.xaso.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xaso.api.register.CodeList;
import org.xaso.api.register.FieldDescriptor;
import org.xaso.api.register.FieldType;
import org.xaso.api.register.PersonalDataClass;
import org.xaso.api.register.RegisterDescriptor;
import org.xaso.engine.internal.Engine;
import org.xaso.engine.internal.TestEngines;
import org.xaso.engine.internal.TestUnits;
import org.xaso.engine.internal.schema.RegisterTable;
import org.xaso.engine.internal.store.Deployed;
import org.xaso.engine.internal.text.VietnameseText;

/** Every descriptor of the eight domain bundles against the catalogue of Appendix IV and the house rules. */
class CatalogueTest {

    private static List<Catalogue.Row> rows;
    private static List<Catalogue.Shipped> shipped;
    private static Map<String, RegisterDescriptor> byId;

    @BeforeAll
    static void read() {
        rows = Catalogue.rows();
        shipped = Catalogue.registers();
        byId = shipped.stream().collect(Collectors.toMap(s -> s.parsed().descriptor().id(), s -> s.parsed().descriptor()));
    }

    @Test
    void theCatalogueHasEightyEightRegistersAndEachIsShippedOnceByItsDomainBundle() {
        assertThat(rows).hasSize(88);
        assertThat(shipped).hasSize(88);
        assertThat(byId.keySet()).containsExactlyInAnyOrderElementsOf(rows.stream().map(Catalogue.Row::id).toList());
        for (Catalogue.Shipped s : shipped) {
            assertThat(s.parsed().descriptor().domain()).as(s.parsed().descriptor().id()).isEqualTo(s.domain());
        }
        assertThat(rows.stream().map(Catalogue.Row::domain).distinct()).containsExactlyInAnyOrderElementsOf(Catalogue.DOMAINS);
    }

    @Test
    void descriptorsFollowTheirCatalogueRow() {
        List<String> problems = new ArrayList<>();
        for (Catalogue.Row r : rows) {
            RegisterDescriptor d = byId.get(r.id());
            var f = d.flags();
            check(problems, r.id(), "seedCode", r.seedCode(), d.seedCode());
            check(problems, r.id(), "crud", r.crud(), f.crud());
            check(problems, r.id(), "onestopLink", r.onestopLink(), f.onestopLink());
            check(problems, r.id(), "excelImport", r.excelImport(), f.excelImport());
            check(problems, r.id(), "externalSource", r.externalSource(), f.externalSource());
            check(problems, r.id(), "autoAggregate", r.autoAggregate(), f.autoAggregate());
            check(problems, r.id(), "criteriaSet", r.criteriaSet(), f.criteriaSet());
            if (!r.nameEn().equals(d.nameEn())) {
                problems.add(r.id() + ": English name '" + d.nameEn() + "' is not the catalogue's '" + r.nameEn() + "'");
            }
            if (f.onestopLink()) {
                for (String dossier : List.of("dossierCode", "procedureCode", "dossierStatus", "dossierReceivedOn", "dossierDueOn")) {
                    if (d.field(dossier).isEmpty()) {
                        problems.add(r.id() + ": linked to the one-stop system but has no " + dossier);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static void check(List<String> problems, String id, String what, Object want, Object have) {
        if (!java.util.Objects.equals(want, have)) {
            problems.add(id + ": " + what + " is " + have + ", the catalogue says " + want);
        }
    }

    @Test
    void everyFieldIsLabelledInBothLanguagesAndLabelsNameOneColumn() {
        List<String> problems = new ArrayList<>();
        for (RegisterDescriptor d : byId.values()) {
            if (d.nameVi().isBlank() || d.nameEn() == null || d.nameEn().isBlank()) {
                problems.add(d.id() + ": register name missing");
            }
            Map<String, String> vi = new HashMap<>();
            Map<String, String> en = new HashMap<>();
            for (FieldDescriptor f : d.fields()) {
                String where = d.id() + "." + f.name();
                if (f.labelVi() == null || f.labelVi().isBlank() || f.labelEn() == null || f.labelEn().isBlank()) {
                    problems.add(where + ": a label is missing");
                    continue;
                }
                if (f.labelVi().equals(f.labelEn()) && !f.labelVi().matches("[A-Za-z0-9 /.-]+")) {
                    problems.add(where + ": the English label is the Vietnamese one");
                }
                String prev = vi.put(VietnameseText.fold(f.labelVi()), f.name());
                if (prev != null) {
                    problems.add(where + ": Vietnamese label also used by " + prev + " (spreadsheet headers must be unambiguous)");
                }
                prev = en.put(f.labelEn().toLowerCase(Locale.ROOT), f.name());
                if (prev != null) {
                    problems.add(where + ": English label also used by " + prev);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void fieldsThatIdentifyAPersonCarryThePersonalDataClass() {
        List<String> problems = new ArrayList<>();
        for (RegisterDescriptor d : byId.values()) {
            boolean aboutPeople = d.fields().stream().anyMatch(f -> f.type() == FieldType.CITIZEN_ID);
            for (FieldDescriptor f : d.fields()) {
                // an organisation's phone and e-mail may be public; a person's may not
                boolean identifying = f.type() == FieldType.CITIZEN_ID
                        || aboutPeople && (f.type() == FieldType.PHONE || f.type() == FieldType.EMAIL);
                if (identifying && !f.personalData().isPersonal()) {
                    problems.add(d.id() + "." + f.name() + " (" + f.type().jsonName() + ") is " + f.personalData().jsonName());
                }
            }
        }
        assertThat(problems).isEmpty();
        long sensitive = byId.values().stream().flatMap(d -> d.fields().stream())
                .filter(f -> f.personalData() == PersonalDataClass.SENSITIVE).count();
        assertThat(sensitive).as("health, drug rehabilitation, social assistance... fields are sensitive").isGreaterThan(20);
        assertThat(byId.get("drug-rehab-person").fields()).anySatisfy(f ->
                assertThat(f.personalData()).isEqualTo(PersonalDataClass.SENSITIVE));
    }

    @Test
    void everyRegisterShipsReportsAndSearchableFields() {
        for (RegisterDescriptor d : byId.values()) {
            assertThat(d.reports()).as(d.id() + " reports").isNotEmpty();
            assertThat(d.fields()).as(d.id() + " searchable fields").anyMatch(FieldDescriptor::searchable);
            assertThat(d.fields()).as(d.id() + " statistics dimensions").anyMatch(FieldDescriptor::dimension);
        }
    }

    @Test
    void searchableFieldsAreIndexedOnTheDatabase() throws Exception {
        DataSource ds = TestEngines.newDatabase();
        Engine engine = new Engine(ds, new TestUnits(), id -> List.of(), TestEngines.CLOCK, Engine.Settings.DEFAULT);
        for (Catalogue.Shipped s : shipped) {
            engine.deploy(s.parsed(), "register-" + s.domain(), Catalogue.DOMAINS.indexOf(s.domain()));
        }
        List<String> problems = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            for (RegisterDescriptor d : engine.list()) {
                Deployed dep = engine.require(d.id());
                Set<String> indexed = new HashSet<>();
                String table = md.storesUpperCaseIdentifiers() ? dep.table().name() : dep.table().name().toLowerCase(Locale.ROOT);
                try (ResultSet rs = md.getIndexInfo(null, c.getSchema(), table, false, true)) {
                    while (rs.next()) {
                        if (rs.getShort("ORDINAL_POSITION") == 2) {
                            indexed.add(rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
                        }
                    }
                }
                for (FieldDescriptor f : d.fields()) {
                    if (!f.searchable() || f.type() == FieldType.LONG_TEXT) {
                        continue;
                    }
                    RegisterTable.FieldColumn fc = dep.table().column(f.name());
                    String col = (fc.foldedColumn() != null ? fc.foldedColumn() : fc.column()).toUpperCase(Locale.ROOT);
                    if (!indexed.contains(col)) {
                        problems.add(d.id() + "." + f.name() + " searchable but column " + col + " has no index");
                    }
                }
            }
        }
        assertThat(engine.list()).hasSize(88);
        assertThat(problems).isEmpty();
    }

    @Test
    void codeListsHaveABasisAndOneMeaningPerId() {
        Map<String, CodeList> builtIn = Catalogue.builtInLists();
        List<Catalogue.ShippedList> lists = Catalogue.shippedLists();
        List<String> problems = new ArrayList<>();
        Map<String, Catalogue.ShippedList> seen = new HashMap<>();
        for (Catalogue.ShippedList s : lists) {
            if (s.list().basis() == null || s.list().basis().isBlank()) {
                problems.add(s.bundle() + "/" + s.list().id() + ": no basis (official source, or 'Xã Số's own')");
            }
            if (builtIn.containsKey(s.list().id())) {
                problems.add(s.bundle() + "/" + s.list().id() + ": redefines a built-in list");
            }
            Catalogue.ShippedList other = seen.putIfAbsent(s.list().id(), s);
            if (other != null && !other.list().equals(s.list())) {
                problems.add(s.list().id() + ": shipped differently by " + other.bundle() + " and " + s.bundle()
                        + " (code lists are shared by id across bundles)");
            }
        }
        Set<String> used = byId.values().stream().flatMap(d -> d.fields().stream()).map(FieldDescriptor::codeList)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        for (Catalogue.ShippedList s : lists) {
            if (!used.contains(s.list().id())) {
                problems.add(s.bundle() + "/" + s.list().id() + ": no register uses it");
            }
        }
        assertThat(problems).isEmpty();
        assertThat(builtIn.values()).allSatisfy(l -> assertThat(l.basis()).as(l.id()).isNotBlank());
        Function<String, CodeList> all = id -> builtIn.containsKey(id) ? builtIn.get(id) : seen.get(id).list();
        assertThat(all.apply("dossier-status").values()).hasSize(10);
        assertThat(all.apply("ntm-criterion").values()).hasSize(19);
    }
}
