package health.limber.waitinglist.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * "Seen quicker" (DOMAIN.md §9): the queue replayed through the period at the service's pre-period
 * capacity, to find the week each person would have been seen had nothing changed.
 *
 * <p>Weeks are counted from the period's first day (week 1 is its first 7 days). Each week the
 * people who have joined the list by the week's end (the real arrivals) wait in the list's own order:
 * two-week wait, then urgent, then routine, then longest wait (earliest clock start), then by id so
 * the order is total. The replay sees {@code R} of them a week (the fraction of a fractional R
 * carries over, so 2.5 a week sees 2, then 3; whole places nobody was waiting for are lost). Someone
 * whose real clock stopped without treatment (discharged, declined, a first-appointment DNA) leaves
 * the replayed list when it really stopped, unless the replay saw them first. The replay runs to {@code horizonWeeks} after the period's end.
 *
 * <p>Everyone whose clock really stopped in the period by first definitive contact is then compared:
 * seen quicker when the real week is before the replay's week; weeks saved = replay week − real week,
 * and someone the replay had not seen by the horizon counts as seen at the horizon (the cap).
 */
public final class QueueReplay {

    /** A clock period as the replay needs it: the list order's fields, and how and when it really stopped. */
    public record Waiter(String id, int clinicalOrder, LocalDate start, LocalDate end, boolean firstContact, String kind) {}

    /** One person seen in the period by first definitive contact: the real week and the replay's (null: not by the horizon). */
    public record Compared(Waiter waiter, int realWeek, Integer replayWeek, int weeksSaved) {
        public boolean seenQuicker() {
            return weeksSaved > 0;
        }
    }

    public record Result(double capacityPerWeek, int periodWeeks, int horizonWeeks, List<Compared> seen) {}

    private QueueReplay() {}

    /**
     * @param waiters every clock period waiting on the period's first day or starting after it (and before the horizon's end)
     * @param capacityPerWeek R, the mean first contacts a week over the 12 weeks before the period
     */
    public static Result replay(List<Waiter> waiters, LocalDate from, LocalDate to, double capacityPerWeek, int horizonWeeks) {
        int periodWeeks = week(from, to);
        int lastWeek = periodWeeks + horizonWeeks;
        List<Waiter> arrivals = new ArrayList<>(waiters);
        arrivals.sort(Comparator.comparing(Waiter::start));
        Comparator<Waiter> listOrder = Comparator.comparingInt(Waiter::clinicalOrder).thenComparing(Waiter::start).thenComparing(Waiter::id);
        PriorityQueue<Waiter> list = new PriorityQueue<>(listOrder);
        java.util.Map<String, Integer> replayWeek = new java.util.HashMap<>();
        int next = 0;
        double capacity = 0;
        for (int week = 1; week <= lastWeek; week++) {
            LocalDate weekStart = from.plusWeeks(week - 1);
            LocalDate weekEnd = weekStart.plusDays(6);
            while (next < arrivals.size() && !arrivals.get(next).start().isAfter(weekEnd)) {
                list.add(arrivals.get(next++));
            }
            capacity += capacityPerWeek;
            while (capacity >= 1 && !list.isEmpty()) {
                Waiter head = list.poll();
                if (!head.firstContact() && head.end() != null && head.end().isBefore(weekStart)) {
                    continue; // really left the list before this week, without being seen
                }
                replayWeek.put(head.id(), week);
                capacity -= 1;
            }
            capacity -= Math.floor(capacity); // a week's places nobody was waiting for are not kept for later
            if (list.isEmpty() && next >= arrivals.size()) {
                break;
            }
        }
        List<Compared> seen = new ArrayList<>();
        for (Waiter waiter : waiters) {
            if (waiter.firstContact() && waiter.end() != null && !waiter.end().isBefore(from) && !waiter.end().isAfter(to)) {
                int realWeek = week(from, waiter.end());
                Integer counterfactual = replayWeek.get(waiter.id());
                int saved = Math.max(0, (counterfactual == null ? lastWeek : counterfactual) - realWeek);
                seen.add(new Compared(waiter, realWeek, counterfactual, saved));
            }
        }
        return new Result(capacityPerWeek, periodWeeks, horizonWeeks, seen);
    }

    /** The week of the period a date falls in, 1 for its first 7 days. */
    static int week(LocalDate from, LocalDate day) {
        return (int) (ChronoUnit.DAYS.between(from, day) / 7) + 1;
    }
}
