package health.limber.exercise.web;

import health.limber.exercise.Exercise;
import health.limber.exercise.ExerciseLibrary;
import health.limber.exercise.Programme;
import health.limber.exercise.ProgrammeManagement;
import health.limber.exercise.SessionLog;
import health.limber.exercise.internal.NewSessionLog;
import health.limber.exercise.internal.StickFigure;
import health.limber.identity.CurrentActor;
import health.limber.patient.PatientId;
import health.limber.platform.InvalidInputException;
import health.limber.platform.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The patient's exercises: today's list, the follow-along player with its log form, history with corrections, ratings. */
@Controller
class MyExercisesController {

    private final ProgrammeManagement programmes;
    private final ExerciseLibrary library;
    private final CurrentActor currentActor;
    private final Clock clock;
    private final health.limber.exercise.internal.Handouts handouts;
    private final health.limber.exercise.internal.ExerciseReminders reminders;
    private final health.limber.exercise.internal.ExerciseMedia media;

    MyExercisesController(ProgrammeManagement programmes, ExerciseLibrary library, CurrentActor currentActor, Clock clock,
                          health.limber.exercise.internal.Handouts handouts, health.limber.exercise.internal.ExerciseReminders reminders,
                          health.limber.exercise.internal.ExerciseMedia media) {
        this.media = media;
        this.handouts = handouts;
        this.reminders = reminders;
        this.programmes = programmes;
        this.library = library;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @GetMapping("/my/exercises")
    String today(Model model) {
        var programme = programmes.current(PatientId.of(currentActor.get().patientId()));
        model.addAttribute("programme", programme.orElse(null));
        if (programme.isPresent()) {
            LocalDate today = LocalDate.now(clock);
            model.addAttribute("doneToday", programmes.doneToday(programme.get().id()));
            long days = java.time.temporal.ChronoUnit.DAYS.between(programme.get().startDate(), today);
            model.addAttribute("askRating", days >= 7);
            model.addAttribute("clientKey", UUID.randomUUID().toString());
        }
        return "exercise/my-today";
    }

    @GetMapping("/my/exercises/{exercise}")
    String player(@PathVariable String exercise, Model model) {
        Programme programme = currentProgramme();
        Programme.Item item = programme.items().stream().filter(i -> i.exerciseId().equals(exercise)).findFirst()
                .orElseThrow(() -> new NotFoundException("exercise " + exercise));
        Exercise shown = library.read(exercise, ExerciseLibrary.ENGLISH);
        model.addAttribute("programme", programme);
        model.addAttribute("item", item);
        model.addAttribute("exercise", shown);
        model.addAttribute("figure", StickFigure.animated(shown));
        model.addAttribute("media", media.of(exercise));
        model.addAttribute("clientKey", UUID.randomUUID().toString());
        int at = programme.items().indexOf(item);
        model.addAttribute("next", at + 1 < programme.items().size() ? programme.items().get(at + 1) : null);
        return "exercise/my-player";
    }

    /**
     * Logs one exercise. The phone's script fills in the key, the day and the moment when the person
     * saves (so two sessions saved offline are two logs, each on its own day); without the script the
     * page's key and today are used. A log sent from the offline queue ({@value #QUEUED} header) is
     * answered with a status, not a page: 204 stored (or already stored), 422 refused with the reason.
     */
    @PostMapping("/my/exercises/{exercise}/log")
    Object log(@PathVariable String exercise, @RequestParam String clientKey, @RequestParam(required = false) String day,
               @RequestParam(required = false) String doneAt, @RequestParam(required = false) SessionLog.Outcome outcome,
               @RequestParam(required = false) Integer setsDone, @RequestParam(required = false) Integer repsDone,
               @RequestParam(required = false) Integer pain, @RequestParam(required = false) SessionLog.Difficulty difficulty,
               @RequestParam(required = false) String comment, @RequestParam(required = false) String next,
               @RequestHeader(name = QUEUED, required = false) String queued, RedirectAttributes redirect) {
        Programme programme = currentProgramme();
        try {
            programmes.log(programme.id(), new NewSessionLog(clientKey, exercise, dayOf(day), momentOf(doneAt), outcome, setsDone, repsDone, pain,
                    difficulty, comment));
            if (queued != null) {
                return ResponseEntity.noContent().build();
            }
            redirect.addFlashAttribute("done", "Saved. Well done for keeping going.");
            return next != null && !next.isBlank() ? "redirect:/my/exercises/" + next : "redirect:/my/exercises";
        } catch (InvalidInputException e) {
            if (queued != null) {
                return ResponseEntity.unprocessableContent().contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
            }
            redirect.addFlashAttribute("problem", Map.of(e.field(), e.getMessage()));
            return "redirect:/my/exercises/" + exercise + "#log";
        }
    }

    /** Sent by the offline queue's script: answer with a status it can act on, not a page. */
    static final String QUEUED = "X-Limber-Queued";

    private LocalDate dayOf(String day) {
        if (day == null || day.isBlank()) {
            return LocalDate.now(clock);
        }
        try {
            return LocalDate.parse(day.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("day", "The day you did it must be a date, like 2026-12-07");
        }
    }

    private static Instant momentOf(String doneAt) {
        if (doneAt == null || doneAt.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(doneAt.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("doneAt", "The time you did it must be a date and time, like 2026-12-07T18:30:00Z");
        }
    }

    /** Logs every exercise of today's programme as done in one go (each with its own key, so a double press logs once). */
    @PostMapping("/my/exercises/session")
    Object wholeSession(@RequestParam String clientKey, @RequestParam(required = false) String day, @RequestParam(required = false) String doneAt,
                        @RequestParam(required = false) Integer pain, @RequestHeader(name = QUEUED, required = false) String queued,
                        RedirectAttributes redirect) {
        Programme programme = currentProgramme();
        try {
            LocalDate on = dayOf(day);
            Instant at = momentOf(doneAt);
            for (Programme.Item item : programme.items()) {
                programmes.log(programme.id(), new NewSessionLog(clientKey + ":" + item.exerciseId(), item.exerciseId(), on, at,
                        SessionLog.Outcome.DONE, item.dose().sets(), item.dose().reps() == 0 ? null : item.dose().reps(), pain, null, null));
            }
            if (queued != null) {
                return ResponseEntity.noContent().build();
            }
            redirect.addFlashAttribute("done", "Today's session is logged. Well done.");
        } catch (InvalidInputException e) {
            if (queued != null) {
                return ResponseEntity.unprocessableContent().contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
            }
            redirect.addFlashAttribute("done", e.getMessage());
        }
        return "redirect:/my/exercises";
    }

    @GetMapping("/my/exercises/history")
    String history(Model model) {
        Programme programme = currentProgramme();
        model.addAttribute("programme", programme);
        model.addAttribute("logs", programmes.logs(programme.id()));
        model.addAttribute("names", programme.items().stream().collect(Collectors.toMap(Programme.Item::exerciseId, Programme.Item::name)));
        model.addAttribute("clientKey", UUID.randomUUID().toString());
        return "exercise/my-history";
    }

    @PostMapping("/my/exercises/logs/{log}/correct")
    String correct(@PathVariable UUID log, @RequestParam String clientKey, @RequestParam(required = false) SessionLog.Outcome outcome,
                   @RequestParam(required = false) Integer pain, @RequestParam(required = false) SessionLog.Difficulty difficulty,
                   @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        try {
            programmes.correct(log, clientKey, outcome, null, null, pain, difficulty, comment);
            redirect.addFlashAttribute("done", "Corrected. Your first answer is kept in the history.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/my/exercises/history";
    }

    @PostMapping("/my/exercises/logs/{log}/withdraw")
    String withdraw(@PathVariable UUID log, RedirectAttributes redirect) {
        try {
            programmes.withdraw(log);
            redirect.addFlashAttribute("done", "Taken out. It no longer counts, and stays in the history.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/my/exercises/history";
    }

    @GetMapping("/my/exercises/handout.pdf")
    org.springframework.http.ResponseEntity<byte[]> handout(@RequestParam(defaultValue = "false") boolean large,
                                                            jakarta.servlet.http.HttpServletRequest request) {
        return ProgrammeController.pdf(handouts.pdf(currentProgramme().id().value(), large, ProgrammeController.appUrl(request)), large);
    }

    @GetMapping("/my/exercises/reminders")
    String reminderForm(Model model) {
        var choice = reminders.choice(currentActor.get().patientId()).orElse(null);
        model.addAttribute("choice", choice);
        model.addAttribute("chosenTime", choice == null ? "18:00" : String.format("%02d:%02d", choice.atMinute() / 60, choice.atMinute() % 60));
        model.addAttribute("days", java.time.DayOfWeek.values());
        List<String> times = new java.util.ArrayList<>();
        for (int m = 6 * 60; m <= 22 * 60; m += 30) {
            times.add(String.format("%02d:%02d", m / 60, m % 60));
        }
        model.addAttribute("times", times);
        return "exercise/my-reminders";
    }

    @PostMapping("/my/exercises/reminders")
    String remind(@RequestParam(required = false) List<java.time.DayOfWeek> days, @RequestParam(defaultValue = "18:00") String time,
                  RedirectAttributes redirect) {
        try {
            int minutes = Integer.parseInt(time.substring(0, 2)) * 60 + Integer.parseInt(time.substring(3, 5));
            var choice = reminders.choose(days == null ? Set.of() : Set.copyOf(days), minutes);
            redirect.addFlashAttribute("done", choice == null ? "Reminders stopped." : "Reminders set. We will send them by "
                    + (choice.channel() == health.limber.notification.Channel.SMS ? "text message" : "email") + " to " + choice.address() + ".");
            return "redirect:/my/exercises";
        } catch (InvalidInputException | StringIndexOutOfBoundsException | NumberFormatException e) {
            redirect.addFlashAttribute("problem", e instanceof InvalidInputException ? e.getMessage() : "Choose a time from the list");
            return "redirect:/my/exercises/reminders";
        }
    }

    @GetMapping("/my/exercises/symptoms")
    String symptoms(Model model) {
        currentProgramme();
        model.addAttribute("questions", programmes.symptomQuestions());
        return "exercise/my-symptoms";
    }

    @PostMapping("/my/exercises/symptoms")
    String reportSymptoms(@RequestParam(required = false) List<String> flags, @RequestParam(required = false) String detail, Model model,
                          RedirectAttributes redirect) {
        Programme programme = currentProgramme();
        try {
            var level = programmes.reportSymptoms(programme.id(), flags == null ? Set.of() : Set.copyOf(flags), detail);
            model.addAttribute("level", level);
            return "exercise/my-symptoms-done";
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/my/exercises/symptoms";
        }
    }

    @GetMapping("/my/exercises/rate")
    String rateForm(Model model) {
        model.addAttribute("programme", currentProgramme());
        model.addAttribute("clientKey", UUID.randomUUID().toString());
        return "exercise/my-rate";
    }

    @PostMapping("/my/exercises/rate")
    String rate(@RequestParam String clientKey, @RequestParam Map<String, String> answers, RedirectAttributes redirect) {
        Programme programme = currentProgramme();
        try {
            for (Programme.Item item : programme.items()) {
                String answer = answers.get("useful-" + item.exerciseId());
                if (answer != null && !answer.isBlank()) {
                    programmes.rate(programme.id(), clientKey + ":" + item.exerciseId(), item.exerciseId(), Integer.parseInt(answer));
                }
            }
            String change = answers.get("change");
            if (change != null && !change.isBlank()) {
                programmes.rate(programme.id(), clientKey + ":change", null, Integer.parseInt(change));
            }
            redirect.addFlashAttribute("done", "Thank you. Your answers help us improve the programmes.");
        } catch (InvalidInputException | NumberFormatException e) {
            redirect.addFlashAttribute("problem", "Choose one of the answers");
            return "redirect:/my/exercises/rate";
        }
        return "redirect:/my/exercises";
    }

    private Programme currentProgramme() {
        return programmes.current(PatientId.of(currentActor.get().patientId())).orElseThrow(() -> new NotFoundException("programme"));
    }

    static List<Integer> painScale() {
        return java.util.stream.IntStream.rangeClosed(0, 10).boxed().toList();
    }
}
