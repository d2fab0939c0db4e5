package health.limber.outcome;

import java.util.Set;
import java.util.UUID;

/**
 * An answer in a questionnaire raised red flags (the ids of the referral module's red-flag
 * questions): published in the transaction that stores the response, so the task exists exactly
 * when the answer does.
 */
public record RedFlagAnswered(UUID patientId, String icbCode, UUID responseId, String instrument, Set<String> flags, String detail) {}
