package org.xaso.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.xaso.engine.internal.schema.Columns;
import org.xaso.engine.internal.schema.RegisterTable;
import org.xaso.engine.internal.text.VietnameseText;

/**
 * The baseline: the same rows written with plain JDBC batch inserts into the same table, every column the engine
 * would fill already computed before the clock starts. Nothing is checked; this is as fast as the database goes.
 */
final class RawInserter {

    private final RegisterTable table;
    private final List<String> columns = new ArrayList<>();

    RawInserter(RegisterTable table) {
        this.table = table;
        columns.addAll(List.of(Columns.ID, Columns.COMMUNE, Columns.VERSION, Columns.CREATED_AT, Columns.CREATED_BY,
                Columns.UPDATED_AT, Columns.UPDATED_BY, Columns.SOURCE, Columns.DELETED, Columns.NATURAL_KEY,
                Columns.SEARCH_TEXT));
        for (RegisterTable.FieldColumn fc : table.columns()) {
            columns.add(fc.column());
            if (fc.foldedColumn() != null) {
                columns.add(fc.foldedColumn());
            }
        }
    }

    /** The values of one row, in column order, ready to bind. */
    List<Object> row(String commune, BenchSupport.Household h) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("householdCode", h.code());
        data.put("headName", h.name());
        data.put("headCitizenId", h.citizenId());
        data.put("headBirthYear", h.birthYear());
        data.put("headGender", h.gender());
        data.put("hamlet", h.hamlet());
        data.put("memberCount", h.members());
        data.put("laborCount", h.workers());
        data.put("farmingType", h.type());
        data.put("totalLandArea", h.total());
        data.put("riceArea", h.rice());
        data.put("registeredOn", h.registeredOn());
        Timestamp now = Timestamp.valueOf(LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
        StringBuilder search = new StringBuilder();
        for (String f : List.of("householdCode", "headName", "headCitizenId")) {
            search.append(search.length() > 0 ? " " : "").append(VietnameseText.fold(data.get(f).toString()));
        }
        List<Object> out = new ArrayList<>(List.of(UUID.randomUUID().toString(), commune, 1L, now, "bench", now, "bench",
                "bench", Boolean.FALSE, h.citizenId(), search.toString()));
        for (RegisterTable.FieldColumn fc : table.columns()) {
            Object v = data.get(fc.field().name());
            out.add(v instanceof java.time.LocalDate d ? java.sql.Date.valueOf(d) : v);
            if (fc.foldedColumn() != null) {
                out.add(v == null ? null : VietnameseText.fold(v.toString()));
            }
        }
        return out;
    }

    /** Inserts the rows in batches of 500, in one transaction, as the engine's importer does. */
    void insert(DataSource ds, List<List<Object>> rows) throws SQLException {
        String sql = "INSERT INTO " + table.name() + " (" + String.join(", ", columns) + ") VALUES ("
                + "?, ".repeat(columns.size() - 1) + "?)";
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int[] types = new int[columns.size()];
                var meta = ps.getParameterMetaData();
                for (int i = 0; i < types.length; i++) {
                    types[i] = meta.getParameterType(i + 1);
                }
                int n = 0;
                for (List<Object> row : rows) {
                    for (int i = 0; i < row.size(); i++) {
                        Object v = row.get(i);
                        if (v == null) {
                            ps.setNull(i + 1, types[i]);
                        } else {
                            ps.setObject(i + 1, v);
                        }
                    }
                    ps.addBatch();
                    if (++n % 500 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }
}
