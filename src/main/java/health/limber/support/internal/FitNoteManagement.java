package health.limber.support.internal;

import health.limber.episode.EpisodeDirectory;
import health.limber.episode.EpisodeFacts;
import health.limber.identity.Actor;
import health.limber.identity.AuditAction;
import health.limber.identity.AuditLog;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.platform.ConflictException;
import health.limber.platform.LimberTime;
import health.limber.platform.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fit notes on an episode: a clinician of the person's ICB issues one on an open episode; two notes
 * for the same person never cover the same day, so a new note that starts while another runs is
 * refused unless the clinician ends the other the day before (hazard H-47).
 */
@Service
public class FitNoteManagement {

    static final String RESOURCE = "FitNote";

    private final FitNotes notes;
    private final EpisodeDirectory episodes;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final Clock clock;

    FitNoteManagement(FitNotes notes, EpisodeDirectory episodes, CurrentActor currentActor, AuditLog audit, Clock clock) {
        this.notes = notes;
        this.episodes = episodes;
        this.currentActor = currentActor;
        this.audit = audit;
        this.clock = clock;
    }

    /** Issues a note; with {@code endOther} a note running on the new start day is ended the day before. */
    @Transactional
    public FitNote issue(UUID episodeId, FitNote.Advice advice, boolean endOther) {
        EpisodeFacts episode = episodes.find(episodeId).orElseThrow(() -> new NotFoundException("No episode of care with this id"));
        Actor actor = currentActor.get();
        if (actor.role() != Role.CLINICIAN || !actor.serves(episode.icbCode())) {
            audit.denied(episode.patientId().value(), AuditAction.CREATE, RESOURCE, null);
            throw new AccessDeniedException("Only a clinician of the person's ICB can issue fit-note advice");
        }
        if (!episode.isOpen()) {
            throw new ConflictException("episodeId", "This episode was discharged: fit-note advice is given on an open episode", null);
        }
        LocalDate today = LimberTime.today(clock);
        FitNote.check(advice, today);
        List<FitNote> overlapping = notes.ofPatient(episode.patientId().value()).stream()
                .filter(n -> n.overlaps(advice.startsOn(), advice.endsOn())).toList();
        for (FitNote other : overlapping) {
            String dates = LimberTime.DAY.format(other.startsOn()) + " to " + LimberTime.DAY.format(other.lastDay());
            if (!endOther || !other.startsOn().isBefore(advice.startsOn())) {
                throw new ConflictException("startsOn", "This overlaps the fit note from " + dates
                        + (other.startsOn().isBefore(advice.startsOn()) ? ": end that note first (tick 'End the running note')"
                        : ": a note cannot start before another that covers the same days"), null);
            }
        }
        overlapping.forEach(other -> notes.endEarly(other.id(), advice.startsOn().minusDays(1), actor.username()));
        FitNote note = new FitNote(UUID.randomUUID(), episodeId, episode.patientId().value(), episode.icbCode(), advice.fitness(),
                advice.phasedReturn(), advice.alteredHours(), advice.amendedDuties(), advice.workplaceAdaptations(),
                blankToNull(advice.comments()), advice.condition().strip(), advice.startsOn(), advice.endsOn(), actor.username(),
                actor.displayName(), clock.instant(), null);
        notes.insert(note);
        audit.allowed(episode.patientId().value(), AuditAction.CREATE, RESOURCE, note.id().toString());
        return note;
    }

    @Transactional
    public FitNote read(UUID id) {
        FitNote note = notes.find(id).orElseThrow(() -> new NotFoundException("No fit note with this id"));
        Actor actor = currentActor.get();
        boolean allowed = actor.isPatient(note.patientId())
                || ((actor.role() == Role.CLINICIAN || actor.role() == Role.SERVICE_MANAGER) && actor.serves(note.icbCode()));
        if (!allowed) {
            audit.denied(note.patientId(), AuditAction.READ, RESOURCE, id.toString());
            throw new AccessDeniedException("You do not have access to this fit note");
        }
        audit.allowed(note.patientId(), AuditAction.READ, RESOURCE, id.toString());
        return note;
    }

    /** The notes of an episode's person, for staff who may read the episode. */
    @Transactional
    public List<FitNote> ofEpisode(UUID episodeId) {
        EpisodeFacts episode = episodes.find(episodeId).orElseThrow(() -> new NotFoundException("No episode of care with this id"));
        Actor actor = currentActor.get();
        if (!((actor.role() == Role.CLINICIAN || actor.role() == Role.SERVICE_MANAGER) && actor.serves(episode.icbCode()))) {
            audit.denied(episode.patientId().value(), AuditAction.READ, RESOURCE, null);
            throw new AccessDeniedException("You do not have access to this episode");
        }
        audit.allowed(episode.patientId().value(), AuditAction.READ, RESOURCE, episodeId.toString());
        return notes.ofPatient(episode.patientId().value());
    }

    public Optional<EpisodeFacts> episode(UUID episodeId) {
        return episodes.find(episodeId);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
