package health.limber.referral;

import health.limber.referral.internal.RedFlagTask;
import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface RedFlagTasks extends ListCrudRepository<RedFlagTask, UUID> {

    List<RedFlagTask> findByReferralIdOrderByRaisedAt(UUID referralId);
}
