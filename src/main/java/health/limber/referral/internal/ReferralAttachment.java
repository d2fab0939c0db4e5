package health.limber.referral.internal;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** A letter or image sent with a referral; the bytes are in the storage under {@code storageKey}. */
@Table("referral_attachment")
public record ReferralAttachment(UUID id, String filename, String contentType, long sizeBytes, String sha256,
                                 String storageKey, Instant uploadedAt, String uploadedBy) {}
