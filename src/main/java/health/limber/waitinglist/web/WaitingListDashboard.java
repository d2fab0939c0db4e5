package health.limber.waitinglist.web;

import health.limber.identity.Actor;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.platform.HomeFigures;
import health.limber.platform.LimberTime;
import health.limber.waitinglist.internal.Bands;
import health.limber.waitinglist.internal.Census;
import health.limber.waitinglist.internal.WaitingListQueries;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.springframework.stereotype.Component;

/**
 * The waiting list on the home page. A service manager sees their list's size and 18+ week waiters
 * week by week over the last 12 weeks, and how many pathways are due for validation; an analyst sees
 * the areas side by side, 18+ week waiters now against 12 weeks ago (published figures). Each chart
 * comes with its table.
 */
@Component
class WaitingListDashboard implements HomeFigures {

    static final int WEEKS = 12;

    private final Census census;
    private final WaitingListQueries queries;
    private final PublishedFigures published;
    private final CurrentActor currentActor;
    private final Clock clock;

    WaitingListDashboard(Census census, WaitingListQueries queries, PublishedFigures published, CurrentActor currentActor, Clock clock) {
        this.census = census;
        this.queries = queries;
        this.published = published;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @Override
    public List<Figure> figures() {
        Actor actor = currentActor.get();
        if (actor.role() != Role.SERVICE_MANAGER && actor.role() != Role.CLINICIAN) {
            return List.of();
        }
        return List.of(new Figure("Waiting-list pathways due for validation", queries.countValidationDue(actor.servedIcbs(), LimberTime.today(clock)),
                "/waiting-list/validation", false));
    }

    @Override
    public List<Panel> panels() {
        Actor actor = currentActor.get();
        if (actor.servedIcbs().isEmpty()) {
            return List.of();
        }
        return switch (actor.role()) {
            case SERVICE_MANAGER -> List.of(trend(actor));
            case ANALYST -> List.of(areas(actor));
            default -> List.of();
        };
    }

    /** The manager's list (all their ICBs together) on each of the last 12 weeks' Mondays and today. */
    private Panel trend(Actor actor) {
        LocalDate today = LimberTime.today(clock);
        List<String> labels = new ArrayList<>();
        List<Long> waiting = new ArrayList<>();
        List<Long> over18 = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        LongFunction<String> count = published.counter();
        for (int w = WEEKS; w >= 0; w--) {
            LocalDate day = today.minusWeeks(w);
            Bands bands = Census.total(census.on(day, Census.GroupBy.COMMISSIONER, actor.servedIcbs()));
            labels.add(day.toString());
            waiting.add(bands.total());
            over18.add(bands.waiting18Plus());
            rows.add(List.of(day.toString(), count.apply(bands.total()), count.apply(bands.waiting18Plus()), count.apply(bands.waiting52Plus())));
        }
        return new Panel("Your waiting list, last 12 weeks", "People waiting on each day, and how many of them had waited 18 weeks or more, "
                + "in the ICBs you serve.", "/waiting-list", List.of("Day", "Waiting", "18+ weeks", "52+ weeks"), rows, "line",
                published.json(labels), published.json(List.of(published.series("Waiting", waiting), published.series("18+ weeks", over18))));
    }

    /** Each ICB's 18+ week waiters today and 12 weeks ago, and the change. */
    private Panel areas(Actor actor) {
        LocalDate today = LimberTime.today(clock);
        Map<String, Bands> now = census.on(today, Census.GroupBy.COMMISSIONER, actor.servedIcbs());
        Map<String, Bands> before = census.on(today.minusWeeks(WEEKS), Census.GroupBy.COMMISSIONER, actor.servedIcbs());
        Map<String, String> names = published.icbNames();
        LongFunction<String> count = published.counter();
        List<String> labels = new ArrayList<>();
        List<Long> then = new ArrayList<>();
        List<Long> current = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (String icb : actor.servedIcbs().stream().sorted().toList()) {
            long a = before.getOrDefault(icb, Bands.EMPTY).waiting18Plus();
            long b = now.getOrDefault(icb, Bands.EMPTY).waiting18Plus();
            String shownA = count.apply(a);
            String shownB = count.apply(b);
            labels.add(names.getOrDefault(icb, icb));
            then.add(a);
            current.add(b);
            rows.add(List.of(names.getOrDefault(icb, icb), count.apply(now.getOrDefault(icb, Bands.EMPTY).total()), shownA, shownB,
                    change(shownA, shownB)));
        }
        return new Panel("Areas side by side", "18+ week waiters in each area today and 12 weeks ago (" + today.minusWeeks(WEEKS) + "), with the "
                + "% change.", "/waiting-list/compare?from=" + today.minusWeeks(WEEKS) + "&to=" + today,
                List.of("Area", "Waiting today", "18+ weeks 12 weeks ago", "18+ weeks today", "% change"), rows, "bar", published.json(labels),
                published.json(List.of(published.series("12 weeks ago", then), published.series("Today", current))));
    }

    /** The % change from the counts as shown; blank when either is withheld or there was nobody to start with. */
    private static String change(String start, String end) {
        if (!start.matches("[0-9]+") || !end.matches("[0-9]+") || Long.parseLong(start) == 0) {
            return "";
        }
        return BigDecimal.valueOf(Long.parseLong(end) - Long.parseLong(start)).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(Long.parseLong(start)), 1, RoundingMode.HALF_UP).toPlainString();
    }
}
