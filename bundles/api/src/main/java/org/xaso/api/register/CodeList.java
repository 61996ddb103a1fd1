package org.xaso.api.register;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A managed list of codes with Vietnamese labels (crop kinds, statuses, genders...).
 *
 * @param id      stable id, e.g. {@code crop-kind}
 * @param nameVi  Vietnamese name
 * @param nameEn  English name
 * @param basis   where the codes come from (a legal document or statistics standard), or a note that none is official
 * @param values  the values in display order
 */
public record CodeList(String id, String nameVi, String nameEn, String basis, List<CodeValue> values) {
    public CodeList {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(nameVi, "nameVi");
        values = List.copyOf(values);
    }

    public Optional<CodeValue> find(String code) {
        return values.stream().filter(v -> v.code().equals(code)).findFirst();
    }
}
