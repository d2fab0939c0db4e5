package health.limber.exercise.internal;

import health.limber.clinic.Hubs;
import health.limber.exercise.Exercise;
import health.limber.exercise.ExerciseLibrary;
import health.limber.exercise.ProgrammeId;
import health.limber.exercise.ProgrammeSource;
import health.limber.exercise.ProgrammeTemplates;
import health.limber.exercise.SessionLog;
import health.limber.exercise.SessionLog.Outcome;
import health.limber.identity.Actor;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.patient.PatientBanner;
import health.limber.patient.PatientId;
import health.limber.patient.PatientManagement;
import health.limber.platform.LimberTime;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reports over many programmes, for staff of the ICBs served: the clinician's caseload with its
 * alerts (most serious first), and how useful patients found the demonstrations (the programme's
 * "93% fairly or very useful" figure) by exercise, template and hub.
 */
@Service
@Transactional(readOnly = true)
public class ProgrammeReports {

    /**
     * A programme in the clinician's caseload list, with its alerts, the most serious first; the
     * patient's date of birth and NHS number tell two people of the same name apart.
     */
    public record CaseloadRow(UUID programmeId, UUID patientId, String patientName, LocalDate birthDate, String nhsNumber, String title,
                              LocalDate startDate, LocalDate endDate, LocalDate lastLog, Double adherenceLastWeek, List<CaseloadAlert> alerts) {

        /** The most serious alert's rank (lower is worse); rows without alerts come last. */
        int worst() {
            return alerts.stream().mapToInt(a -> a.kind().ordinal()).min().orElse(CaseloadAlert.Kind.values().length);
        }

        public boolean has(CaseloadAlert.Kind kind) {
            return alerts.stream().anyMatch(a -> a.kind() == kind);
        }

        public List<String> alertTexts() {
            return alerts.stream().map(CaseloadAlert::text).toList();
        }
    }

    /** Ratings of one exercise's demonstration (or all): how many, how many fairly or very useful. */
    public record UsefulnessRow(String exerciseId, String name, int ratings, int useful) {
        public Double share() {
            return ratings == 0 ? null : useful / (double) ratings;
        }
    }

    private final JdbcClient jdbc;
    private final Programmes programmes;
    private final ExerciseLibrary library;
    private final ProgrammeTemplates templates;
    private final Hubs hubs;
    private final PatientManagement patients;
    private final CurrentActor currentActor;
    private final Clock clock;

    ProgrammeReports(JdbcClient jdbc, Programmes programmes, ExerciseLibrary library, ProgrammeTemplates templates, Hubs hubs,
                     PatientManagement patients, CurrentActor currentActor, Clock clock) {
        this.patients = patients;
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.library = library;
        this.templates = templates;
        this.hubs = hubs;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** What the alerts need of a log of the last two weeks. */
    private record RecentLog(LocalDate day, Outcome outcome, Integer pain) {}

    /**
     * Programmes running for the patients of the clinician's ICBs, most worrying first. A few
     * statements whatever the caseload's size: the programmes, their logs of the last two weeks with
     * each one's last log, their prescriptions and recent red flags.
     */
    public List<CaseloadRow> caseload() {
        Actor actor = currentActor.get();
        if (actor.role() != Role.CLINICIAN) {
            throw new AccessDeniedException("Only clinicians have a caseload");
        }
        if (actor.servedIcbs().isEmpty()) {
            return List.of();
        }
        LocalDate today = LimberTime.today(clock);
        String running = " p.icb_code in (:icbs) and p.end_date >= :today";
        List<CaseloadRow> found = new ArrayList<>();
        jdbc.sql("""
                select p.id, p.patient_id, p.title, p.start_date, p.end_date,
                       (select max(l.log_date) from session_log l where l.programme_id = p.id and l.status = 'CURRENT')
                from programme p
                where""" + running + " order by p.start_date desc")
                .param("icbs", actor.servedIcbs()).param("today", today)
                .query(rs -> {
                    found.add(new CaseloadRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), null, null, null, rs.getString(3),
                            rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), null, List.of()));
                });
        // who each patient is comes from the patient module (people whose records the clinician cannot see are left out)
        Map<PatientId, PatientBanner> banners = patients.banners(found.stream().map(r -> PatientId.of(r.patientId())).collect(Collectors.toSet()));
        List<CaseloadRow> rows = found.stream().filter(r -> banners.containsKey(PatientId.of(r.patientId()))).map(r -> {
            PatientBanner who = banners.get(PatientId.of(r.patientId()));
            return new CaseloadRow(r.programmeId(), r.patientId(), who.name(), who.birthDate(), who.nhsNumber(), r.title(), r.startDate(),
                    r.endDate(), r.lastLog(), null, List.of());
        }).toList();
        Map<UUID, List<SessionLog>> recent = new HashMap<>();
        jdbc.sql("select l.programme_id, l.log_date, l.outcome, l.pain from session_log l join programme p on p.id = l.programme_id where"
                        + running + " and l.status = 'CURRENT' and l.log_date >= :since")
                .param("icbs", actor.servedIcbs()).param("today", today).param("since", today.minusDays(13))
                .query(rs -> {
                    UUID programme = rs.getObject(1, UUID.class);
                    recent.computeIfAbsent(programme, id -> new ArrayList<>()).add(new SessionLog(null, null, ProgrammeId.of(programme), 0, "",
                            rs.getObject(2, LocalDate.class), null, Outcome.valueOf(rs.getString(3)), null, null, (Integer) rs.getObject(4), null,
                            null, SessionLog.Status.CURRENT, null, null, null));
                });
        Map<UUID, Adherence.Prescription> prescriptions = programmes.prescriptions(rows.stream().map(CaseloadRow::programmeId).toList());
        Map<UUID, String> redFlags = new HashMap<>();
        jdbc.sql("select s.programme_id, s.level from symptom_report s join programme p on p.id = s.programme_id where" + running
                        + " and s.reported_at >= :since order by s.reported_at")
                .param("icbs", actor.servedIcbs()).param("today", today)
                .param("since", Timestamp.from(clock.instant().minus(Duration.ofDays(14))))
                .query(rs -> {
                    redFlags.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        return rows.stream()
                .map(row -> withAlerts(row, recent.getOrDefault(row.programmeId(), List.of()), prescriptions.get(row.programmeId()),
                        redFlags.get(row.programmeId()), today))
                .sorted(Comparator.comparingInt(CaseloadRow::worst).thenComparingInt((CaseloadRow r) -> -r.alerts().size())
                        .thenComparing(CaseloadRow::patientName)).toList();
    }

    /**
     * The alerts of one programme: a red flag reported in the app in the last two weeks; no log for 3
     * days; under half of the last 7 days' sessions done (once the programme has run a week, by the
     * same {@link Adherence} as the programme page); pain up by 2 points or more from the week before.
     */
    private static CaseloadRow withAlerts(CaseloadRow row, List<SessionLog> recentLogs, Adherence.Prescription prescription, String redFlag,
                                          LocalDate today) {
        List<CaseloadAlert> alerts = new ArrayList<>();
        if (redFlag != null) {
            alerts.add(new CaseloadAlert(CaseloadAlert.Kind.RED_FLAG, "Red flag reported in the app (" + redFlag.toLowerCase() + ")"));
        }
        LocalDate since = row.lastLog() == null ? row.startDate() : row.lastLog();
        if (!row.startDate().isAfter(today.minusDays(3)) && !since.isAfter(today.minusDays(3))) {
            alerts.add(new CaseloadAlert(CaseloadAlert.Kind.NOT_LOGGING, "No log for " + ChronoUnit.DAYS.between(since, today) + " days"));
        }
        LocalDate weekAgo = today.minusDays(6);
        Adherence adherence = prescription == null ? null : Adherence.of(prescription, recentLogs, today);
        Double share = adherence == null ? null : adherence.share(weekAgo, today);
        if (share != null && adherence.days(weekAgo, today) >= 7 && share < 0.5) {
            alerts.add(new CaseloadAlert(CaseloadAlert.Kind.LOW_ADHERENCE, "Adherence under 50% this week"));
        }
        List<SessionLog> withPain = recentLogs.stream().filter(l -> l.pain() != null).toList();
        Double earlier = withPain.stream().filter(l -> l.day().isBefore(weekAgo)).mapToInt(SessionLog::pain).average().stream().boxed().findFirst().orElse(null);
        Double recent = withPain.stream().filter(l -> !l.day().isBefore(weekAgo)).mapToInt(SessionLog::pain).average().stream().boxed().findFirst().orElse(null);
        if (earlier != null && recent != null && recent - earlier >= 2) {
            alerts.add(new CaseloadAlert(CaseloadAlert.Kind.PAIN_RISING, String.format("Pain rising: %.1f to %.1f", earlier, recent)));
        }
        alerts.sort(Comparator.comparing(CaseloadAlert::kind));
        return new CaseloadRow(row.programmeId(), row.patientId(), row.patientName(), row.birthDate(), row.nhsNumber(), row.title(),
                row.startDate(), row.endDate(), row.lastLog(), share, alerts);
    }

    /** The share of demonstration ratings that were "fairly" or "very" useful, per exercise and in all, for the reader's ICBs. */
    public List<UsefulnessRow> usefulness() {
        List<UsefulnessRow> rows = new ArrayList<>(usefulnessBy("r.exercise_id",
                (key, ratings, useful) -> new UsefulnessRow(key, library.find(key, "en").map(Exercise::name).orElse(key), ratings, useful)));
        rows.add(0, new UsefulnessRow(null, "All exercises", rows.stream().mapToInt(UsefulnessRow::ratings).sum(),
                rows.stream().mapToInt(UsefulnessRow::useful).sum()));
        return rows;
    }

    /** The same share by programme template (condition), for the reader's ICBs. */
    public List<UsefulnessRow> usefulnessByTemplate() {
        return usefulnessBy("coalesce(p.template, 'none')", (key, ratings, useful) -> new UsefulnessRow(key,
                templates.find(key).map(ProgrammeTemplates.Template::name).orElse("Built without a template"), ratings, useful));
    }

    /** The same share by the hub where the programme was given. */
    public List<UsefulnessRow> usefulnessByHub() {
        return usefulnessBy("cast(p.hub_id as varchar(36))", (key, ratings, useful) -> new UsefulnessRow(key, key == null ? "No hub recorded"
                : hubs.find(UUID.fromString(key)).map(h -> h.name()).orElse("Unknown hub"), ratings, useful));
    }

    /** The same share by where the programme was given (fracture clinic, triage, self-referral, a clinician). */
    public List<UsefulnessRow> usefulnessBySource() {
        return usefulnessBy("coalesce(p.source, 'NONE')", (key, ratings, useful) -> new UsefulnessRow(key,
                "NONE".equals(key) ? "Not recorded" : ProgrammeSource.valueOf(key).label(), ratings, useful));
    }

    private interface Row {
        UsefulnessRow of(String key, int ratings, int useful);
    }

    private List<UsefulnessRow> usefulnessBy(String group, Row row) {
        Actor actor = currentActor.get();
        // exact counts per exercise, template and hub: for the service's own clinicians and managers, as on the usefulness page;
        // analysts read usefulness through the programme reports, where small numbers are withheld
        if (actor.role() != Role.CLINICIAN && actor.role() != Role.SERVICE_MANAGER || actor.servedIcbs().isEmpty()) {
            throw new AccessDeniedException("Usefulness by exercise is for the service's clinicians and managers");
        }
        return jdbc.sql("""
                        select %s, count(*), sum(case when r.answer >= 3 then 1 else 0 end)
                        from usefulness_rating r join programme p on p.id = r.programme_id
                        where r.kind = 'DEMONSTRATION' and p.icb_code in (:icbs) group by %s order by count(*) desc""".formatted(group, group))
                .param("icbs", actor.servedIcbs())
                .query((rs, n) -> row.of(rs.getString(1), rs.getInt(2), rs.getInt(3)))
                .list();
    }
}
