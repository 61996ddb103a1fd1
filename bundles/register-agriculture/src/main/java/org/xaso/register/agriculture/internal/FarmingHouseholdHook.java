package org.xaso.register.agriculture.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.xaso.api.context.CallerContext;
import org.xaso.api.error.FieldViolation;
import org.xaso.api.register.PersonalIdNumbers;
import org.xaso.api.register.RegisterHook;

/**
 * Farming households: the head's year of birth and sex must agree with the personal ID number, workers cannot
 * outnumber members, and the parts of the farmland cannot exceed the whole.
 */
@Component(service = RegisterHook.class, property = RegisterHook.REGISTER_PROPERTY + "=farming-household")
public class FarmingHouseholdHook implements RegisterHook {

    @Override
    public List<FieldViolation> validate(CallerContext ctx, String commune, Map<String, Object> data) {
        List<FieldViolation> v = new ArrayList<>();
        String id = (String) data.get("headCitizenId");
        Object year = data.get("headBirthYear");
        if (id != null && year instanceof Long y && PersonalIdNumbers.birthYear(id) != y) {
            v.add(new FieldViolation("headBirthYear", "inconsistent-with-id",
                    "Năm sinh " + y + " không khớp số định danh cá nhân (năm " + PersonalIdNumbers.birthYear(id) + ")",
                    "year of birth " + y + " does not match the personal ID number (" + PersonalIdNumbers.birthYear(id) + ")"));
        }
        Object gender = data.get("headGender");
        if (id != null && ("1".equals(gender) || "2".equals(gender))) {
            boolean female = "2".equals(gender);
            if (female != PersonalIdNumbers.female(id)) {
                v.add(new FieldViolation("headGender", "inconsistent-with-id",
                        "Giới tính không khớp số định danh cá nhân (chữ số thứ 4)",
                        "sex does not match the personal ID number (digit 4)"));
            }
        }
        if (data.get("laborCount") instanceof Long labor && data.get("memberCount") instanceof Long members && labor > members) {
            v.add(new FieldViolation("laborCount", "more-than-members", "Số lao động lớn hơn số nhân khẩu",
                    "more workers than household members"));
        }
        if (data.get("totalLandArea") instanceof BigDecimal total) {
            BigDecimal parts = BigDecimal.ZERO;
            for (String f : List.of("riceArea", "perennialArea", "aquacultureArea")) {
                if (data.get(f) instanceof BigDecimal a) {
                    parts = parts.add(a);
                }
            }
            if (parts.compareTo(total) > 0) {
                v.add(new FieldViolation("totalLandArea", "less-than-parts",
                        "Tổng diện tích nhỏ hơn tổng các loại đất (" + parts.toPlainString() + " m²)",
                        "total farmland is smaller than the sum of its parts (" + parts.toPlainString() + " m²)"));
            }
        }
        return v;
    }
}
