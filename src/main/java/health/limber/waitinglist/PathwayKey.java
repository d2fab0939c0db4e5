package health.limber.waitinglist;

/** A pathway is identified by its patient pathway identifier and the ODS code of the organisation that issued it. */
public record PathwayKey(String identifier, String issuer) {}
