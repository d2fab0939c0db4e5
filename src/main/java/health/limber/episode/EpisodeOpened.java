package health.limber.episode;

/**
 * An episode of care was opened when triage accepted a referral, published in the same transaction;
 * with what the person asked for at referral that other modules act on (work and money support).
 */
public record EpisodeOpened(EpisodeFacts episode, boolean wantsEmploymentSupport, boolean wantsDebtSupport) {}
