package org.xaso.engine.internal.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.xaso.api.register.CodeList;
import org.xaso.api.register.FieldType;
import org.xaso.api.register.PersonalDataClass;
import org.xaso.api.register.RegisterDescriptor;
import org.xaso.engine.internal.TestEngines;

class DescriptorReaderTest {

    private final DescriptorReader reader = new DescriptorReader();

    private DescriptorReader.Parsed read(String yaml) throws Exception {
        Map<String, CodeList> lists = TestEngines.codeLists();
        return reader.readRegister("test.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), lists::get);
    }

    @Test
    void readsEveryAttributeOfTheTestRegister() throws Exception {
        RegisterDescriptor d = TestEngines.parse("/registers/household.yaml").descriptor();
        assertThat(d.id()).isEqualTo("test-household");
        assertThat(d.nameVi()).isEqualTo("Hộ thử nghiệm");
        assertThat(d.fields()).hasSize(15);
        assertThat(d.naturalKey()).containsExactly("headCitizenId");
        assertThat(d.field("headCitizenId").orElseThrow().personalData()).isEqualTo(PersonalDataClass.PERSONAL);
        assertThat(d.field("gender").orElseThrow().type()).isEqualTo(FieldType.CODE);
        assertThat(d.codeList("gender").orElseThrow().values()).extracting(v -> v.code()).containsExactly("1", "2", "0");
        assertThat(d.field("members").orElseThrow().max()).isEqualByComparingTo("50");
    }

    @Test
    void sameContentGivesTheSameFingerprintWhateverTheLayout() throws Exception {
        String a = "id: r\ndomain: x\nnameVi: Sổ\nnameEn: R\nfields:\n  - {name: a, type: text, labelVi: A, labelEn: A}\n";
        String b = "# comment\nnameEn: R\nid: r\nnameVi: Sổ\ndomain: x\nfields:\n  - name: a\n    labelEn: A\n    type: text\n    labelVi: A\n";
        assertThat(read(a).sha256()).isEqualTo(read(b).sha256());
        String c = a.replace("labelEn: A}", "labelEn: B}");
        assertThat(read(c).sha256()).isNotEqualTo(read(a).sha256());
    }

    @Test
    void refusesWithEveryProblemNamed() {
        String yaml = """
                id: Bad_Id
                domain: agriculture
                nameVi: Sổ
                nameEn: Register
                colour: blue
                naturalKey: [note, missing]
                fields:
                  - {name: version, type: text, labelVi: Phiên bản, labelEn: Version}
                  - {name: crop, type: code, labelVi: Cây, labelEn: Crop}
                  - {name: kind, type: code, codeList: nowhere, labelVi: Loại, labelEn: Kind}
                  - {name: size, type: text, labelVi: Cỡ, labelEn: Size, min: 3}
                  - {name: owner, type: reference, labelVi: Chủ, labelEn: Owner}
                  - {name: note, type: text, labelEn: Note}
                  - {name: total, type: wholeNumber, labelVi: Tổng, labelEn: Total}
                """;
        assertThatThrownBy(() -> read(yaml)).isInstanceOfSatisfying(DescriptorException.class, e -> assertThat(e.problems())
                .anySatisfy(p -> assertThat(p).contains("Bad_Id"))
                .anySatisfy(p -> assertThat(p).contains("unknown key 'colour'"))
                .anySatisfy(p -> assertThat(p).contains("'version'").contains("reserved"))
                .anySatisfy(p -> assertThat(p).contains("'crop'").contains("codeList"))
                .anySatisfy(p -> assertThat(p).contains("code list 'nowhere'"))
                .anySatisfy(p -> assertThat(p).contains("'size'").contains("min/max"))
                .anySatisfy(p -> assertThat(p).contains("'owner'").contains("ref"))
                .anySatisfy(p -> assertThat(p).contains("'note'").contains("'labelVi' is required"))
                .anySatisfy(p -> assertThat(p).contains("'total'").contains("'type' must be one of"))
                .anySatisfy(p -> assertThat(p).contains("naturalKey names unknown field 'missing'")));
    }

    @Test
    void citizenIdCannotBeDeclaredPublic() {
        String yaml = "id: r\ndomain: x\nnameVi: S\nnameEn: R\nfields:\n"
                + "  - {name: pid, type: citizenId, labelVi: Số ĐDCN, labelEn: ID, personalData: public}\n";
        assertThatThrownBy(() -> read(yaml)).hasMessageContaining("personal data");
    }

    @Test
    void brokenYamlIsReportedNotThrownRaw() {
        assertThatThrownBy(() -> read("id: [unclosed\n")).isInstanceOf(DescriptorException.class)
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void codeListsRefuseDuplicatesAndBadCodes() {
        String yaml = "id: k\nnameVi: K\nnameEn: K\nvalues:\n  - {code: a, vi: A, en: A}\n  - {code: a, vi: B, en: B}\n"
                + "  - {code: 'a b', vi: C, en: C}\n";
        assertThatThrownBy(() -> reader.readCodeList("k.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(DescriptorException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).contains("'a' appears twice"))
                        .anySatisfy(p -> assertThat(p).contains("'code' must be")));
    }
}
