package health.limber.waitinglist;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import health.limber.waitinglist.internal.ClockEvent;
import health.limber.waitinglist.internal.ClockPeriod;
import health.limber.waitinglist.internal.ClockRuleException;
import health.limber.waitinglist.internal.ClockRules;
import health.limber.waitinglist.internal.Validation;
import health.limber.waitinglist.internal.ValidationSchedule;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A patient's pathway on the waiting list and its clock. The clock's history is an append-only
 * list of {@link ClockEvent}s; every rule of DOMAIN.md §3 is a method here that checks its own
 * preconditions and appends what happened. Whether the patient was waiting on any date, and for how
 * long, is worked out from the events ({@link #periods()}), never from a status field.
 */
public class Pathway {

    private final UUID id;
    private final PathwayKey key;
    private final String nhsNumber;
    private final LocalDate birthDate;
    private final LocalDate referralReceived;
    private final SourceOfReferral source;
    private final String waitingListType;
    private String treatmentFunction;
    private Priority priority;
    private String providerCode;
    private String commissionerCode;
    private final List<ClockEvent> events;
    private final int storedEvents;
    private final long version;

    public Pathway(UUID id, PathwayKey key, String nhsNumber, LocalDate birthDate, LocalDate referralReceived,
            SourceOfReferral source, String waitingListType, String treatmentFunction, Priority priority,
            String providerCode, String commissionerCode, List<ClockEvent> events, long version) {
        this.id = id;
        this.key = key;
        this.nhsNumber = nhsNumber;
        this.birthDate = birthDate;
        this.referralReceived = referralReceived;
        this.source = source;
        this.waitingListType = waitingListType;
        this.treatmentFunction = treatmentFunction;
        this.priority = priority;
        this.providerCode = providerCode;
        this.commissionerCode = commissionerCode;
        this.events = new ArrayList<>(events);
        this.storedEvents = events.size();
        this.version = version;
    }

    /**
     * Pathway ids are time-ordered (UUID version 7): new pathways go to the end of the id indexes of
     * the pathway, its events and its clock periods instead of to random pages, which keeps a
     * million-row import's index writes in memory (measured with PostgreSQL's COPY: 28 s into the
     * three tables with random ids, 22.5 s with time-ordered ones).
     */
    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

    /** A new pathway whose clock starts on {@code clockStart} (the date the referral was received). */
    public static Pathway open(PathwayKey key, String nhsNumber, LocalDate birthDate, LocalDate referralReceived,
                               SourceOfReferral source, String waitingListType, String treatmentFunction,
                               Priority priority, String providerCode, String commissionerCode, LocalDate clockStart) {
        return open(PathwayId.of(IDS.generate()), key, nhsNumber, birthDate, referralReceived, source, waitingListType, treatmentFunction,
                priority, providerCode, commissionerCode, clockStart);
    }

    /**
     * The same with the id chosen by the caller: the demo derives its ids from its seed, so that one
     * seed always gives the same data set.
     */
    public static Pathway open(PathwayId id, PathwayKey key, String nhsNumber, LocalDate birthDate, LocalDate referralReceived,
                               SourceOfReferral source, String waitingListType, String treatmentFunction,
                               Priority priority, String providerCode, String commissionerCode, LocalDate clockStart) {
        Pathway pathway = new Pathway(id.value(), key, nhsNumber, birthDate, referralReceived, source,
                waitingListType, treatmentFunction, priority, providerCode, commissionerCode, List.of(), 0);
        pathway.startClock(clockStart);
        return pathway;
    }

    /** Starts the clock (a new referral, or a re-booking after the clock was nullified or stopped). */
    public void startClock(LocalDate on) {
        if (isRunning()) {
            throw new ClockRuleException("The clock is already running, since " + currentPeriod().orElseThrow().start());
        }
        lastStop().filter(on::isBefore).ifPresent(stop -> {
            throw new ClockRuleException("A new clock cannot start before the last one stopped (" + stop + ")");
        });
        append(ClockEvent.Type.START, on, null);
    }

    /** Stops the clock: first definitive treatment, or a non-treatment stop. */
    public void stopClock(LocalDate on, StopReason reason) {
        stopClock(on, reason, null);
    }

    /**
     * Stops the clock, recording the kind of care whose first definitive contact stopped it (null for
     * a stop with none: an import, a validation, a discharge before treatment).
     */
    public void stopClock(LocalDate on, StopReason reason, KindOfCare kind) {
        stopClock(on, reason, kind, null);
    }

    /**
     * Stops the clock by a kind of care, naming the record that did it ({@code "Appointment/<id>"},
     * {@code "ClassCourse/<id>"}, {@code "Programme/<id>"}), kept in the stop's detail.
     */
    public void stopClock(LocalDate on, StopReason reason, KindOfCare kind, String cause) {
        ClockPeriod running = currentPeriod().filter(period -> period.end() == null)
                .orElseThrow(() -> new ClockRuleException("The clock is not running"));
        if (on.isBefore(running.start())) {
            throw new ClockRuleException("A clock cannot stop (" + on + ") before it started (" + running.start() + ")");
        }
        append(ClockEvent.Type.STOP, on, kind == null ? reason.name() : reason.name() + ":" + kind.name() + (cause == null ? "" : ":" + cause));
    }

    /**
     * A did-not-attend. At the first appointment it nullifies the clock: the pathway leaves the list
     * and a re-booking starts a new clock. Later in the pathway it stops the clock only together with
     * a discharge; otherwise it is recorded and the clock runs on.
     */
    public void recordDidNotAttend(LocalDate on, boolean firstAppointment, boolean discharged) {
        if (firstAppointment) {
            stopClock(on, StopReason.DNA_NULLIFIED);
        } else if (discharged) {
            append(ClockEvent.Type.DNA, on, null);
            stopClock(on, StopReason.DISCHARGED);
        } else {
            requireRunning();
            append(ClockEvent.Type.DNA, on, null);
        }
    }

    /** A cancellation in advance is not a DNA: recorded, and the clock runs on. */
    public void recordCancellation(LocalDate on, String byWhom) {
        append(ClockEvent.Type.CANCELLATION, on, byWhom);
    }

    public void changePriority(LocalDate on, Priority newPriority) {
        if (newPriority != priority) {
            append(ClockEvent.Type.PRIORITY_CHANGE, on, priority.name() + "->" + newPriority.name());
            priority = newPriority;
        }
    }

    /** Care moves to another provider or commissioner; the clock carries on. */
    public void transfer(LocalDate on, String newProvider, String newCommissioner) {
        if (!newProvider.equals(providerCode) || !newCommissioner.equals(commissionerCode)) {
            append(ClockEvent.Type.TRANSFER, on, providerCode + "/" + commissionerCode + "->" + newProvider + "/" + newCommissioner);
            providerCode = newProvider;
            commissionerCode = newCommissioner;
        }
    }

    public void changeTreatmentFunction(String code) {
        treatmentFunction = code;
    }

    /** The patient chose to wait longer ({@code days}). No pause unless the service has switched local pauses on. */
    public void recordPatientChoiceDelay(LocalDate on, int days) {
        requireRunning();
        append(ClockEvent.Type.PATIENT_CHOICE_DELAY, on, Integer.toString(days));
    }

    /**
     * Records a validation of the running clock; a removal outcome stops the clock on that date, and a
     * clinical review may re-prioritise.
     */
    public void validate(LocalDate on, Validation validation, Priority newPriority) {
        ClockPeriod running = currentPeriod().filter(period -> period.end() == null)
                .orElseThrow(() -> new ClockRuleException("Only a pathway that is waiting can be validated"));
        if (on.isBefore(running.start())) {
            throw new ClockRuleException("A validation cannot be dated before the clock started (" + running.start() + ")");
        }
        append(ClockEvent.Type.VALIDATION, on, validation.kind().name() + ":" + validation.outcome().name());
        if (newPriority != null) {
            changePriority(on, newPriority);
        }
        if (validation.outcome().stop() != null) {
            stopClock(on, validation.outcome().stop());
        }
    }

    /** While the clock runs, the next validation date not yet done; empty once it has stopped. */
    public Optional<LocalDate> nextValidationDue() {
        return currentPeriod().filter(period -> period.end() == null).map(period -> ValidationSchedule.nextDue(period.start(),
                events.stream().filter(e -> e.type() == ClockEvent.Type.VALIDATION && !e.on().isBefore(period.start()))
                        .map(ClockEvent::on).max(LocalDate::compareTo).orElse(null)));
    }

    /** The clock's runs, replayed from the events in order. */
    public List<ClockPeriod> periods() {
        return periodsOf(events);
    }

    static List<ClockPeriod> periodsOf(List<ClockEvent> events) {
        List<ClockPeriod> periods = new ArrayList<>();
        LocalDate start = null;
        for (ClockEvent event : events) {
            if (event.type() == ClockEvent.Type.START) {
                start = event.on();
            } else if (event.type() == ClockEvent.Type.STOP && start != null) {
                String[] stop = event.detail().split(":", 3);
                periods.add(new ClockPeriod(start, event.on(), StopReason.valueOf(stop[0]), stop.length > 1 ? KindOfCare.valueOf(stop[1]) : null));
                start = null;
            }
        }
        if (start != null) {
            periods.add(new ClockPeriod(start, null, null, null));
        }
        return periods;
    }

    public boolean isWaitingOn(LocalDate d) {
        return periods().stream().anyMatch(period -> period.isWaitingOn(d));
    }

    /** Days waited on {@code d}, or empty when not waiting then. With local pauses on, chosen delays are taken off. */
    public Optional<Long> daysWaitedOn(LocalDate d, ClockRules rules) {
        return periods().stream().filter(period -> period.isWaitingOn(d)).findFirst().map(period -> {
            long days = period.daysWaitedOn(d);
            if (rules.localPauses()) {
                days -= events.stream()
                        .filter(e -> e.type() == ClockEvent.Type.PATIENT_CHOICE_DELAY)
                        .filter(e -> !e.on().isBefore(period.start()) && !e.on().isAfter(d))
                        .mapToLong(e -> Math.min(Long.parseLong(e.detail()), ChronoUnit.DAYS.between(e.on(), d)))
                        .sum();
            }
            return Math.max(days, 0);
        });
    }

    public boolean isRunning() {
        return currentPeriod().map(period -> period.end() == null).orElse(false);
    }

    public Optional<ClockPeriod> currentPeriod() {
        List<ClockPeriod> periods = periods();
        return periods.isEmpty() ? Optional.empty() : Optional.of(periods.get(periods.size() - 1));
    }

    private Optional<LocalDate> lastStop() {
        return currentPeriod().map(ClockPeriod::end);
    }

    private void requireRunning() {
        if (!isRunning()) {
            throw new ClockRuleException("The clock is not running");
        }
    }

    private void append(ClockEvent.Type type, LocalDate on, String detail) {
        events.add(new ClockEvent(type, on, detail));
    }

    public PathwayId id() { return PathwayId.of(id); }
    public PathwayKey key() { return key; }
    public String nhsNumber() { return nhsNumber; }
    public LocalDate birthDate() { return birthDate; }
    public LocalDate referralReceived() { return referralReceived; }
    public SourceOfReferral source() { return source; }
    public String waitingListType() { return waitingListType; }
    public String treatmentFunction() { return treatmentFunction; }
    public Priority priority() { return priority; }
    public String providerCode() { return providerCode; }
    public String commissionerCode() { return commissionerCode; }
    public List<ClockEvent> events() { return Collections.unmodifiableList(events); }
    public long version() { return version; }
    public boolean isNew() { return storedEvents == 0; }

    /** Events appended since the pathway was loaded: what the repository must write. */
    public List<ClockEvent> unsavedEvents() {
        return events.subList(storedEvents, events.size());
    }

    public int storedEventCount() {
        return storedEvents;
    }
}
