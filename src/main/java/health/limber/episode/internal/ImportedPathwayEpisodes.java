package health.limber.episode.internal;

import health.limber.patient.PatientBulkLoad;
import health.limber.patient.PatientId;
import health.limber.waitinglist.Pathway;
import health.limber.waitinglist.PathwayId;
import health.limber.waitinglist.PathwaysImported;
import health.limber.waitinglist.WaitingListManagement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Opens an episode of care for each newly imported waiting-list pathway whose NHS number is a
 * patient's record in Limber, and names that patient on the pathway. The date of birth must agree
 * too when the file gives one: a number typed wrongly in another system must not attach someone's
 * waiting list to another person's record. A pathway with no matching record stays a pathway only
 * (the list says "no patient record in Limber"). The episode has no referral in Limber and no kind of
 * care decided at triage; its reference is the pathway's identifier. It runs in the import's
 * transaction, so a dry run or a refused file opens nothing.
 */
@Component
class ImportedPathwayEpisodes {

    private final PatientBulkLoad patients;
    private final Episodes episodes;
    private final WaitingListManagement waitingList;
    private final Clock clock;

    ImportedPathwayEpisodes(PatientBulkLoad patients, Episodes episodes, WaitingListManagement waitingList, Clock clock) {
        this.patients = patients;
        this.episodes = episodes;
        this.waitingList = waitingList;
        this.clock = clock;
    }

    @EventListener
    void on(PathwaysImported imported) {
        Map<String, PatientBulkLoad.Summary> known = patients.withNhsNumbers(imported.pathways().stream().map(Pathway::nhsNumber).toList());
        Instant now = clock.instant();
        List<Episode> opened = new ArrayList<>();
        Map<PathwayId, PatientId> linked = new HashMap<>();
        for (Pathway pathway : imported.pathways()) {
            PatientBulkLoad.Summary patient = known.get(pathway.nhsNumber());
            if (patient == null || (pathway.birthDate() != null && !pathway.birthDate().equals(patient.birthDate()))) {
                continue;
            }
            opened.add(Episode.open(patient.id(), null, pathway.key().identifier(), pathway.commissionerCode(), pathway.providerCode(), null,
                    pathway.source().referralSource(), pathway.referralReceived(), pathway.referralReceived(), pathway.id(), now));
            linked.put(pathway.id(), patient.id());
        }
        if (!opened.isEmpty()) {
            episodes.insertAll(opened);
            waitingList.linkPatients(linked);
        }
    }
}
