package health.limber.patient.web;

import health.limber.patient.PatientId;
import health.limber.patient.PatientInput;
import health.limber.patient.PatientManagement;
import health.limber.patient.internal.PatientView;
import health.limber.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API for patient records. Errors are problem+json naming the field and the rule. */
@RestController
@RequestMapping("/api/patients")
@Tag(name = "Patients", description = "The patient record: search, create, read, edit (optimistic version), void")
class PatientApiController {

    private final PatientManagement patients;

    PatientApiController(PatientManagement patients) {
        this.patients = patients;
    }

    @GetMapping
    @Operation(summary = "Find patients by NHS number, or by last name (at least 2 letters) and date of birth")
    List<PatientView> search(@RequestParam(required = false) String nhsNumber,
                             @RequestParam(required = false) String familyName,
                             @RequestParam(required = false) String birthDate) {
        if (nhsNumber != null && !nhsNumber.isBlank()) {
            return patients.findByNhsNumber(nhsNumber).stream().map(PatientView::of).toList();
        }
        LocalDate born;
        try {
            born = birthDate == null || birthDate.isBlank() ? null : LocalDate.parse(birthDate.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("birthDate", "Date of birth must be a real date, as yyyy-mm-dd");
        }
        if (familyName == null && born == null) {
            throw new InvalidInputException("nhsNumber", "Search by NHS number, or by last name and date of birth");
        }
        return patients.findByNameAndBirthDate(familyName, born).stream().map(PatientView::of).toList();
    }

    @PostMapping
    @Operation(summary = "Create a patient record")
    ResponseEntity<PatientView> create(@RequestBody PatientInput input) {
        var patient = patients.create(input);
        return ResponseEntity.created(URI.create("/api/patients/" + patient.id())).body(PatientView.of(patient));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a patient record (audited)")
    PatientView read(@PathVariable UUID id) {
        return PatientView.of(patients.read(PatientId.of(id)));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Edit a patient record; send the version you read. A stale version gets 409 with the current record")
    PatientView update(@PathVariable UUID id, @RequestBody PatientInput input) {
        return PatientView.of(patients.update(PatientId.of(id), input));
    }

    @PostMapping("/{id}/void")
    @Operation(summary = "Void a record made in error, with a reason. It is kept, never deleted")
    PatientView voidRecord(@PathVariable UUID id, @RequestBody VoidRequest request) {
        if (request.version() == null) {
            throw new InvalidInputException("version", "Send the version of the record you are voiding");
        }
        return PatientView.of(patients.voidRecord(PatientId.of(id), request.version(), request.reason()));
    }

    @PostMapping("/{id}/access-code")
    @Operation(summary = "Issue a new app access code for the patient (shown once; earlier codes stop working)")
    AccessCodeView issueAccessCode(@PathVariable UUID id) {
        var issued = patients.issueAccessCode(PatientId.of(id));
        return new AccessCodeView(issued.code(), issued.expiresAt().toString());
    }

    @PutMapping("/{id}/ethnic-category")
    @Operation(summary = "Record the ethnic category the person states: an NHS Data Dictionary code (A to S, or Z for not stated) or its name")
    PatientView ethnicCategory(@PathVariable UUID id, @RequestBody EthnicCategoryRequest request) {
        return PatientView.of(patients.recordEthnicCategory(PatientId.of(id), health.limber.patient.EthnicCategory.parse(request.ethnicCategory())));
    }

    record EthnicCategoryRequest(String ethnicCategory) {}

    record VoidRequest(String reason, Long version) {}

    record AccessCodeView(String code, String expiresAt) {}
}
