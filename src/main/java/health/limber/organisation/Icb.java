package health.limber.organisation;

/** An Integrated Care Board: the commissioner of a community MSK service. ODS code: 3 characters starting with Q. */
public record Icb(String code, String name, String pilotArea, String cohortCode) {}
