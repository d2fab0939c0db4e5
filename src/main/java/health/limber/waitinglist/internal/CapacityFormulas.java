package health.limber.waitinglist.internal;



/**
 * The NHS-R community waiting-list formulas (MIT licence), DOMAIN.md §7. λ = referrals per week,
 * μ = removals per week, T = target weeks, F = 4 (the target mean wait is a quarter of the target).
 */
public record CapacityFormulas(double arrivalsPerWeek, double removalsPerWeek, double targetWeeks) {

    public static final double F = 4;

    public CapacityFormulas {
        if (arrivalsPerWeek < 0 || removalsPerWeek <= 0 || targetWeeks <= 0) {
            throw new IllegalArgumentException("Arrivals must be 0 or more; removals and target weeks more than 0");
        }
    }

    /** ρ = λ/μ; 1 or more means the list grows without bound. */
    public double load() {
        return arrivalsPerWeek / removalsPerWeek;
    }

    /** W* = T/F weeks. */
    public double targetMeanWaitWeeks() {
        return targetWeeks / F;
    }

    /** Q* = λ·T/F (Little's law). */
    public double targetQueueSize() {
        return arrivalsPerWeek * targetWeeks / F;
    }

    /** Relief capacity to clear the excess over {@code weeks}: μ = λ + (Q − Q*)/t. Meaningful when Q > 2Q*. */
    public double reliefCapacity(double queueSize, double weeks) {
        return arrivalsPerWeek + (queueSize - targetQueueSize()) / weeks;
    }

    /** Kingman: μ* = λ + (cₐ² + cₛ²)/(2·W*), with the coefficients of variation of inter-arrival and inter-removal times. */
    public double targetCapacity(double cvArrivals, double cvRemovals) {
        return arrivalsPerWeek + (cvArrivals * cvArrivals + cvRemovals * cvRemovals) / (2 * targetMeanWaitWeeks());
    }

    /** P = 2·W̄/T, with W̄ the mean time already waited, in weeks; above 1 the target is missed. */
    public double pressure(double meanWaitWeeks) {
        return 2 * meanWaitWeeks / targetWeeks;
    }
}
