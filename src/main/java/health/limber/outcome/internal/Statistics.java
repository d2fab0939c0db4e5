package health.limber.outcome.internal;

import java.util.List;

/** The mean of paired differences with its 95% confidence interval (Student's t). */
public final class Statistics {

    private Statistics() {}

    /** Two-sided 97.5% quantiles of Student's t for 1 to 30 degrees of freedom. */
    private static final double[] T = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
        2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};

    /** The mean and its 95% interval; a single value has no interval (low and high are null). */
    public record Mean(int n, double mean, Double low, Double high, double sd) {}

    public static Mean mean(List<Double> values) {
        int n = values.size();
        if (n == 0) {
            throw new IllegalArgumentException("No values");
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).sum() / n;
        if (n == 1) {
            return new Mean(1, mean, null, null, 0);
        }
        double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        double sd = Math.sqrt(squares / (n - 1));
        double half = t(n - 1) * sd / Math.sqrt(n);
        return new Mean(n, mean, mean - half, mean + half, sd);
    }

    /** The same from the count, sum and sum of squares of the values (as a database adds them up). */
    public static Mean fromSums(int n, double sum, double sumOfSquares) {
        if (n == 0) {
            throw new IllegalArgumentException("No values");
        }
        double mean = sum / n;
        if (n == 1) {
            return new Mean(1, mean, null, null, 0);
        }
        double sd = Math.sqrt(Math.max(0, (sumOfSquares - n * mean * mean) / (n - 1)));
        double half = t(n - 1) * sd / Math.sqrt(n);
        return new Mean(n, mean, mean - half, mean + half, sd);
    }

    /** t(0.975, df): the table to 30, then 40 / 60 / 120 interpolated in 1/df, and 1.96 beyond. */
    static double t(int df) {
        if (df <= 30) {
            return T[df - 1];
        }
        double[][] knots = {{30, 2.042}, {40, 2.021}, {60, 2.000}, {120, 1.980}, {Double.POSITIVE_INFINITY, 1.960}};
        for (int i = 0; i < knots.length - 1; i++) {
            if (df <= knots[i + 1][0]) {
                double a = 1 / knots[i][0];
                double b = Double.isInfinite(knots[i + 1][0]) ? 0 : 1 / knots[i + 1][0];
                double share = (a - 1.0 / df) / (a - b);
                return knots[i][1] + share * (knots[i + 1][1] - knots[i][1]);
            }
        }
        return 1.96;
    }
}
