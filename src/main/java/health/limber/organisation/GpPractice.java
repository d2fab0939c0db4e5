package health.limber.organisation;

/** A GP practice (ODS code: a letter and 5 digits) and the ICB it belongs to. */
public record GpPractice(String code, String name, String postcode, String icbCode) {}
