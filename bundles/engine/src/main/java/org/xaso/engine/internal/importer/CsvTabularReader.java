package org.xaso.engine.internal.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads CSV as officers' spreadsheets save it: UTF-8 with or without a byte-order mark, separated by commas,
 * semicolons or tabs (guessed from the header line), quoted cells with line breaks allowed. Streams: one row in memory.
 * A file that is not UTF-8 text is refused with a message telling how to save it properly.
 */
public final class CsvTabularReader implements TabularReader {

    private static final int MAX_CELL = 32_000;

    private final BufferedReader reader;
    private CSVParser parser;
    private Iterator<CSVRecord> rows;
    private List<String> header;
    private int rowNumber = 1;

    public CsvTabularReader(InputStream in) {
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 65536);
    }

    @Override
    public List<String> header() throws IOException {
        if (header != null) {
            return header;
        }
        try {
            reader.mark(65536);
            String first = reader.readLine();
            if (first == null) {
                return null;
            }
            if (first.indexOf('\u0000') >= 0) {
                throw notText(null);
            }
            reader.reset();
            int bom = reader.read();
            if (bom != '\uFEFF') {
                reader.reset();
            }
            char sep = guessSeparator(first);
            parser = CSVFormat.RFC4180.builder().setDelimiter(sep).setIgnoreEmptyLines(true).setTrim(true)
                    .setMaxRows(0).build().parse(reader);
            rows = parser.iterator();
            if (!rows.hasNext()) {
                return null;
            }
            header = cells(rows.next());
            return header;
        } catch (CharacterCodingException e) {
            throw notText(e);
        } catch (UncheckedIOException e) {
            throw e.getCause() instanceof CharacterCodingException ? notText(e) : e.getCause();
        } catch (IllegalStateException e) {
            throw new UnreadableException("Tệp CSV sai cấu trúc: " + e.getMessage(), "malformed CSV: " + e.getMessage(), e);
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
            CSVRecord r = rows.next();
            rowNumber++;
            return new Row(rowNumber, new ArrayList<>(cells(r)));
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw notText(e);
            }
            throw e.getCause();
        } catch (IllegalStateException e) {
            throw new UnreadableException("Tệp CSV sai cấu trúc ở dòng " + (rowNumber + 1) + ": " + e.getMessage(),
                    "malformed CSV at row " + (rowNumber + 1) + ": " + e.getMessage(), e);
        }
    }

    private static List<String> cells(CSVRecord r) throws UnreadableException {
        List<String> out = new ArrayList<>(r.size());
        for (String s : r) {
            if (s != null && s.length() > MAX_CELL) {
                throw new UnreadableException("Ô dữ liệu quá dài ở dòng " + r.getRecordNumber(),
                        "a cell is too long at row " + r.getRecordNumber(), null);
            }
            out.add(s);
        }
        return out;
    }

    private static char guessSeparator(String line) {
        int commas = 0;
        int semis = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == ',') {
                    commas++;
                } else if (c == ';') {
                    semis++;
                } else if (c == '\t') {
                    tabs++;
                }
            }
        }
        if (tabs > commas && tabs > semis) {
            return '\t';
        }
        return semis > commas ? ';' : ',';
    }

    private static UnreadableException notText(Exception cause) {
        return new UnreadableException(
                "Tệp không phải văn bản CSV mã UTF-8. Trong Excel hãy chọn Lưu thành > \"CSV UTF-8 (Comma delimited)\"",
                "the file is not UTF-8 CSV text (in Excel: Save As > CSV UTF-8)", cause);
    }

    @Override
    public void close() throws IOException {
        if (parser != null) {
            parser.close();
        }
        reader.close();
    }
}
