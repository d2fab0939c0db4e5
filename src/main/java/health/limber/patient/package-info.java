/**
 * The patient record: NHS number, demographics, contacts, ICB, language and access needs, work
 * status with its history. Never deleted, only voided with a reason. Every read or change is
 * audited and limited to staff of the ICBs their organisation serves, or the patient themself.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Patient record", allowedDependencies = {"identity", "organisation", "platform"})
package health.limber.patient;
