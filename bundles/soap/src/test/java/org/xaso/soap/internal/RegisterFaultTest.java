package org.xaso.soap.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.xaso.api.error.CommuneGoneException;
import org.xaso.api.error.ConflictException;
import org.xaso.api.error.FieldViolation;
import org.xaso.api.error.NotFoundException;
import org.xaso.api.error.ValidationException;
import org.xaso.api.unit.AdminUnit;
import org.xaso.api.unit.UnitKind;

class RegisterFaultTest {

    @Test
    void everyErrorBecomesAFaultNamingTheFieldAndTheReason() {
        RegisterFault f = RegisterServiceImpl.fault(new ValidationException(ValidationException.Location.BODY,
                List.of(new FieldViolation("headCitizenId", "invalid-citizen-id", "Phải gồm 12 chữ số", "12 digits"))));
        assertThat(f.getFaultInfo().status).isEqualTo(422);
        assertThat(f.getFaultInfo().violations).singleElement().satisfies(v -> {
            assertThat(v.field).isEqualTo("headCitizenId");
            assertThat(v.message).isEqualTo("Phải gồm 12 chữ số");
        });
        assertThat(RegisterServiceImpl.fault(new NotFoundException(NotFoundException.What.RECORD, "x")).getFaultInfo().status).isEqualTo(404);
        assertThat(RegisterServiceImpl.fault(ConflictException.staleVersion(1, 2)).getFaultInfo().code).isEqualTo("stale-version");
        AdminUnit old = new AdminUnit("27788", "Phường 2", UnitKind.PHUONG, "795", null, LocalDate.of(2025, 6, 30), null, true, "S1");
        AdminUnit now = new AdminUnit("27787", "Phường Kiến Tường", UnitKind.PHUONG, "80", LocalDate.of(2025, 7, 1), null, null, true, "S2");
        RegisterFault gone = RegisterServiceImpl.fault(new CommuneGoneException(old, List.of(now)));
        assertThat(gone.getFaultInfo().status).isEqualTo(410);
        assertThat(gone.getFaultInfo().successors).singleElement().satisfies(s -> assertThat(s.name).isEqualTo("Phường Kiến Tường"));
    }
}
