package health.limber.demo;

import health.limber.patient.PatientBulkLoad.RecordedWorkStatus;
import health.limber.patient.PatientId;
import health.limber.patient.WorkStatus;
import health.limber.support.SupportBulkLoad.PastContact;
import health.limber.support.SupportBulkLoad.PastOutcome;
import health.limber.support.SupportBulkLoad.PastReferral;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The demo's work and money support, from each person's simulated course ({@link DemoOutcomes.Course}):
 * who asked for help (at referral or later in the app), whether and how soon an adviser reached them
 * (sooner for people readier to engage), how many contacts (more with higher adherence), and outcomes
 * that follow from what happened to their work. A return to work is also recorded in the person's
 * work status history, as an adviser's outcome would be.
 */
final class DemoSupport {

    record Generated(List<PastReferral> referrals, List<RecordedWorkStatus> workStatuses) {}

    static final String[] MODES = {"PHONE", "PHONE", "IN_PERSON", "VIDEO", "EMAIL"};
    static final String[] WORK_NOTES = {"Talked through a phased return and what to say to the manager",
            "Went over the fit-note advice and the adjustments the employer could make", "Looked at jobs that suit the current limits",
            "Planned a return-to-work meeting with the employer", "Checked how the first weeks back are going"};
    static final String[] MONEY_NOTES = {"Went through income and outgoings", "Checked entitlement to benefits while off sick",
            "Made a plan for the priority bills", "Talked about free debt advice and what it involves"};

    private DemoSupport() {}

    static Generated generate(Random random, List<DemoOutcomes.Course> courses, LocalDate today, String icb) {
        List<PastReferral> referrals = new ArrayList<>();
        List<RecordedWorkStatus> statuses = new ArrayList<>();
        String adviserWork = DemoData.username("adviser.work", icb);
        String adviserMoney = DemoData.username("adviser.money", icb);
        for (DemoOutcomes.Course c : courses) {
            if (c.asksForWork()) {
                work(random, c, today, adviserWork, referrals, statuses);
            }
            if (c.asksForMoney()) {
                money(random, c, today, adviserMoney, referrals);
            }
        }
        return new Generated(referrals, statuses);
    }

    private static void work(Random random, DemoOutcomes.Course c, LocalDate today, String adviser, List<PastReferral> out,
                             List<RecordedWorkStatus> statuses) {
        boolean atTriage = random.nextDouble() < 0.65;
        LocalDate referred = atTriage ? c.episode().openedOn() : c.episode().openedOn().plusDays(3 + random.nextInt(38));
        if (referred.isAfter(today) || (c.episode().dischargedOn() != null && referred.isAfter(c.episode().dischargedOn()))) {
            return;
        }
        String reason = switch (c.workAtStart()) {
            case "EMPLOYED_OFF_SICK" -> "Off work because of the pain and worried about going back";
            case "UNEMPLOYED_SEEKING_WORK" -> "Looking for work that the condition allows";
            case "INACTIVE_ILL_HEALTH" -> "Would like to work again when able";
            default -> "Struggling to keep up at work with the pain";
        };
        List<PastContact> contacts = contacts(random, c, referred, today, adviser, WORK_NOTES);
        List<PastOutcome> outcomes = new ArrayList<>();
        if (!contacts.isEmpty()) {
            LocalDate last = contacts.get(contacts.size() - 1).on();
            boolean back = DemoOutcomes.NOT_WORKING.contains(c.workAtStart()) && c.workLater().equals("EMPLOYED_WORKING");
            if (back) {
                LocalDate on = last.plusDays(random.nextInt(10));
                if (!on.isAfter(today)) {
                    if (c.workAtStart().equals("EMPLOYED_OFF_SICK") && random.nextDouble() < 0.5) {
                        outcomes.add(new PastOutcome("PHASED_RETURN", on, "Two weeks of shorter days agreed with the employer", adviser));
                    }
                    outcomes.add(new PastOutcome("RETURNED_TO_WORK", on, null, adviser));
                    statuses.add(new RecordedWorkStatus(PatientId.of(c.episode().patientId()), WorkStatus.EMPLOYED_WORKING, on, adviser));
                }
            } else if (c.workAtStart().equals("EMPLOYED_WORKING") && c.workLater().equals("EMPLOYED_WORKING")) {
                outcomes.add(new PastOutcome("STAYED_IN_WORK", last, null, adviser));
            }
            if (random.nextDouble() < 0.12) {
                outcomes.add(new PastOutcome("ACCESS_TO_WORK_APPLIED", contacts.get(0).on(), "Application for a supportive chair and a taxi to work", adviser));
                out.add(external(c, "ACCESS_TO_WORK", "Help with the cost of changes at work", contacts.get(0).on(), adviser, today));
            }
        }
        out.add(referral(random, c, "IN_HOUSE_EMPLOYMENT", reason, atTriage, referred, contacts, outcomes, today));
    }

    private static void money(Random random, DemoOutcomes.Course c, LocalDate today, String adviser, List<PastReferral> out) {
        boolean atTriage = random.nextDouble() < 0.5;
        LocalDate referred = atTriage ? c.episode().openedOn() : c.episode().openedOn().plusDays(3 + random.nextInt(38));
        if (referred.isAfter(today) || (c.episode().dischargedOn() != null && referred.isAfter(c.episode().dischargedOn()))) {
            return;
        }
        List<PastContact> contacts = contacts(random, c, referred, today, adviser, MONEY_NOTES);
        List<PastOutcome> outcomes = new ArrayList<>();
        if (!contacts.isEmpty()) {
            LocalDate first = contacts.get(0).on();
            outcomes.add(new PastOutcome(random.nextDouble() < 0.6 ? "BENEFITS_CHECK_DONE" : "DEBT_ADVICE_GIVEN", first, null, adviser));
            if (random.nextDouble() < 0.08) {
                outcomes.add(new PastOutcome("BREATHING_SPACE_ENTERED", first, "60-day standard breathing space", adviser));
            }
            if (random.nextDouble() < 0.2) {
                out.add(external(c, "DEBT_ADVICE", "Debts with several lenders; needs a debt plan", first, adviser, today));
            }
        }
        out.add(referral(random, c, "IN_HOUSE_DEBT", "Money is tight while off work", atTriage, referred, contacts, outcomes, today));
    }

    /** Contacts by the adviser: sooner for readier people, more of them with higher adherence, never after today. */
    private static List<PastContact> contacts(Random random, DemoOutcomes.Course c, LocalDate referred, LocalDate today, String adviser,
                                              String[] notes) {
        List<PastContact> contacts = new ArrayList<>();
        if (!c.seen()) {
            return contacts;
        }
        LocalDate on = referred.plusDays(2 + random.nextInt(6) + (int) Math.round(14 * (1 - c.readiness())));
        int count = 1 + (int) Math.floor(c.adherence() * 4);
        for (int i = 0; i < count && !on.isAfter(today); i++) {
            contacts.add(new PastContact(on, MODES[random.nextInt(MODES.length)], 20 + 5 * random.nextInt(9), notes[random.nextInt(notes.length)],
                    adviser));
            on = on.plusDays(7 + random.nextInt(15));
        }
        return contacts;
    }

    private static PastReferral referral(Random random, DemoOutcomes.Course c, String service, String reason, boolean atTriage, LocalDate referred,
                                         List<PastContact> contacts, List<PastOutcome> outcomes, LocalDate today) {
        var e = c.episode();
        String by = atTriage ? DemoData.username("clinician", e.icbCode()) : "patient";
        String source = atTriage ? "TRIAGE" : "PATIENT";
        String status;
        LocalDate closedOn = null;
        String closeReason = null;
        if (contacts.isEmpty()) {
            LocalDate giveUp = referred.plusDays(42);
            status = giveUp.isAfter(today) ? "REFERRED" : "CLOSED";
            if (status.equals("CLOSED")) {
                closedOn = giveUp;
                closeReason = random.nextDouble() < 0.3 ? "DECLINED" : "NO_CONTACT";
            }
        } else {
            LocalDate last = contacts.get(contacts.size() - 1).on();
            LocalDate end = e.dischargedOn() != null && e.dischargedOn().isAfter(last) ? e.dischargedOn() : last.plusDays(30);
            status = e.dischargedOn() != null && !end.isAfter(today) ? "CLOSED" : "IN_PROGRESS";
            if (status.equals("CLOSED")) {
                closedOn = end;
                closeReason = "SUPPORT_GIVEN";
            }
        }
        return new PastReferral(e.episodeId(), e.patientId(), e.icbCode(), e.kind().name(), service, reason, source, status, referred, by, null,
                closedOn, closeReason, contacts, outcomes);
    }

    private static PastReferral external(DemoOutcomes.Course c, String service, String reason, LocalDate on, String adviser, LocalDate today) {
        var e = c.episode();
        boolean closed = on.plusDays(30).isBefore(today);
        return new PastReferral(e.episodeId(), e.patientId(), e.icbCode(), e.kind().name(), service, reason, "ADVISER", closed ? "CLOSED" : "ACCEPTED", on,
                adviser, "Name, phone, email and why they would like help", closed ? on.plusDays(30) : null, closed ? "SUPPORT_GIVEN" : null, List.of(),
                List.of());
    }
}
