package org.xaso.engine.internal.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Vietnamese text as the engine stores and searches it.
 * <p>
 * Text arrives composed (NFC, what most keyboards send), decomposed (NFD, what some Mac and legacy tools send) or in
 * a mix; two strings that look the same must be stored the same, so everything is stored in NFC. For search, text is
 * <em>folded</em>: diacritics removed, đ/Đ turned into d, lower case, white space collapsed, so that "nguyen van an"
 * finds "Nguyễn Văn An".
 */
public final class VietnameseText {

    private VietnameseText() {
    }

    /** NFC form with leading/trailing white space removed and inner runs of white space collapsed; null stays null. */
    public static String clean(String s) {
        if (s == null) {
            return null;
        }
        String nfc = Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
        return collapseSpace(nfc);
    }

    /** NFC form, keeping line breaks (for long text); trailing white space removed. */
    public static String cleanMultiline(String s) {
        if (s == null) {
            return null;
        }
        String nfc = Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
        return nfc.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    /** The search key of a text: no diacritics, đ → d, lower case, single spaces. */
    public static String fold(String s) {
        if (s == null) {
            return null;
        }
        String d = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(d.length());
        boolean space = false;
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (c == 'đ' || c == 'Đ') {
                c = 'd';
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                if (!space && out.length() > 0) {
                    out.append(' ');
                }
                space = true;
                continue;
            }
            space = false;
            out.append(Character.toLowerCase(c));
        }
        int len = out.length();
        if (len > 0 && out.charAt(len - 1) == ' ') {
            out.setLength(len - 1);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** The folded words of a text, for word-by-word matching. */
    public static List<String> foldedWords(String s) {
        List<String> words = new ArrayList<>();
        String f = fold(s);
        if (f == null || f.isEmpty()) {
            return words;
        }
        for (String w : f.split(" ")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    private static String collapseSpace(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
                continue;
            }
            if (space && out.length() > 0) {
                out.append(' ');
            }
            space = false;
            out.append(c);
        }
        return out.toString();
    }
}
