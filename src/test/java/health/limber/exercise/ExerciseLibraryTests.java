package health.limber.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import health.limber.exercise.internal.StickFigure;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shipped library is complete and consistent: what issue 6 and DOMAIN.md §6 ask of each exercise. */
class ExerciseLibraryTests {

    static final ExerciseLibrary LIBRARY = new ExerciseLibrary();
    static final Set<String> JOINTS = Set.of("head", "neck", "hip", "elbowL", "handL", "elbowR", "handR", "kneeL", "footL", "kneeR", "footR");
    static final Map<String, Double> LENGTHS = Map.of("head-neck", 20.0, "neck-hip", 60.0, "neck-elbowL", 32.0, "elbowL-handL", 30.0,
            "neck-elbowR", 32.0, "elbowR-handR", 30.0, "hip-kneeL", 45.0, "kneeL-footL", 45.0, "hip-kneeR", 45.0, "kneeR-footR", 45.0);

    @Test
    void thereAreAtLeastSixtyExercisesWithSixOrMoreForEveryRegion() {
        assertThat(LIBRARY.all()).hasSizeGreaterThanOrEqualTo(60);
        for (Exercise.Region region : Exercise.Region.values()) {
            assertThat(LIBRARY.all().stream().filter(e -> e.regions().contains(region)).count()).as(region.name()).isGreaterThanOrEqualTo(6);
        }
        for (Exercise.Category category : Exercise.Category.values()) {
            assertThat(LIBRARY.all().stream().filter(e -> e.category() == category).count()).as(category.name()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void everyExerciseHasStepsCautionsADoseAndADemonstration() {
        for (Exercise e : LIBRARY.all()) {
            assertThat(e.steps()).as(e.id()).hasSizeBetween(2, 6);
            assertThat(e.cautions()).as(e.id()).isNotEmpty();
            assertThat(e.dose().sets()).as(e.id()).isPositive();
            assertThat(e.dose().reps() > 0 || e.dose().holdSeconds() > 0).as(e.id() + " reps or hold").isTrue();
            assertThat(e.difficulty()).as(e.id()).isBetween(1, 3);
            assertThat(e.animation().poses()).as(e.id()).hasSizeBetween(2, 4);
            assertThat(e.animation().seconds()).as(e.id()).hasSameSizeAs(e.animation().poses());
        }
    }

    @Test
    void easierAndHarderVersionsExistAndPointBackAtEachOther() {
        for (Exercise e : LIBRARY.all()) {
            for (String harder : e.harder()) {
                assertThat(LIBRARY.find(harder, "en")).as(e.id() + " -> " + harder).isPresent();
                assertThat(LIBRARY.read(harder, "en").easier()).as(harder + " lists " + e.id() + " as easier").contains(e.id());
            }
            for (String easier : e.easier()) {
                assertThat(LIBRARY.read(easier, "en").harder()).as(easier + " lists " + e.id() + " as harder").contains(e.id());
            }
        }
    }

    /** A figure whose limbs change length between poses looks broken; every pose keeps the same body within 15%. */
    @Test
    void everyPoseHasAllJointsOnTheCanvasAndLimbsKeepTheirLength() {
        for (Exercise e : LIBRARY.all()) {
            for (Map<String, double[]> pose : e.animation().poses()) {
                assertThat(pose.keySet()).as(e.id()).isEqualTo(JOINTS);
                pose.forEach((joint, xy) -> assertThat(xy[0]).as(e.id() + " " + joint + " x").isBetween(-20.0, 220.0));
                LENGTHS.forEach((bone, length) -> {
                    double[] a = pose.get(bone.split("-")[0]);
                    double[] b = pose.get(bone.split("-")[1]);
                    double actual = Math.hypot(a[0] - b[0], a[1] - b[1]);
                    assertThat(actual).as(e.id() + " " + bone).isBetween(length * 0.85, length * 1.15);
                });
            }
        }
    }

    @Test
    void aWelshTranslationReplacesTheWordsAndKeepsTheRest() {
        Exercise english = LIBRARY.read("knee-straight-leg-raise", "en");
        Exercise welsh = LIBRARY.read("knee-straight-leg-raise", "cy");
        assertThat(welsh.name()).isEqualTo("Codi'r goes yn syth");
        assertThat(welsh.steps()).hasSameSizeAs(english.steps()).doesNotContainAnyElementsOf(english.steps());
        assertThat(welsh.dose()).isEqualTo(english.dose());
        assertThat(LIBRARY.read("hip-clam", "cy").name()).isEqualTo(LIBRARY.read("hip-clam", "en").name());
        assertThat(LIBRARY.isTranslated("hip-clam", "cy")).isFalse();
        assertThat(LIBRARY.languages()).containsKeys("en", "cy");
    }

    @Test
    void searchFiltersByRegionCategoryEquipmentDifficultyAndWords() {
        var knees = LIBRARY.search(new ExerciseLibrary.Filter(null, Exercise.Region.KNEE, Exercise.Category.STRENGTH, null, null), "en");
        assertThat(knees).isNotEmpty().allSatisfy(e -> {
            assertThat(e.regions()).contains(Exercise.Region.KNEE);
            assertThat(e.category()).isEqualTo(Exercise.Category.STRENGTH);
        });
        assertThat(LIBRARY.search(new ExerciseLibrary.Filter(null, null, null, Exercise.Equipment.BAND, 2), "en"))
                .isNotEmpty().allSatisfy(e -> assertThat(e.equipment()).contains(Exercise.Equipment.BAND));
        assertThat(LIBRARY.search(new ExerciseLibrary.Filter("bridge", null, null, null, null), "en"))
                .extracting(Exercise::id).contains("back-bridge", "back-single-leg-bridge");
    }

    @Test
    void theDemonstrationIsAnAnimatedSvgAndAStillHasNoAnimation() {
        Exercise bridge = LIBRARY.read("back-bridge", "en");
        String svg = StickFigure.animated(bridge);
        assertThat(svg).startsWith("<svg").contains("<animate attributeName=\"y1\"").contains("repeatCount=\"indefinite\"")
                .contains("aria-label=\"Moving picture of Bridge\"").doesNotContain("<script");
        assertThat(StickFigure.still(bridge, 1)).doesNotContain("<animate");
        assertThat(Arrays.stream(svg.split("<line")).count() - 1).isEqualTo(10);
    }
}
