package health.limber.demo;

import health.limber.episode.EpisodeBulkLoad;
import health.limber.episode.EpisodeBulkLoad.PastEpisode;
import health.limber.outcome.OutcomeBulkLoad;
import health.limber.outcome.OutcomeSchedules;
import health.limber.patient.PatientBulkLoad;
import health.limber.patient.PatientId;
import health.limber.platform.LimberTime;
import health.limber.referral.ReferralBulkLoad;
import health.limber.referral.ReferralBulkLoad.PastReferral;
import health.limber.support.SupportBulkLoad;
import health.limber.waitinglist.PathwayId;
import health.limber.waitinglist.WaitingListManagement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Stores one ICB's generated journeys through each module's bulk entry point: the people's records,
 * their referrals (linked to the record once triaged), the waiting-list pathways (each linked to its
 * patient and to a hub of the ICB) and an episode of care for every triaged referral, with its
 * discharge where it has ended; then the recent episodes' questionnaires and work and money support.
 */
@Component
class DemoJourneyStore {

    private final PatientBulkLoad patients;
    private final ReferralBulkLoad referrals;
    private final WaitingListManagement waitingList;
    private final EpisodeBulkLoad episodes;
    private final OutcomeBulkLoad outcomes;
    private final OutcomeSchedules schedules;
    private final SupportBulkLoad support;
    private final java.time.Clock clock;

    DemoJourneyStore(PatientBulkLoad patients, ReferralBulkLoad referrals, WaitingListManagement waitingList, EpisodeBulkLoad episodes,
                     OutcomeBulkLoad outcomes, OutcomeSchedules schedules, SupportBulkLoad support, java.time.Clock clock) {
        this.support = support;
        this.outcomes = outcomes;
        this.schedules = schedules;
        this.clock = clock;
        this.patients = patients;
        this.referrals = referrals;
        this.waitingList = waitingList;
        this.episodes = episodes;
    }

    /** Stores the journeys; returns those still waiting for care, with their referrals as stored. */
    List<PastReferral> store(DemoJourneys.Generated generated, DemoJourneys.Area area, List<UUID> hubIds, Random random) {
        List<PatientId> people = patients.store(generated.people());
        Map<PatientId, health.limber.patient.EthnicCategory> ethnicity = new HashMap<>();
        people.forEach(id -> DemoPeople.ethnicCategory(id).ifPresent(category -> ethnicity.put(id, category)));
        patients.recordEthnicCategories(ethnicity);
        List<PastReferral> stored = new ArrayList<>();
        List<health.limber.waitinglist.Pathway> pathways = new ArrayList<>();
        Map<PathwayId, UUID> seenAt = new HashMap<>();
        Map<PathwayId, PatientId> patientOf = new HashMap<>();
        List<PastEpisode> opened = new ArrayList<>();
        List<DemoJourneys.Journey> openedBy = new ArrayList<>();
        List<PastReferral> waiting = new ArrayList<>();
        for (DemoJourneys.Journey j : generated.journeys()) {
            if (j.pathway() == null) {
                stored.add(j.referral());
                continue;
            }
            PatientId patient = people.get(j.person());
            PastReferral r = DemoReferrals.withPatient(j.referral(), patient);
            stored.add(r);
            PathwayId pathway = j.pathway().id();
            pathways.add(j.pathway());
            patientOf.put(pathway, patient);
            if (!hubIds.isEmpty()) {
                seenAt.put(pathway, hubIds.get(random.nextInt(hubIds.size())));
            }
            opened.add(new PastEpisode(patient, r.id(), r.reference(), area.icb(), area.provider(), r.pathway(), r.source(), r.receivedOn(),
                    LimberTime.dateOf(r.triagedAt()), pathway, j.discharge()));
            openedBy.add(j);
            if (j.stop() == null) {
                waiting.add(r);
            }
        }
        referrals.store(stored);
        waitingList.store(pathways, seenAt, patientOf);
        List<UUID> episodeIds = episodes.store(opened);
        List<DemoOutcomes.Opened> forOutcomes = new ArrayList<>();
        for (int i = 0; i < opened.size(); i++) {
            PastEpisode e = opened.get(i);
            DemoJourneys.Journey j = openedBy.get(i);
            var person = generated.people().get(j.person()).input();
            boolean reachable = person.contactPreferences().contains("SMS") && person.phone() != null
                    || person.contactPreferences().contains("EMAIL") && person.email() != null;
            forOutcomes.add(new DemoOutcomes.Opened(episodeIds.get(i), e.patientId().value(), e.icbCode(), e.providerCode(), e.kindOfCare(), e.openedOn(),
                    e.discharge() == null ? null : e.discharge().on(), reachable, person.workStatus(), area.tour() && j.person() == 0));
        }
        DemoOutcomes.Result result = DemoOutcomes.generate(new Random(random.nextLong()), forOutcomes, LimberTime.today(clock), schedules::instruments);
        outcomes.store(result.outcomes());
        DemoSupport.Generated help = DemoSupport.generate(new Random(random.nextLong()), result.courses(), LimberTime.today(clock), area.icb());
        support.store(help.referrals());
        patients.recordWorkStatuses(help.workStatuses());
        return waiting;
    }
}
