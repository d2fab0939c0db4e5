package health.limber.referral;

/** A scored questionnaire: total, distress subscale (STarT Back only) and risk group. */
public record InstrumentScore(Instrument instrument, int total, Integer distress, RiskGroup risk) {}
