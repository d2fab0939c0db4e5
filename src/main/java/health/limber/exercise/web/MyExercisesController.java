package health.limber.exercise.web;

import health.limber.exercise.Exercise;
import health.limber.exercise.ExerciseLibrary;
import health.limber.exercise.Programme;
import health.limber.exercise.Programmes;
import health.limber.exercise.SessionLog;
import health.limber.exercise.StickFigure;
import health.limber.identity.CurrentActor;
import health.limber.platform.InvalidInputException;
import health.limber.platform.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The patient's exercises: today's list, the follow-along player with its log form, history with corrections, ratings. */
@Controller
class MyExercisesController {

    private final Programmes programmes;
    private final ExerciseLibrary library;
    private final CurrentActor currentActor;
    private final Clock clock;
    private final health.limber.exercise.Handouts handouts;
    private final health.limber.exercise.ExerciseReminders reminders;
    private final health.limber.exercise.ExerciseMedia media;

    MyExercisesController(Programmes programmes, ExerciseLibrary library, CurrentActor currentActor, Clock clock,
                          health.limber.exercise.Handouts handouts, health.limber.exercise.ExerciseReminders reminders,
                          health.limber.exercise.ExerciseMedia media) {
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
        var programme = programmes.current(currentActor.get().patientId());
        model.addAttribute("programme", programme.orElse(null));
        if (programme.isPresent()) {
            LocalDate today = LocalDate.now(clock);
            Set<String> doneToday = programmes.logs(programme.get().id()).stream()
                    .filter(l -> "CURRENT".equals(l.status()) && l.day().equals(today) && l.outcome() != SessionLog.Outcome.NOT_DONE)
                    .map(SessionLog::exerciseId).collect(Collectors.toSet());
            model.addAttribute("doneToday", doneToday);
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

    @PostMapping("/my/exercises/{exercise}/log")
    String log(@PathVariable String exercise, @RequestParam String clientKey, @RequestParam(required = false) SessionLog.Outcome outcome,
               @RequestParam(required = false) Integer setsDone, @RequestParam(required = false) Integer repsDone,
               @RequestParam(required = false) Integer pain, @RequestParam(required = false) SessionLog.Difficulty difficulty,
               @RequestParam(required = false) String comment, @RequestParam(required = false) String next, RedirectAttributes redirect) {
        Programme programme = currentProgramme();
        try {
            programmes.log(programme.id(), clientKey, exercise, LocalDate.now(clock), outcome, setsDone, repsDone, pain, difficulty, comment);
            redirect.addFlashAttribute("done", "Saved. Well done for keeping going.");
            return next != null && !next.isBlank() ? "redirect:/my/exercises/" + next : "redirect:/my/exercises";
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", Map.of(e.field(), e.getMessage()));
            return "redirect:/my/exercises/" + exercise + "#log";
        }
    }

    /** Logs every exercise of today's programme as done in one go (each with its own key, so a double press logs once). */
    @PostMapping("/my/exercises/session")
    String wholeSession(@RequestParam String clientKey, @RequestParam(required = false) Integer pain, RedirectAttributes redirect) {
        Programme programme = currentProgramme();
        try {
            for (Programme.Item item : programme.items()) {
                programmes.log(programme.id(), clientKey + ":" + item.exerciseId(), item.exerciseId(), LocalDate.now(clock), SessionLog.Outcome.DONE,
                        item.dose().sets(), item.dose().reps() == 0 ? null : item.dose().reps(), pain, null, null);
            }
            redirect.addFlashAttribute("done", "Today's session is logged. Well done.");
        } catch (InvalidInputException e) {
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
        return ProgrammeController.pdf(handouts.pdf(currentProgramme().id(), large, ProgrammeController.appUrl(request)), large);
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
        return programmes.current(currentActor.get().patientId()).orElseThrow(() -> new NotFoundException("programme"));
    }

    static List<Integer> painScale() {
        return java.util.stream.IntStream.rangeClosed(0, 10).boxed().toList();
    }
}
