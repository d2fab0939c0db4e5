package health.limber.referral.internal;

import java.time.Instant;
import org.springframework.data.relational.core.mapping.Table;

/** One line of a referral's history: what happened, when and by whom. */
@Table("referral_history")
public record ReferralHistoryEntry(Instant occurredAt, String actor, String action, String detail) {}
