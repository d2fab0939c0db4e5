package health.limber.patient;

import java.time.LocalDate;

/**
 * What reports split people by (DOMAIN.md §9, equity), without who they are: date of birth, sex,
 * ethnic category (null when never asked), postcode (null when not given), preferred language and
 * whether an interpreter is needed.
 */
public record EquityFacts(LocalDate birthDate, String sex, EthnicCategory ethnicCategory, String postcode, String preferredLanguage,
                          boolean interpreterNeeded) {}
