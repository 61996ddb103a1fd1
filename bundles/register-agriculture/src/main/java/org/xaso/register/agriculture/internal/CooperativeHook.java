package org.xaso.register.agriculture.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.xaso.api.context.CallerContext;
import org.xaso.api.error.FieldViolation;
import org.xaso.api.register.RegisterHook;

/**
 * Cooperatives: the Law on Cooperatives 17/2023/QH15 asks at least 5 members of a cooperative (art. 6) and 2 of a
 * cooperative group (art. 99); a rating names its year.
 */
@Component(service = RegisterHook.class, property = RegisterHook.REGISTER_PROPERTY + "=cooperative")
public class CooperativeHook implements RegisterHook {

    @Override
    public List<FieldViolation> validate(CallerContext ctx, String commune, Map<String, Object> data) {
        List<FieldViolation> v = new ArrayList<>();
        if ("hop-tac-xa".equals(data.get("kind")) && data.get("memberCount") instanceof Long m && m < 5
                && !"giai-the".equals(data.get("status"))) {
            v.add(new FieldViolation("memberCount", "too-few-members", "Hợp tác xã phải có ít nhất 5 thành viên",
                    "a cooperative has at least 5 members"));
        }
        if (data.get("rating") != null && !"chua-xep-loai".equals(data.get("rating")) && data.get("ratingYear") == null) {
            v.add(new FieldViolation("ratingYear", "required", "Ghi năm xếp loại", "the rating year is required with a rating"));
        }
        return v;
    }
}
