package health.limber.patient;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

interface Patients extends ListCrudRepository<Patient, UUID> {

    Optional<Patient> findByNhsNumber(String nhsNumber);

    @Query("""
            select * from patient
            where birth_date = :birthDate and family_name_key like :familyPrefix and icb_code in (:icbs)
              and voided_at is null
            order by family_name_key, given_name limit 50
            """)
    List<Patient> findByBirthDateAndFamilyName(@Param("birthDate") LocalDate birthDate,
                                               @Param("familyPrefix") String familyPrefix,
                                               @Param("icbs") Collection<String> icbs);
}
