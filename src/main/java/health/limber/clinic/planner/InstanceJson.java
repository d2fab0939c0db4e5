package health.limber.clinic.planner;

import health.limber.clinic.planner.Instance.Patient;
import health.limber.clinic.planner.Instance.Practitioner;
import health.limber.clinic.planner.Instance.Room;
import health.limber.clinic.planner.Instance.Service;
import health.limber.clinic.planner.Instance.Window;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The planner's JSON contract (documented in {@code docs/planner.md}): reads a clinic day and
 * a plan, writes both. Every problem names the element, e.g.
 * {@code patients[3] (B7).available.from: "10:07" is not on the 5-minute grid}.
 */
public final class InstanceJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d|24:00");

    private InstanceJson() {}

    /** Reads and checks a clinic day. */
    public static Instance read(String json) {
        JsonNode root = parse(json, "instance");
        if (!root.isObject()) {
            throw new InstanceException("instance", "must be a JSON object");
        }
        LocalDate date = date(root, "date");
        int slot = integer(root, "slotMinutes", "slotMinutes", 5);
        List<Service> services = list(root, "services", (node, at) -> new Service(text(node, "id", at), integer(node, "minutes", at, null)));
        List<Room> rooms = list(root, "rooms", (node, at) -> new Room(text(node, "id", at), strings(node, "services", at, null),
                bool(node, "stepFree", at, false)));
        List<Practitioner> practitioners = list(root, "practitioners", (node, at) -> new Practitioner(text(node, "id", at),
                text(node, "service", at), strings(node, "languages", at, Set.of(Instance.ENGLISH)), windows(node.path("available"), at + ".available")));
        List<Patient> patients = list(root, "patients", (node, at) -> {
            Window available = window(node.path("available"), at + ".available");
            return new Patient(text(node, "id", at), List.copyOf(strings(node, "needs", at, null)), available,
                    integer(node, "maxStayMinutes", at, available.minutes()), bool(node, "needsStepFree", at, false),
                    optionalText(node, "language", Instance.ENGLISH), bool(node, "interpreterBooked", at, false),
                    integer(node, "weight", at, 1));
        });
        return Instance.checked(new Instance(date, time(root, "dayStart", "dayStart"), time(root, "dayEnd", "dayEnd"), slot,
                services, rooms, practitioners, patients));
    }

    /** Reads a plan's appointments and unserved list for checking against its day. */
    public static Plan readPlan(Instance day, String json) {
        JsonNode root = parse(json, "plan");
        List<Appointment> appointments = list(root, "appointments", (node, at) -> new Appointment(text(node, "patient", at),
                text(node, "service", at), text(node, "practitioner", at), text(node, "room", at),
                time(node, "start", at + ".start"), time(node, "end", at + ".end")));
        List<String> unserved = new ArrayList<>();
        root.path("unserved").forEach(node -> unserved.add(node.asString()));
        return new Plan(appointments, unserved, day.unservable(), Metrics.of(day, appointments), null, 0, "file");
    }

    public static String write(Instance day) {
        ObjectNode root = JSON.createObjectNode();
        root.put("date", day.date().toString());
        root.put("dayStart", time(day.dayStart()));
        root.put("dayEnd", time(day.dayEnd()));
        root.put("slotMinutes", day.slotMinutes());
        ArrayNode services = root.putArray("services");
        day.services().forEach(s -> services.addObject().put("id", s.id()).put("minutes", s.minutes()));
        ArrayNode rooms = root.putArray("rooms");
        day.rooms().forEach(r -> {
            ObjectNode room = rooms.addObject().put("id", r.id());
            r.services().stream().sorted().forEach(room.putArray("services")::add);
            room.put("stepFree", r.stepFree());
        });
        ArrayNode practitioners = root.putArray("practitioners");
        day.practitioners().forEach(p -> {
            ObjectNode practitioner = practitioners.addObject().put("id", p.id()).put("service", p.service());
            p.languages().stream().sorted().forEach(practitioner.putArray("languages")::add);
            ArrayNode windows = practitioner.putArray("available");
            p.available().forEach(w -> windows.addObject().put("from", time(w.from())).put("to", time(w.to())));
        });
        ArrayNode patients = root.putArray("patients");
        day.patients().forEach(p -> {
            ObjectNode patient = patients.addObject().put("id", p.id());
            p.needs().forEach(patient.putArray("needs")::add);
            patient.putObject("available").put("from", time(p.available().from())).put("to", time(p.available().to()));
            patient.put("maxStayMinutes", p.maxStayMinutes()).put("needsStepFree", p.needsStepFree()).put("language", p.language())
                    .put("interpreterBooked", p.interpreterBooked()).put("weight", p.weight());
        });
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    public static String write(Plan plan) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode appointments = root.putArray("appointments");
        plan.appointments().forEach(a -> appointments.addObject().put("patient", a.patient()).put("service", a.service())
                .put("practitioner", a.practitioner()).put("room", a.room()).put("start", time(a.start())).put("end", time(a.end())));
        plan.unserved().forEach(root.putArray("unserved")::add);
        ArrayNode unservable = root.putArray("unservable");
        plan.unservable().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> unservable.addObject().put("patient", e.getKey()).put("reason", e.getValue()));
        Metrics m = plan.metrics();
        root.putObject("metrics").put("patients", m.patients()).put("patientsServed", m.patientsServed())
                .put("weightTotal", m.weightTotal()).put("weightServed", m.weightServed()).put("waitingMinutes", m.waitingMinutes())
                .put("appointments", m.appointments()).put("practitionerUtilisation", m.practitionerUtilisation())
                .put("roomUtilisation", m.roomUtilisation());
        if (plan.bound() == null) {
            root.putNull("bound");
            root.putNull("gap");
        } else {
            root.put("bound", plan.bound());
            root.put("gap", Math.round(plan.gap() * 10000) / 10000.0);
        }
        root.put("seconds", Math.round(plan.seconds() * 100) / 100.0);
        root.put("solver", plan.solver());
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    /** Minutes after midnight as {@code HH:mm}. */
    public static String time(int minutes) {
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }

    /** {@code HH:mm} as minutes after midnight, or an error naming the element. */
    public static int minutes(String value, String element) {
        if (value == null || !TIME.matcher(value).matches()) {
            throw new InstanceException(element, "\"" + value + "\" is not a time in HH:mm form");
        }
        return Integer.parseInt(value.substring(0, 2)) * 60 + Integer.parseInt(value.substring(3));
    }

    private static JsonNode parse(String json, String what) {
        try {
            return JSON.readTree(json);
        } catch (JacksonException e) {
            throw new InstanceException(what, "is not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }

    private static <T> List<T> list(JsonNode root, String field, BiFunction<JsonNode, String, T> item) {
        JsonNode array = root.path(field);
        if (!array.isArray()) {
            throw new InstanceException(field, "is required and must be a list");
        }
        List<T> items = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode node = array.path(i);
            String id = node.path("id").asString(node.path("patient").asString(""));
            String at = field + "[" + i + "]" + (id.isEmpty() ? "" : " (" + id + ")");
            if (!node.isObject()) {
                throw new InstanceException(at, "must be a JSON object");
            }
            items.add(item.apply(node, at));
        }
        return items;
    }

    private static List<Window> windows(JsonNode array, String at) {
        if (!array.isArray() || array.isEmpty()) {
            throw new InstanceException(at, "is required: a list of {\"from\":\"HH:mm\",\"to\":\"HH:mm\"}");
        }
        List<Window> windows = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            windows.add(window(array.path(i), at + "[" + i + "]"));
        }
        return windows;
    }

    private static Window window(JsonNode node, String at) {
        if (!node.isObject()) {
            throw new InstanceException(at, "is required: {\"from\":\"HH:mm\",\"to\":\"HH:mm\"}");
        }
        return new Window(time(node, "from", at + ".from"), time(node, "to", at + ".to"));
    }

    private static int time(JsonNode node, String field, String at) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            throw new InstanceException(at, "is required (HH:mm)");
        }
        return minutes(value.asString(), at);
    }

    private static LocalDate date(JsonNode root, String field) {
        String value = root.path(field).asString("");
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InstanceException(field, "\"" + value + "\" is not a date in yyyy-MM-dd form");
        }
    }

    private static String text(JsonNode node, String field, String at) {
        JsonNode value = node.path(field);
        if (!value.isString() || value.asString().isBlank()) {
            throw new InstanceException(at + "." + field, "is required");
        }
        return value.asString();
    }

    private static String optionalText(JsonNode node, String field, String otherwise) {
        JsonNode value = node.path(field);
        return value.isString() && !value.asString().isBlank() ? value.asString() : otherwise;
    }

    private static int integer(JsonNode node, String field, String at, Integer otherwise) {
        JsonNode value = node.path(field);
        String element = at.equals(field) ? field : at + "." + field;
        if (value.isMissingNode() || value.isNull()) {
            if (otherwise == null) {
                throw new InstanceException(element, "is required");
            }
            return otherwise;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new InstanceException(element, "must be a whole number");
        }
        return value.asInt();
    }

    private static boolean bool(JsonNode node, String field, String at, boolean otherwise) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return otherwise;
        }
        if (!value.isBoolean()) {
            throw new InstanceException(at + "." + field, "must be true or false");
        }
        return value.asBoolean();
    }

    private static Set<String> strings(JsonNode node, String field, String at, Set<String> otherwise) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            if (otherwise == null) {
                throw new InstanceException(at + "." + field, "is required: a list");
            }
            return otherwise;
        }
        if (!value.isArray()) {
            throw new InstanceException(at + "." + field, "must be a list");
        }
        Set<String> strings = new LinkedHashSet<>();
        for (JsonNode item : value) {
            if (!strings.add(item.asString())) {
                throw new InstanceException(at + "." + field, "names " + item.asString() + " twice");
            }
        }
        return strings;
    }
}
