package health.limber.clinic.web;

import health.limber.clinic.ClinicDay;
import health.limber.clinic.planner.InstanceJson;
import health.limber.clinic.planner.Violation;
import health.limber.referral.ReferralId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * A clinic day drawn as an SVG timeline (attributes only: the Content-Security-Policy forbids
 * inline styles): one row per room or per practitioner, one block per appointment, broken
 * appointments outlined in red. The same appointments are listed in a table for screen readers.
 */
record Timeline(int width, int height, List<Row> rows, List<Tick> ticks, List<Block> blocks) {

    static final int LABEL = 150;
    /** The drawing fits the page's 960 px column at 1280 px wide (no sideways scrolling on a computer); a phone scrolls it. */
    static final int FITS = 920;
    static final double MOST_PER_MINUTE = 2;
    static final int ROW = 46;
    static final int TOP = 26;

    record Row(String label, int y) {}

    record Tick(String label, int x) {}

    record Block(int x, int y, int width, String title, String subtitle, String service, boolean broken, String href, String description) {}

    /** Draws the draft (or published) appointments by room ({@code byPractitioner} false) or by practitioner. */
    static Timeline of(ClinicDay day, boolean byPractitioner, List<Violation> violations) {
        List<String> rowIds = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        if (byPractitioner) {
            day.practitioners().forEach(p -> {
                rowIds.add(p.id().toString());
                rows.add(new Row(p.name(), TOP + ROW * rows.size()));
            });
        } else {
            day.hub().rooms().forEach(r -> {
                rowIds.add(r.id().toString());
                rows.add(new Row(r.name(), TOP + ROW * rows.size()));
            });
        }
        double perMinute = Math.min(MOST_PER_MINUTE, (FITS - LABEL) / (double) Math.max(60, day.dayEnd() - day.dayStart()));
        java.util.function.IntUnaryOperator x = minute -> LABEL + (int) Math.round((minute - day.dayStart()) * perMinute);
        List<Tick> ticks = new ArrayList<>();
        for (int minute = day.dayStart(); minute <= day.dayEnd(); minute += 60) {
            ticks.add(new Tick(InstanceJson.time(minute), x.applyAsInt(minute)));
        }
        Set<Integer> broken = new HashSet<>();
        violations.forEach(v -> broken.addAll(v.appointments()));
        Map<ReferralId, String> names = new HashMap<>();
        day.patients().forEach(p -> names.put(p.referralId(), p.name()));
        Map<String, String> serviceNames = new HashMap<>();
        day.services().forEach(s -> serviceNames.put(s.code(), s.name()));
        Map<UUID, String> practitioners = new HashMap<>();
        day.practitioners().forEach(p -> practitioners.put(p.id(), p.name()));
        Map<UUID, String> rooms = new HashMap<>();
        day.hub().rooms().forEach(r -> rooms.put(r.id(), r.name()));
        List<Block> blocks = new ArrayList<>();
        List<ClinicDay.Planned> planned = day.isDraft() ? day.plan() : day.appointments().stream()
                .filter(b -> !b.outcome().isCancellation())
                .map(b -> new ClinicDay.Planned(b.referralId(), b.service(), b.practitionerId(), b.roomId(), b.start(), b.end())).toList();
        Function<ClinicDay.Planned, String> rowOf = p -> (byPractitioner ? p.practitionerId() : p.roomId()).toString();
        for (int i = 0; i < planned.size(); i++) {
            ClinicDay.Planned p = planned.get(i);
            int row = rowIds.indexOf(rowOf.apply(p));
            if (row < 0) {
                continue;
            }
            String who = names.getOrDefault(p.referralId(), "?");
            String time = InstanceJson.time(p.start()) + "–" + InstanceJson.time(p.end());
            String where = byPractitioner ? rooms.get(p.roomId()) : practitioners.get(p.practitionerId());
            int width = x.applyAsInt(p.end()) - x.applyAsInt(p.start()) - 2;
            blocks.add(new Block(x.applyAsInt(p.start()), TOP + ROW * row + 3,
                    width, fit(who, width), fit(time + " " + firstWord(serviceNames.get(p.service())), width), p.service(),
                    day.isDraft() && broken.contains(i),
                    day.isDraft() ? "?edit=" + p.referralId() + ":" + p.service() + "#edit" : null,
                    who + " " + time + " " + serviceNames.get(p.service()) + ", " + where + (broken.contains(i) ? ", breaks a rule" : "")));
        }
        return new Timeline(x.applyAsInt(day.dayEnd()) + 10, TOP + ROW * Math.max(1, rows.size()) + 4, rows, ticks, blocks);
    }

    /**
     * Shortens a label to what fits in a block (about 7 units a character at the timeline's font size).
     * The drawn text is hidden from assistive technology: each block's accessible name is its full
     * description, which begins with the person's name and time, as the block shows them.
     */
    static String fit(String text, int width) {
        int room = Math.max(1, (width - 6) / 7);
        return text.length() <= room ? text : text.substring(0, Math.max(1, room - 1)) + "…";
    }

    private static String firstWord(String name) {
        return name == null ? "" : name.split(" ")[0];
    }
}
