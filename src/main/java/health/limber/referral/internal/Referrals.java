package health.limber.referral.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

public interface Referrals extends ListCrudRepository<Referral, UUID> {

    Optional<Referral> findBySubmissionKey(String submissionKey);

    Optional<Referral> findByReference(String reference);

    List<Referral> findByPatientIdOrderByReceivedOnDesc(UUID patientId);

    List<Referral> findByNhsNumberOrderByReceivedOnDesc(String nhsNumber);
}
