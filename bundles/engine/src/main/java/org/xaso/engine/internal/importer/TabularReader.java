package org.xaso.engine.internal.importer;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** A spreadsheet read one row at a time: the header row, then data rows. Implementations stream. */
public interface TabularReader extends Closeable {

    /**
     * A data row: its number as a spreadsheet shows it (header = 1) and its cells: String (CSV, text cells),
     * BigDecimal (numbers), LocalDate or LocalDateTime (date-formatted cells), Boolean; null for empty cells.
     */
    record Row(int number, List<Object> cells) {
        /** True when every cell is empty. */
        public boolean blank() {
            return cells.stream().allMatch(c -> c == null || c instanceof String s && s.isBlank());
        }
    }

    /** The header cells as text, or null when the file has no row at all. */
    List<String> header() throws IOException;

    /** The next data row, or null at the end. */
    Row next() throws IOException;

    /** A file that cannot be read as the format it claims. */
    class UnreadableException extends IOException {
        private static final long serialVersionUID = 1L;
        private final String messageVi;

        public UnreadableException(String messageVi, String messageEn, Throwable cause) {
            super(messageEn, cause);
            this.messageVi = messageVi;
        }

        public String messageVi() {
            return messageVi;
        }
    }
}
