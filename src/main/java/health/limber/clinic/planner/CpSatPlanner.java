package health.limber.clinic.planner;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.IntervalVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import health.limber.clinic.planner.Instance.Patient;
import health.limber.clinic.planner.Instance.Practitioner;
import health.limber.clinic.planner.Instance.Room;
import health.limber.clinic.planner.Instance.Window;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The optimiser, on Google OR-Tools CP-SAT. Time is counted in slots. Each need of each
 * patient is a task with a start; the patient's "served" literal makes all their tasks
 * present or none (whole visit). A task picks one practitioner and one room among those
 * allowed (service, language, step-free) through optional intervals; each practitioner, room
 * and patient has a no-overlap constraint, and a practitioner's hours off are fixed intervals
 * in theirs. The stay is bounded by first start and last end. The objective puts weighted
 * patients served first and waiting between appointments second (a weight larger than any
 * possible total wait), and the greedy plan is the starting hint. The proven bound on the
 * objective becomes a bound on the weighted patients served.
 */
public final class CpSatPlanner implements Planner {

    private static volatile boolean loaded;

    private final int workers;
    private final int seed;

    public CpSatPlanner() {
        this(Math.max(4, Runtime.getRuntime().availableProcessors()), 1);
    }

    public CpSatPlanner(int workers, int seed) {
        this.workers = workers;
        this.seed = seed;
    }

    private static synchronized void load() {
        if (!loaded) {
            Loader.loadNativeLibraries();
            loaded = true;
        }
    }

    @Override
    public Plan plan(Instance day, Duration limit, Consumer<String> progress) {
        long started = System.nanoTime();
        load();
        Plan greedy = new GreedyPlanner().plan(day, limit, line -> {});
        Model model = new Model(day);
        model.hint(greedy.appointments());
        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(Math.max(0.1, limit.toMillis() / 1000.0)).setNumWorkers(workers).setRandomSeed(seed);
        CpSolverStatus status = solver.solve(model.cp, new CpSolverSolutionCallback() {
            @Override
            public void onSolutionCallback() {
                progress.accept(String.format("%6.1f s  weighted patients served %d  waiting %d min  bound %d",
                        wallTime(), model.served(objectiveValue()), model.waiting(objectiveValue()), model.servedBound(bestObjectiveBound())));
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            progress.accept("cpsat: no plan found in time (" + status + "); using the greedy plan");
            return Plan.of(day, greedy.appointments(), null, seconds, "greedy");
        }
        Plan plan = Plan.of(day, model.appointments(solver), model.servedBound(solver.bestObjectiveBound()), seconds, "cpsat");
        progress.accept(String.format("cpsat %s: served %d of %d patients, waiting %d min, bound %d, gap %.1f%%, %.1f s",
                status == CpSolverStatus.OPTIMAL ? "optimal" : "stopped at the time limit", plan.metrics().patientsServed(),
                plan.metrics().patients(), plan.metrics().waitingMinutes(), plan.bound(), 100 * plan.gap(), seconds));
        return plan;
    }

    /** The CP-SAT model of one day, with the variables needed to read a plan back. */
    private static final class Model {
        private final Instance day;
        private final CpModel cp = new CpModel();
        private final int slot;
        private final long big;
        private final Map<String, BoolVar> served = new LinkedHashMap<>();
        private final List<Task> tasks = new ArrayList<>();

        private record Choice(String id, BoolVar chosen) {}

        private record Task(Patient patient, String service, int slots, IntVar start, List<Choice> practitioners, List<Choice> rooms) {}

        Model(Instance day) {
            this.day = day;
            this.slot = day.slotMinutes();
            int daySlots = (day.dayEnd() - day.dayStart()) / slot;
            this.big = (long) daySlots * Math.max(1, day.patients().size()) + 1;
            Set<String> unservable = day.unservable().keySet();
            Map<String, List<IntervalVar>> practitionerIntervals = new HashMap<>();
            Map<String, List<IntervalVar>> roomIntervals = new HashMap<>();
            for (Practitioner practitioner : day.practitioners()) {
                practitionerIntervals.put(practitioner.id(), new ArrayList<>(hoursOff(practitioner)));
            }
            LinearExprBuilder objective = LinearExpr.newBuilder();
            for (Patient patient : day.patients()) {
                if (unservable.contains(patient.id())) {
                    continue;
                }
                BoolVar isServed = cp.newBoolVar("served_" + patient.id());
                served.put(patient.id(), isServed);
                int from = slotOf(patient.available().from());
                int to = slotOf(patient.available().to());
                IntVar first = cp.newIntVar(from, to, "first_" + patient.id());
                IntVar last = cp.newIntVar(from, to, "last_" + patient.id());
                IntVar stay = cp.newIntVar(0, to - from, "stay_" + patient.id());
                cp.addGreaterOrEqual(stay, LinearExpr.weightedSum(new IntVar[] {last, first}, new long[] {1, -1}));
                cp.addLessOrEqual(LinearExpr.weightedSum(new IntVar[] {last, first}, new long[] {1, -1}), patient.maxStayMinutes() / slot)
                        .onlyEnforceIf(isServed);
                List<IntervalVar> own = new ArrayList<>();
                int busySlots = 0;
                for (String need : patient.needs()) {
                    int length = day.minutesOf(need) / slot;
                    busySlots += length;
                    IntVar start = cp.newIntVar(from, to - length, patient.id() + "_" + need);
                    own.add(cp.newOptionalFixedSizeIntervalVar(start, length, isServed, "visit_" + patient.id() + "_" + need));
                    cp.addLessOrEqual(first, start).onlyEnforceIf(isServed);
                    cp.addGreaterOrEqual(LinearExpr.newBuilder().add(last).build(), LinearExpr.affine(start, 1, length)).onlyEnforceIf(isServed);
                    List<Choice> practitioners = practitionerChoices(patient, need, start, length, practitionerIntervals);
                    List<Choice> rooms = roomChoices(patient, need, start, length, roomIntervals);
                    cp.addEquality(LinearExpr.sum(practitioners.stream().map(Choice::chosen).toArray(BoolVar[]::new)), isServed);
                    cp.addEquality(LinearExpr.sum(rooms.stream().map(Choice::chosen).toArray(BoolVar[]::new)), isServed);
                    tasks.add(new Task(patient, need, length, start, practitioners, rooms));
                }
                cp.addNoOverlap(own);
                // served first (big * weight), then less waiting: waiting = stay - busy slots when served
                objective.addTerm(isServed, big * patient.weight() + busySlots);
                objective.addTerm(stay, -1);
            }
            practitionerIntervals.values().forEach(cp::addNoOverlap);
            roomIntervals.values().forEach(cp::addNoOverlap);
            cp.maximize(objective);
        }

        /** One yes/no choice per practitioner who gives the service (in the patient's language if they need it), each with its interval. */
        private List<Choice> practitionerChoices(Patient patient, String need, IntVar start, int length,
                                                 Map<String, List<IntervalVar>> intervals) {
            List<Choice> practitioners = new ArrayList<>();
            for (Practitioner practitioner : day.practitioners()) {
                if (practitioner.service().equals(need) && (!patient.needsLanguage() || practitioner.speaks(patient.language()))) {
                    BoolVar chosen = cp.newBoolVar(patient.id() + "_" + need + "_" + practitioner.id());
                    practitioners.add(new Choice(practitioner.id(), chosen));
                    intervals.get(practitioner.id()).add(cp.newOptionalFixedSizeIntervalVar(start, length, chosen, chosen.getName()));
                }
            }
            return practitioners;
        }

        /** One yes/no choice per room the service can use (step-free if the patient needs it), each with its interval. */
        private List<Choice> roomChoices(Patient patient, String need, IntVar start, int length, Map<String, List<IntervalVar>> intervals) {
            List<Choice> rooms = new ArrayList<>();
            for (Room room : day.rooms()) {
                if (room.services().contains(need) && (!patient.needsStepFree() || room.stepFree())) {
                    BoolVar chosen = cp.newBoolVar(patient.id() + "_" + need + "_" + room.id());
                    rooms.add(new Choice(room.id(), chosen));
                    intervals.computeIfAbsent(room.id(), k -> new ArrayList<>())
                            .add(cp.newOptionalFixedSizeIntervalVar(start, length, chosen, chosen.getName()));
                }
            }
            return rooms;
        }

        /** Fixed intervals covering the parts of the day a practitioner does not work. */
        private List<IntervalVar> hoursOff(Practitioner practitioner) {
            List<IntervalVar> off = new ArrayList<>();
            int cursor = slotOf(day.dayStart());
            List<Window> windows = practitioner.available().stream().sorted(java.util.Comparator.comparingInt(Window::from)).toList();
            for (Window window : windows) {
                if (slotOf(window.from()) > cursor) {
                    off.add(cp.newFixedInterval(cursor, slotOf(window.from()) - cursor, "off_" + practitioner.id() + "_" + cursor));
                }
                cursor = Math.max(cursor, slotOf(window.to()));
            }
            int end = slotOf(day.dayEnd());
            if (end > cursor) {
                off.add(cp.newFixedInterval(cursor, end - cursor, "off_" + practitioner.id() + "_" + cursor));
            }
            return off;
        }

        void hint(List<Appointment> appointments) {
            Map<String, Appointment> byTask = new HashMap<>();
            appointments.forEach(a -> byTask.put(a.patient() + "/" + a.service(), a));
            served.forEach((id, literal) -> cp.addHint(literal, appointments.stream().anyMatch(a -> a.patient().equals(id))));
            for (Task task : tasks) {
                Appointment a = byTask.get(task.patient().id() + "/" + task.service());
                if (a == null) {
                    continue;
                }
                cp.addHint(task.start(), slotOf(a.start()));
                task.practitioners().forEach(c -> cp.addHint(c.chosen(), c.id().equals(a.practitioner())));
                task.rooms().forEach(c -> cp.addHint(c.chosen(), c.id().equals(a.room())));
            }
        }

        List<Appointment> appointments(CpSolver solver) {
            List<Appointment> appointments = new ArrayList<>();
            for (Task task : tasks) {
                if (!solver.booleanValue(served.get(task.patient().id()))) {
                    continue;
                }
                String practitioner = task.practitioners().stream().filter(c -> solver.booleanValue(c.chosen())).findFirst().orElseThrow().id();
                String room = task.rooms().stream().filter(c -> solver.booleanValue(c.chosen())).findFirst().orElseThrow().id();
                int start = minutesOf(solver.value(task.start()));
                appointments.add(new Appointment(task.patient().id(), task.service(), practitioner, room, start, start + task.slots() * slot));
            }
            return appointments;
        }

        /** Weighted patients served in a solution with this objective value. */
        long served(double objective) {
            return Math.floorDiv((long) Math.round(objective) + big - 1, big);
        }

        long waiting(double objective) {
            return (served(objective) * big - Math.round(objective)) * slot;
        }

        /** The most weighted patients any plan can serve, from the proven bound on the objective. */
        int servedBound(double objectiveBound) {
            return (int) Math.min(Integer.MAX_VALUE, Math.floorDiv((long) Math.floor(objectiveBound + 1e-6) + big - 1, big));
        }

        private int slotOf(int minutes) {
            return (minutes - day.dayStart()) / slot;
        }

        private int minutesOf(long slots) {
            return day.dayStart() + (int) slots * slot;
        }
    }
}
