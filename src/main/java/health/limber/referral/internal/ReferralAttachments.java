package health.limber.referral.internal;

import static health.limber.referral.internal.ReferralAccess.INTAKE;
import static health.limber.referral.internal.ReferralAccess.RESOURCE;
import static health.limber.referral.internal.ReferralAccess.TRIAGERS;

import health.limber.identity.Actor;
import health.limber.identity.AuditAction;
import health.limber.identity.AuditLog;
import health.limber.identity.CurrentActor;
import health.limber.platform.ConflictException;
import health.limber.platform.NotFoundException;
import health.limber.platform.Storage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;

/**
 * Referral letters: checked (type by content, size), kept in {@link Storage} under the referral,
 * removed again if the referral's transaction fails, and opened only by staff who may read the
 * referral (each opening audited).
 */
@Service
public class ReferralAttachments {

    private static final Logger log = LoggerFactory.getLogger(ReferralAttachments.class);

    private final Referrals referrals;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final Clock clock;
    private final Storage storage;
    private final DataSize limit;

    ReferralAttachments(Referrals referrals, CurrentActor currentActor, AuditLog audit, Clock clock, Storage storage,
                        @Value("${limber.referral.max-attachment-size:10MB}") DataSize limit) {
        this.referrals = referrals;
        this.currentActor = currentActor;
        this.audit = audit;
        this.clock = clock;
        this.storage = storage;
        this.limit = limit;
    }

    /** An attachment's details with its bytes, to stream back to the reader (who closes it). */
    public record StoredAttachment(ReferralAttachment attachment, InputStream content) {}

    /** Adds a letter to a referral already received (staff who can enter or triage referrals). */
    @Transactional
    public ReferralAttachment attach(UUID id, AttachmentUpload letter) {
        Referral referral = referrals.findById(id).orElseThrow(() -> new NotFoundException("No referral " + id));
        Actor actor = ReferralAccess.require(currentActor, audit, INTAKE, referral);
        String type = check(letter, "file");
        ReferralAttachment attachment = store(referral.id(), letter, type, actor);
        referral.attach(attachment);
        try {
            referrals.save(referral);
        } catch (OptimisticLockingFailureException raced) {
            throw new ConflictException("version", "Someone else changed this referral at the same moment; try again", null);
        }
        audit.allowed(referral.patientId().orElse(null), AuditAction.UPDATE, RESOURCE, id.toString());
        return attachment;
    }

    /** Opens a referral's letter for a member of staff who may read the referral; the read is audited. */
    @Transactional
    public StoredAttachment openAttachment(UUID id, UUID attachmentId) {
        Referral referral = referrals.findById(id).orElseThrow(() -> new NotFoundException("No referral " + id));
        ReferralAccess.require(currentActor, audit, TRIAGERS, referral);
        ReferralAttachment attachment = referral.attachments().stream().filter(a -> a.id().equals(attachmentId)).findFirst()
                .orElseThrow(() -> new NotFoundException("No attachment " + attachmentId + " on referral " + id));
        audit.allowed(referral.patientId().orElse(null), AuditAction.READ, "ReferralAttachment", attachmentId.toString());
        try {
            return new StoredAttachment(attachment, storage.open(attachment.storageKey()));
        } catch (IOException e) {
            throw new UncheckedIOException("The file of attachment " + attachmentId + " cannot be read", e);
        }
    }

    /** The upload's type, if it is a file we take and within the size limit; refused naming the field otherwise. */
    String check(AttachmentUpload letter, String field) {
        return letter.check(field, limit);
    }

    /** Keeps the file now; if the transaction that keeps the referral then fails, the file is removed again. */
    ReferralAttachment store(UUID referralId, AttachmentUpload letter, String type, Actor actor) {
        UUID attachmentId = UUID.randomUUID();
        String key = "referrals/" + referralId + "/" + attachmentId;
        try {
            storage.put(key, new ByteArrayInputStream(letter.content()));
        } catch (IOException e) {
            throw new UncheckedIOException("The letter could not be stored", e);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    try {
                        storage.delete(key);
                    } catch (IOException e) {
                        log.warn("Could not remove {} after a failed referral transaction", key, e);
                    }
                }
            }
        });
        return new ReferralAttachment(attachmentId, letter.filename(), type, letter.content().length, sha256(letter.content()),
                key, clock.instant(), actor.username());
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
