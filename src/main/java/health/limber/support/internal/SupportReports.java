package health.limber.support.internal;

import health.limber.episode.EpisodeDirectory;
import health.limber.episode.EpisodeFacts;
import health.limber.identity.Actor;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.outcome.OutcomeSchedules;
import health.limber.outcome.TimePoint;
import health.limber.patient.PatientId;
import health.limber.patient.PatientManagement;
import health.limber.patient.WorkHistory;
import health.limber.patient.WorkStatus;
import health.limber.platform.LimberTime;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The work outcomes report (DOMAIN.md §10), per ICB and kind of care and in total, over the support
 * referrals made in a period: people who asked for help, people referred, people seen by an adviser,
 * back in work and stayed in work, and the median days from referral to the first adviser contact.
 * Work status at each time point comes from the work questionnaire where it came back (the outcome
 * module), else from the person's work status history (which advisers' outcomes update).
 */
@Service
public class SupportReports {

    /**
     * The ICBs (null: all the reader's), the period referrals were made in, a kind of care (null: all)
     * and whether rows are per hub (else per kind of care).
     */
    public record Filter(String icb, LocalDate from, LocalDate to, String kindOfCare, boolean byHub) {}

    /**
     * One row: per ICB and kind of care ({@code hub} is {@link #ALL}), or per ICB and hub (the hub's id,
     * or {@link #NO_HUB}; {@code kindOfCare} is {@link #ALL}); "TOTAL" for the totals.
     */
    public record Row(String icb, String hub, String kindOfCare, long asked, long referred, long seen, long notWorkingAtBaseline, long backInWork,
                      long workingAtBaseline, long stayedInWork, Double medianDaysToContact, long contacted) {}

    public record Report(Filter filter, List<Row> rows) {}

    /** A support referral as the report needs it. */
    private record Fact(UUID episodeId, UUID patientId, String icb, String kind, String source, boolean inHouse, LocalDate referredOn,
                        LocalDate firstContactOn) {}

    public static final String ALL = "ALL";
    public static final String NO_HUB = "NONE";
    private static final int FOLLOW_UP_DAYS = 90;

    private final JdbcClient jdbc;
    private final EpisodeDirectory episodes;
    private final OutcomeSchedules outcomes;
    private final PatientManagement patients;
    private final CurrentActor currentActor;
    private final Clock clock;

    SupportReports(JdbcClient jdbc, EpisodeDirectory episodes, OutcomeSchedules outcomes, PatientManagement patients, CurrentActor currentActor,
                   Clock clock) {
        this.jdbc = jdbc;
        this.episodes = episodes;
        this.outcomes = outcomes;
        this.patients = patients;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Report report(Filter filter) {
        Actor actor = currentActor.get();
        if (actor.role() != Role.SERVICE_MANAGER && actor.role() != Role.ANALYST) {
            throw new AccessDeniedException("The work outcomes report is for service managers and analysts");
        }
        Set<String> icbs = filter.icb() == null ? actor.servedIcbs() : actor.servedIcbs().contains(filter.icb()) ? Set.of(filter.icb()) : Set.of();
        return forIcbs(filter, icbs);
    }

    /**
     * The same report for the given ICBs, without asking who reads it: for the reporting module's
     * programme reports, which check the reader's ICBs themselves.
     */
    @Transactional(readOnly = true)
    public Report forIcbs(Filter filter, Set<String> icbs) {
        List<Fact> facts = icbs.isEmpty() ? List.of() : jdbc.sql("""
                        select episode_id, patient_id, icb_code, kind_of_care, source, in_house, referred_on, first_contact_on from support_referral
                        where icb_code in (:icbs) and referred_on >= :from and referred_on <= :to""" + (filter.kindOfCare() == null ? "" : " and kind_of_care = :kind"))
                .param("icbs", icbs).param("from", filter.from()).param("to", filter.to()).param("kind", filter.kindOfCare())
                .query((rs, n) -> new Fact(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4) == null ? "IMPORTED" : rs.getString(4), rs.getString(5), rs.getBoolean(6),
                        rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class))).list();
        Map<UUID, WorkOutcome> work = workOutcomes(facts);
        Map<UUID, UUID> hubs = filter.byHub() ? episodes.hubsOf(facts.stream().map(Fact::episodeId).collect(java.util.stream.Collectors.toSet()))
                : Map.of();
        Map<String, List<Fact>> groups = new TreeMap<>();
        for (Fact f : facts) {
            String second = filter.byHub() ? (hubs.containsKey(f.episodeId()) ? hubs.get(f.episodeId()).toString() : NO_HUB) + "|" + ALL
                    : ALL + "|" + f.kind();
            groups.computeIfAbsent(f.icb() + "|" + second, k -> new ArrayList<>()).add(f);
        }
        List<Row> rows = new ArrayList<>();
        groups.forEach((key, group) -> {
            String[] parts = key.split("\\|");
            rows.add(row(parts[0], parts[1], parts[2], group, work));
        });
        rows.add(row("TOTAL", "TOTAL", "TOTAL", facts, work));
        return new Report(filter, rows);
    }

    private static Row row(String icb, String hub, String kind, List<Fact> facts, Map<UUID, WorkOutcome> work) {
        Set<UUID> asked = new HashSet<>();
        Set<UUID> referred = new HashSet<>();
        Set<UUID> seen = new HashSet<>();
        Set<UUID> episodeIds = new HashSet<>();
        Map<UUID, Long> daysToContact = new HashMap<>();
        for (Fact f : facts) {
            referred.add(f.patientId());
            episodeIds.add(f.episodeId());
            if (f.source().equals("TRIAGE") || f.source().equals("PATIENT")) {
                asked.add(f.patientId());
            }
            if (f.inHouse() && f.firstContactOn() != null) {
                seen.add(f.patientId());
                daysToContact.merge(f.patientId(), ChronoUnit.DAYS.between(f.referredOn(), f.firstContactOn()), Math::min);
            }
        }
        Map<WorkOutcome, Long> counts = new HashMap<>();
        episodeIds.forEach(e -> counts.merge(work.getOrDefault(e, WorkOutcome.NOT_COUNTED), 1L, Long::sum));
        long back = counts.getOrDefault(WorkOutcome.BACK_IN_WORK, 0L);
        long stayed = counts.getOrDefault(WorkOutcome.STAYED_IN_WORK, 0L);
        return new Row(icb, hub, kind, asked.size(), referred.size(), seen.size(), back + counts.getOrDefault(WorkOutcome.NOT_BACK_IN_WORK, 0L), back,
                stayed + counts.getOrDefault(WorkOutcome.LEFT_WORK, 0L), stayed, median(new ArrayList<>(daysToContact.values())),
                daysToContact.size());
    }

    static Double median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        values.sort(null);
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2.0;
    }

    /** Each episode's work outcome: baseline at opening, then discharge and follow-up (90 days after discharge, once that has passed). */
    private Map<UUID, WorkOutcome> workOutcomes(List<Fact> facts) {
        Set<UUID> ids = new HashSet<>();
        facts.forEach(f -> ids.add(f.episodeId()));
        List<EpisodeFacts> found = episodes.findAll(ids);
        Map<UUID, Map<TimePoint, String>> answered = outcomes.workStatuses(ids);
        Map<PatientId, WorkHistory> histories = patients.workHistories(found.stream().map(EpisodeFacts::patientId).toList());
        LocalDate today = LimberTime.today(clock);
        Map<UUID, WorkOutcome> work = new HashMap<>();
        for (EpisodeFacts e : found) {
            Map<TimePoint, String> said = answered.getOrDefault(e.id(), Map.of());
            WorkHistory history = histories.get(e.patientId());
            WorkStatus baseline = status(said.get(TimePoint.BASELINE), history, e.openedOn());
            WorkStatus discharge = e.isOpen() ? null : status(said.get(TimePoint.DISCHARGE), history, e.dischargedOn());
            LocalDate followUpOn = e.isOpen() ? null : e.dischargedOn().plusDays(FOLLOW_UP_DAYS);
            WorkStatus followUp = followUpOn == null || followUpOn.isAfter(today) ? parse(said.get(TimePoint.FOLLOW_UP))
                    : status(said.get(TimePoint.FOLLOW_UP), history, followUpOn);
            work.put(e.id(), WorkOutcome.of(baseline, discharge, followUp));
        }
        return work;
    }

    private static WorkStatus status(String answered, WorkHistory history, LocalDate on) {
        WorkStatus said = parse(answered);
        return said != null ? said : history == null ? null : history.on(on);
    }

    private static WorkStatus parse(String code) {
        if (code == null) {
            return null;
        }
        try {
            return WorkStatus.valueOf(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
