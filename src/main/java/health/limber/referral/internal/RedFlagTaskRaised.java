package health.limber.referral.internal;

import health.limber.referral.RedFlagLevel;
import java.time.Instant;
import java.util.UUID;

/** A red-flag task was raised for the ICB's clinicians. */
public record RedFlagTaskRaised(UUID taskId, UUID referralId, String icbCode, RedFlagLevel level, Instant dueAt) {}
