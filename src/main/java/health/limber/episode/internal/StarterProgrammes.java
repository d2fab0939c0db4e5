package health.limber.episode.internal;

import health.limber.exercise.ProgrammeManagement;
import health.limber.exercise.ProgrammePurpose;
import health.limber.exercise.ProgrammeSource;
import health.limber.exercise.ProgrammeTemplates;
import health.limber.identity.Actor;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.notification.Channel;
import health.limber.notification.Outbox;
import health.limber.organisation.Organisations;
import health.limber.patient.Patient;
import health.limber.patient.PatientManagement;
import health.limber.platform.InvalidInputException;
import health.limber.platform.LimberTime;
import health.limber.referral.BodySite;
import health.limber.referral.RiskGroup;
import health.limber.referral.SelfManagementStarter;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starter programmes from a self-referral (DOMAIN.md §3a: a "wait well" programme given without an
 * assessment, which stops no clock). Offered when the service has them switched on
 * ({@code limber.self-referral.starter.enabled}, default true), the STarT result is low or medium
 * risk, the service offers a programme for the body area ({@code limber.self-referral.starter.template.<SITE>},
 * a template id; empty for none) and the person gave a mobile number or email address they agreed
 * to be contacted on. Starting it makes a new patient record (never one found by a typed NHS
 * number), the programme, and an access code sent through the outbox; all as "self-referral", a
 * named system actor of the provider serving the person's ICB, so every step is in the audit log.
 */
@Component
class StarterProgrammes implements SelfManagementStarter {

    /** The templates offered by default, by body area; pain in many places has none. */
    static final Map<BodySite, String> DEFAULT_TEMPLATES = Map.of(BodySite.BACK, "low-back-pain", BodySite.NECK, "neck-pain",
            BodySite.SHOULDER, "shoulder-pain", BodySite.KNEE, "knee-osteoarthritis");

    private final Environment environment;
    private final ProgrammeTemplates templates;
    private final ProgrammeManagement programmes;
    private final PatientManagement patients;
    private final Organisations organisations;
    private final CurrentActor currentActor;
    private final Outbox outbox;
    private final Clock clock;

    StarterProgrammes(Environment environment, ProgrammeTemplates templates, ProgrammeManagement programmes, PatientManagement patients,
                      Organisations organisations, CurrentActor currentActor, Outbox outbox, Clock clock) {
        this.environment = environment;
        this.templates = templates;
        this.programmes = programmes;
        this.patients = patients;
        this.organisations = organisations;
        this.currentActor = currentActor;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public Optional<Offer> offerFor(SelfReferred person) {
        if (!environment.getProperty("limber.self-referral.starter.enabled", Boolean.class, true)
                || (person.risk() != RiskGroup.LOW && person.risk() != RiskGroup.MEDIUM) || sentTo(person) == null) {
            return Optional.empty();
        }
        String id = environment.getProperty("limber.self-referral.starter.template." + person.site().name(), DEFAULT_TEMPLATES.getOrDefault(person.site(), ""));
        return templates.find(id).map(t -> new Offer(t.name(), t.weeks(), sentTo(person)));
    }

    @Override
    @Transactional
    public Started start(SelfReferred person) {
        Offer offer = offerFor(person).orElseThrow(() -> new InvalidInputException("starter", "Exercises to start now are not offered for this referral"));
        String template = environment.getProperty("limber.self-referral.starter.template." + person.site().name(), DEFAULT_TEMPLATES.get(person.site()));
        String provider = organisations.providersServing(person.icbCode()).stream()
                .min(Comparator.comparing((Organisations.Provider p) -> organisations.icbsServedBy(p.code()).size()).thenComparing(Organisations.Provider::code))
                .orElseThrow(() -> new InvalidInputException("icbCode", "No service takes self-referrals from this area")).code();
        Actor system = new Actor("self-referral", "Self-referral (starter programme)", Role.CLINICIAN, provider, Set.of(person.icbCode()), null);
        return currentActor.runAs(system, () -> {
            Patient patient = patients.create(person.asPatient());
            programmes.create(patient.id(), template, LimberTime.today(clock), null,
                    "Started by the person at self-referral (" + person.reference() + "), before triage: exercises to do while they wait.",
                    null, ProgrammePurpose.WAIT_WELL, ProgrammeSource.SELF_REFERRAL);
            var code = patients.issueAccessCode(patient.id());
            boolean text = person.textsAllowed() && person.phone() != null && !person.phone().isBlank();
            outbox.queue(new Outbox.Message("starter-code:" + person.referralId(), patient.id().value(), person.icbCode(),
                    text ? Channel.SMS : Channel.EMAIL, text ? person.phone() : person.email(), "Your Limber access code",
                    "Your exercises for " + offer.programmeName().toLowerCase() + " are ready. Sign in to Limber with the access code "
                            + code.grouped() + " and your date of birth. The code works until " + LimberTime.DAY.format(code.expiresOn())
                            + ". If your symptoms get much worse, or you get numbness around your bottom or problems with your bladder or "
                            + "bowels, call 999 or go to A&E.", clock.instant()));
            return new Started(patient.id(), code.grouped(), offer.sentTo(), offer.programmeName());
        });
    }

    /** Where the code goes: a mobile they agreed to texts on, or else an email address they agreed to; null when neither. */
    private static String sentTo(SelfReferred person) {
        if (person.textsAllowed() && person.phone() != null && !person.phone().isBlank()) {
            return "your mobile by text message";
        }
        return person.emailsAllowed() && person.email() != null && !person.email().isBlank() ? "your email address" : null;
    }
}
