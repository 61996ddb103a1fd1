package org.xaso.engine.internal.importer;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Reads the first sheet of an .xlsx workbook as a stream of rows (the sheet is never held whole in memory). Cells
 * come typed: text, numbers as BigDecimal, date-formatted numbers as dates, booleans; formulas give their cached
 * result. A file that is not an .xlsx workbook (an .xls, a PDF renamed, a broken zip) is refused with a clear message.
 */
public final class XlsxTabularReader implements TabularReader {

    private static final int MAX_COLUMNS = 500;

    private final InputStream in;
    private ReadableWorkbook workbook;
    private Stream<org.dhatim.fastexcel.reader.Row> stream;
    private Iterator<org.dhatim.fastexcel.reader.Row> rows;
    private List<String> header;
    private int width;
    /** The last row read, as the spreadsheet numbers it (the header's when no data row was read yet). */
    private int lastRow;

    public XlsxTabularReader(InputStream in) {
        this.in = in;
    }

    @Override
    public List<String> header() throws IOException {
        if (header != null) {
            return header;
        }
        try {
            workbook = new ReadableWorkbook(in, new ReadingOptions(true, false));
            Sheet sheet = workbook.getFirstSheet();
            stream = sheet.openStream();
            rows = stream.iterator();
            while (rows.hasNext()) {
                org.dhatim.fastexcel.reader.Row r = rows.next();
                List<Object> cells = cells(r, MAX_COLUMNS);
                lastRow = r.getRowNum();
                if (cells.stream().anyMatch(c -> c != null && !(c instanceof String s && s.isBlank()))) {
                    header = new ArrayList<>();
                    for (Object c : cells) {
                        header.add(c == null ? "" : text(c));
                    }
                    while (!header.isEmpty() && header.get(header.size() - 1).isBlank()) {
                        header.remove(header.size() - 1);
                    }
                    width = header.size();
                    return header;
                }
            }
            return null;
        } catch (ExcelReaderException | IllegalStateException | IllegalArgumentException e) {
            throw notXlsx(e);
        } catch (IOException e) {
            throw notXlsx(e);
        }
    }

    @Override
    public Row next() throws IOException {
        if (header == null && header() == null) {
            return null;
        }
        try {
            if (!rows.hasNext()) {
                return null;
            }
            org.dhatim.fastexcel.reader.Row r = rows.next();
            lastRow = r.getRowNum();
            return new Row(r.getRowNum(), cells(r, Math.max(width, Math.min(r.getCellCount(), MAX_COLUMNS))));
        } catch (ExcelReaderException | IllegalStateException | IllegalArgumentException e) {
            throw new UnreadableException("Tệp Excel hỏng sau dòng " + lastRow,
                    "the workbook is damaged after row " + lastRow + ": " + e.getMessage(), e);
        }
    }

    private static List<Object> cells(org.dhatim.fastexcel.reader.Row r, int width) {
        List<Object> out = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            Cell c = i < r.getCellCount() ? r.getCell(i) : null;
            out.add(c == null ? null : value(c));
        }
        return out;
    }

    private static Object value(Cell c) {
        switch (c.getType()) {
            case NUMBER: {
                BigDecimal d = c.asNumber();
                if (isDateFormat(c.getDataFormatString())) {
                    LocalDateTime t = c.asDate();
                    return t.toLocalTime().toSecondOfDay() == 0 ? t.toLocalDate() : t;
                }
                return d;
            }
            case STRING:
                return c.asString();
            case BOOLEAN:
                return c.asBoolean();
            case FORMULA: {
                Object v = c.getValue();
                return v == null ? null : v instanceof BigDecimal ? v : v.toString();
            }
            case ERROR:
                return "#ERROR";
            default:
                return null;
        }
    }

    /** Excel date formats use d, m, y, h or s outside quoted text and brackets. */
    static boolean isDateFormat(String format) {
        if (format == null || format.isEmpty() || "General".equalsIgnoreCase(format)) {
            return false;
        }
        String f = format.replaceAll("\"[^\"]*\"", "").replaceAll("\\[[^]]*]", "").replaceAll("\\\\.", "")
                .toLowerCase(Locale.ROOT);
        return f.matches(".*[dmyhs].*") && !f.matches(".*[0#?].*");
    }

    private static String text(Object c) {
        return c instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : c.toString();
    }

    private static UnreadableException notXlsx(Exception cause) {
        return new UnreadableException("Tệp không phải bảng tính Excel .xlsx (có thể là tệp khác bị đổi đuôi, hoặc tệp"
                + " .xls cũ: hãy mở trong Excel và Lưu thành .xlsx)",
                "the file is not an .xlsx workbook (a renamed file, or an old .xls: save it as .xlsx)", cause);
    }

    @Override
    public void close() throws IOException {
        if (stream != null) {
            stream.close();
        }
        if (workbook != null) {
            workbook.close();
        }
        in.close();
    }
}
