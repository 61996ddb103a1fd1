package org.xaso.engine.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

class VietnameseTextTest {

    @Test
    void decomposedInputIsStoredComposed() {
        String nfd = Normalizer.normalize("Nguyễn Thị Ánh", Normalizer.Form.NFD);
        assertThat(nfd).isNotEqualTo("Nguyễn Thị Ánh");
        assertThat(VietnameseText.clean(nfd)).isEqualTo("Nguyễn Thị Ánh");
        assertThat(Normalizer.isNormalized(VietnameseText.clean(nfd), Normalizer.Form.NFC)).isTrue();
    }

    @Test
    void cleanCollapsesWhiteSpace() {
        assertThat(VietnameseText.clean("  Trần\u00a0 Văn \t Bảy ")).isEqualTo("Trần Văn Bảy");
    }

    @Test
    void foldRemovesDiacriticsCaseAndDStroke() {
        assertThat(VietnameseText.fold("Nguyễn Văn Đạt")).isEqualTo("nguyen van dat");
        assertThat(VietnameseText.fold("ĐẶNG THỊ ƯỚC")).isEqualTo("dang thi uoc");
        assertThat(VietnameseText.fold("Ấp Gò Dồn")).isEqualTo("ap go don");
        assertThat(VietnameseText.fold("Phường Kiến Tường")).isEqualTo("phuong kien tuong");
        assertThat(VietnameseText.fold("đ")).isEqualTo(VietnameseText.fold("Đ")).isEqualTo("d");
    }

    @Test
    void foldIsTheSameForComposedAndDecomposedText() {
        String nfc = "Lê Thị Hồng Nhung";
        String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
        assertThat(VietnameseText.fold(nfd)).isEqualTo(VietnameseText.fold(nfc)).isEqualTo("le thi hong nhung");
    }

    @Test
    void foldedWordsSplitOnSpaces() {
        assertThat(VietnameseText.foldedWords("  Hộ   Nguyễn ")).containsExactly("ho", "nguyen");
        assertThat(VietnameseText.foldedWords("")).isEmpty();
    }
}
