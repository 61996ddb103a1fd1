package org.xaso.api.record;

import java.util.Locale;
import java.util.Optional;

/** The spreadsheet formats officers exchange: Excel workbooks and CSV text (UTF-8 with BOM, as Excel opens it). */
public enum SheetFormat {
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    CSV("text/csv; charset=UTF-8", "csv");

    private final String mediaType;
    private final String extension;

    SheetFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The format named by {@code xlsx} or {@code csv} (any case); empty for anything else. */
    public static Optional<SheetFormat> of(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (SheetFormat f : values()) {
            if (f.extension.equals(n)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
