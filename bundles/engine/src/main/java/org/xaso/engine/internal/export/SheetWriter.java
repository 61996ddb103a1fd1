package org.xaso.engine.internal.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.xaso.engine.internal.values.FieldCoercer;

/**
 * Writes rows of typed cells to an .xlsx workbook or a CSV file. Cells are String, Number (Long, BigDecimal),
 * LocalDate, Instant, or null; anything else is written as its text.
 */
abstract class SheetWriter {

    static SheetWriter open(org.xaso.api.record.SheetFormat format, OutputStream out, String sheetName) throws IOException {
        return format == org.xaso.api.record.SheetFormat.CSV ? new Csv(out) : new Xlsx(out, sheetName);
    }

    /** A title line above the table (workbooks only). */
    abstract void title(String text) throws IOException;

    abstract void header(List<String> cells) throws IOException;

    abstract void row(List<Object> cells) throws IOException;

    /** The total row, in bold in a workbook; null for none. */
    abstract void total(List<Object> cells) throws IOException;

    /** Starts another sheet (workbooks only; a CSV file has one table). */
    abstract void sheet(String name) throws IOException;

    abstract void finish() throws IOException;

    /** CSV: UTF-8 with BOM so that Excel shows Vietnamese letters, CRLF lines, formulas escaped. */
    static final class Csv extends SheetWriter {
        private final Writer writer;
        private final CSVPrinter printer;
        private boolean done;

        Csv(OutputStream out) throws IOException {
            writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            printer = new CSVPrinter(writer, CSVFormat.EXCEL);
        }

        @Override
        void title(String text) {
            // a CSV file is read back by programs: the first line is the header
        }

        @Override
        void header(List<String> cells) throws IOException {
            if (done) {
                return;
            }
            for (String c : cells) {
                printer.print(RecordExporterImpl.escapeFormula(c));
            }
            printer.println();
        }

        @Override
        void row(List<Object> cells) throws IOException {
            if (done) {
                return;
            }
            for (Object c : cells) {
                printer.print(RecordExporterImpl.csvText(c));
            }
            printer.println();
        }

        @Override
        void total(List<Object> cells) throws IOException {
            if (cells != null) {
                row(cells);
            }
        }

        @Override
        void sheet(String name) throws IOException {
            done = true;
        }

        @Override
        void row(List<Object> cells, boolean ignored) throws IOException {
            row(cells);
        }

        @Override
        void finish() throws IOException {
            printer.flush();
            writer.flush();
        }

        @Override
        boolean accepting() {
            return !done;
        }
    }

    /**
     * .xlsx through fastexcel: rows are flushed to the stream every {@value #FLUSH_EVERY} rows; text cells are inline
     * strings (no shared-strings table growing with the data) and never formulas.
     */
    static final class Xlsx extends SheetWriter {
        private static final int FLUSH_EVERY = 256;
        private static final String DATE = "dd/mm/yyyy";
        private static final String DATE_TIME = "dd/mm/yyyy hh:mm";
        private static final String MONEY = "#,##0";
        private final Workbook workbook;
        private Worksheet ws;
        private int row;
        private int widthsSet;

        Xlsx(OutputStream out, String sheetName) {
            workbook = new Workbook(out, "Xa So", "1.0");
            workbook.setCompressionLevel(4);
            ws = workbook.newWorksheet(safeName(sheetName));
        }

        /** Excel sheet names: at most 31 characters, none of []:*?/\ */
        static String safeName(String name) {
            String s = name.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
            return s.isEmpty() ? "Sheet1" : s.length() > 31 ? s.substring(0, 31) : s;
        }

        @Override
        void title(String text) throws IOException {
            ws.inlineString(row, 0, text);
            if (row == 0) {
                ws.style(row, 0).bold().fontSize(13).set();
            }
            row++;
        }

        @Override
        void header(List<String> cells) throws IOException {
            if (row > 0) {
                row++;
            }
            for (int i = 0; i < cells.size(); i++) {
                ws.inlineString(row, i, cells.get(i));
                ws.style(row, i).bold().fillColor("DDEBF7").wrapText(true).set();
                if (widthsSet <= i) {
                    ws.width(i, Math.min(40, Math.max(12, cells.get(i).length() * 1.1)));
                    widthsSet = i + 1;
                }
            }
            ws.freezePane(0, row + 1);
            row++;
        }

        @Override
        void row(List<Object> cells) throws IOException {
            row(cells, false);
        }

        @Override
        void row(List<Object> cells, boolean bold) throws IOException {
            for (int i = 0; i < cells.size(); i++) {
                Object v = cells.get(i);
                if (v == null) {
                    if (bold) {
                        ws.style(row, i).bold().set();
                    }
                    continue;
                }
                String format = null;
                if (v instanceof LocalDate d) {
                    ws.value(row, i, d);
                    format = DATE;
                } else if (v instanceof Instant t) {
                    ws.value(row, i, LocalDateTime.ofInstant(t, FieldCoercer.VIETNAM));
                    format = DATE_TIME;
                } else if (v instanceof RecordExporterImpl.Money m) {
                    ws.value(row, i, m.value());
                    format = MONEY;
                } else if (v instanceof BigDecimal d) {
                    ws.value(row, i, d);
                } else if (v instanceof Number n) {
                    ws.value(row, i, n);
                } else {
                    ws.inlineString(row, i, v.toString());
                }
                if (format != null || bold) {
                    var style = ws.style(row, i);
                    if (format != null) {
                        style.format(format);
                    }
                    if (bold) {
                        style.bold();
                    }
                    style.set();
                }
            }
            row++;
            if (row % FLUSH_EVERY == 0) {
                ws.flush();
            }
        }

        @Override
        void total(List<Object> cells) throws IOException {
            if (cells != null) {
                row(cells, true);
            }
        }

        @Override
        void sheet(String name) throws IOException {
            ws.finish();
            ws = workbook.newWorksheet(safeName(name));
            row = 0;
            widthsSet = 0;
        }

        @Override
        void finish() throws IOException {
            workbook.finish();
        }

        @Override
        boolean accepting() {
            return true;
        }
    }

    abstract void row(List<Object> cells, boolean bold) throws IOException;

    /** Whether rows written now land in the file (a CSV file ignores the sheets after the first). */
    abstract boolean accepting();
}
