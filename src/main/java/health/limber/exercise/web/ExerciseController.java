package health.limber.exercise.web;

import health.limber.exercise.Exercise;
import health.limber.exercise.ExerciseLibrary;
import health.limber.exercise.internal.StickFigure;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The exercise library for clinicians: search and filter, and each exercise with its demonstration. */
@Controller
class ExerciseController {

    private final ExerciseLibrary library;
    private final health.limber.exercise.internal.ExerciseMedia media;

    ExerciseController(ExerciseLibrary library, health.limber.exercise.internal.ExerciseMedia media) {
        this.library = library;
        this.media = media;
    }

    @GetMapping("/exercises/new")
    String newExercise(Model model) {
        model.addAttribute("regions", Exercise.Region.values());
        model.addAttribute("categories", Exercise.Category.values());
        model.addAttribute("equipments", Exercise.Equipment.values());
        model.addAttribute("library", library.all());
        return "exercise/new";
    }

    @org.springframework.web.bind.annotation.PostMapping("/exercises")
    String add(@RequestParam(defaultValue = "") String name, @RequestParam(required = false) Exercise.Region region,
               @RequestParam(required = false) Exercise.Category category, @RequestParam(required = false) List<Exercise.Equipment> equipment,
               @RequestParam(defaultValue = "1") int difficulty, @RequestParam(defaultValue = "") String steps,
               @RequestParam(defaultValue = "") String cautions, @RequestParam(defaultValue = "3") int sets, @RequestParam(defaultValue = "10") int reps,
               @RequestParam(defaultValue = "0") int holdSeconds, @RequestParam(defaultValue = "") String movesLike,
               org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        try {
            Exercise added = library.addCustom(name, region, category, equipment == null ? List.of() : equipment, difficulty, lines(steps), lines(cautions),
                    new Exercise.Dose(sets, holdSeconds > 0 ? 0 : reps, holdSeconds, 30, 1, 7), movesLike);
            redirect.addFlashAttribute("done", "Added to your service's library.");
            return "redirect:/exercises/" + added.id();
        } catch (health.limber.platform.InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/exercises/new";
        }
    }

    @org.springframework.web.bind.annotation.PostMapping(value = "/exercises/{id}/media", consumes = "multipart/form-data")
    String upload(@PathVariable String id, @RequestParam(required = false) org.springframework.web.multipart.MultipartFile file,
                  @RequestParam(defaultValue = "") String licence, @RequestParam(defaultValue = "") String credit,
                  org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) throws java.io.IOException {
        try {
            if (file != null && file.getSize() > health.limber.exercise.internal.ExerciseMedia.MAX_BYTES) {
                throw new health.limber.platform.InvalidInputException("file", "The file must be smaller than 50 MB");
            }
            media.upload(id, file == null ? null : file.getBytes(), licence, credit);
            redirect.addFlashAttribute("done", "Uploaded.");
        } catch (health.limber.platform.InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/exercises/" + id;
    }

    @GetMapping({"/exercises/media/{id}", "/my/exercises/media/{id}"})
    org.springframework.http.ResponseEntity<org.springframework.core.io.InputStreamResource> media(@PathVariable java.util.UUID id) {
        var opened = media.open(id);
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(opened.media().contentType()))
                .header("X-Content-Type-Options", "nosniff")
                .body(new org.springframework.core.io.InputStreamResource(opened.content()));
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    @GetMapping("/exercises")
    String library(@RequestParam(required = false) String q, @RequestParam(required = false) Exercise.Region region,
                   @RequestParam(required = false) Exercise.Category category, @RequestParam(required = false) Exercise.Equipment equipment,
                   @RequestParam(required = false) Integer difficulty, Model model) {
        List<Exercise> found = library.search(new ExerciseLibrary.Filter(q, region, category, equipment, difficulty), ExerciseLibrary.ENGLISH);
        model.addAttribute("exercises", found);
        model.addAttribute("q", q);
        model.addAttribute("region", region);
        model.addAttribute("category", category);
        model.addAttribute("equipment", equipment);
        model.addAttribute("difficulty", difficulty);
        model.addAttribute("regions", Exercise.Region.values());
        model.addAttribute("categories", Exercise.Category.values());
        model.addAttribute("equipments", Exercise.Equipment.values());
        model.addAttribute("total", library.all().size());
        return "exercise/library";
    }

    @GetMapping("/exercises/{id}")
    String exercise(@PathVariable String id, @RequestParam(defaultValue = ExerciseLibrary.ENGLISH) String lang, Model model) {
        String language = library.languages().containsKey(lang) ? lang : ExerciseLibrary.ENGLISH;
        Exercise exercise = library.findInMyLibrary(id, language).orElseThrow(() -> new health.limber.platform.NotFoundException("exercise " + id));
        model.addAttribute("exercise", exercise);
        model.addAttribute("figure", StickFigure.animated(exercise));
        model.addAttribute("stills", java.util.stream.IntStream.range(0, exercise.animation().poses().size())
                .mapToObj(i -> StickFigure.still(exercise, i)).toList());
        model.addAttribute("easier", exercise.easier().stream().map(e -> library.read(e, ExerciseLibrary.ENGLISH)).toList());
        model.addAttribute("harder", exercise.harder().stream().map(e -> library.read(e, ExerciseLibrary.ENGLISH)).toList());
        model.addAttribute("languages", library.languages().entrySet().stream()
                .filter(l -> library.isTranslated(id, l.getKey())).sorted(java.util.Map.Entry.comparingByKey()).toList());
        model.addAttribute("lang", language);
        model.addAttribute("media", media.of(id));
        model.addAttribute("licences", health.limber.exercise.internal.ExerciseMedia.LICENCES);
        model.addAttribute("custom", library.isCustom(id));
        return "exercise/exercise";
    }
}
