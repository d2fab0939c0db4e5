package health.limber.exercise.web;

import health.limber.exercise.Exercise;
import health.limber.exercise.ExerciseLibrary;
import health.limber.exercise.StickFigure;
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

    ExerciseController(ExerciseLibrary library) {
        this.library = library;
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
        Exercise exercise = library.read(id, language);
        model.addAttribute("exercise", exercise);
        model.addAttribute("figure", StickFigure.animated(exercise));
        model.addAttribute("stills", java.util.stream.IntStream.range(0, exercise.animation().poses().size())
                .mapToObj(i -> StickFigure.still(exercise, i)).toList());
        model.addAttribute("easier", exercise.easier().stream().map(e -> library.read(e, ExerciseLibrary.ENGLISH)).toList());
        model.addAttribute("harder", exercise.harder().stream().map(e -> library.read(e, ExerciseLibrary.ENGLISH)).toList());
        model.addAttribute("languages", library.languages().entrySet().stream()
                .filter(l -> library.isTranslated(id, l.getKey())).sorted(java.util.Map.Entry.comparingByKey()).toList());
        model.addAttribute("lang", language);
        return "exercise/exercise";
    }
}
