package health.limber.clinic.internal;



/** A clinic day is planned as a draft and published once; publishing creates the appointments. */
public enum ClinicDayStatus {
    DRAFT, PUBLISHED
}
