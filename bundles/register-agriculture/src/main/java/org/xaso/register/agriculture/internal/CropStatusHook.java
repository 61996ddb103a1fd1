package org.xaso.register.agriculture.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.xaso.api.context.CallerContext;
import org.xaso.api.error.FieldViolation;
import org.xaso.api.register.RegisterHook;

/** Crop cultivation: harvest comes after sowing, and harvested plus damaged area fit in the planted area. */
@Component(service = RegisterHook.class, property = RegisterHook.REGISTER_PROPERTY + "=crop-status")
public class CropStatusHook implements RegisterHook {

    @Override
    public List<FieldViolation> validate(CallerContext ctx, String commune, Map<String, Object> data) {
        List<FieldViolation> v = new ArrayList<>();
        if (data.get("sowingDate") instanceof LocalDate sown && data.get("expectedHarvestDate") instanceof LocalDate harvest
                && harvest.isBefore(sown)) {
            v.add(new FieldViolation("expectedHarvestDate", "before-sowing", "Ngày thu hoạch trước ngày xuống giống",
                    "the harvest date is before the sowing date"));
        }
        if (data.get("plantedArea") instanceof BigDecimal planted) {
            BigDecimal used = BigDecimal.ZERO;
            for (String f : List.of("harvestedArea", "damagedArea")) {
                if (data.get(f) instanceof BigDecimal a) {
                    used = used.add(a);
                }
            }
            if (used.compareTo(planted) > 0) {
                v.add(new FieldViolation("harvestedArea", "more-than-planted",
                        "Diện tích thu hoạch và thiệt hại vượt diện tích gieo trồng",
                        "harvested plus damaged area exceeds the planted area"));
            }
        }
        if (data.get("year") instanceof Long year && data.get("sowingDate") instanceof LocalDate sown
                && Math.abs(sown.getYear() - year) > 1) {
            v.add(new FieldViolation("sowingDate", "outside-year", "Ngày xuống giống không thuộc năm " + year,
                    "the sowing date is not in year " + year));
        }
        return v;
    }
}
