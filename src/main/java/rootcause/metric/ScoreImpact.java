package rootcause.metric;

import org.apache.commons.math3.distribution.TDistribution;
import rootcause.model.NpsAnswer;

/**
 * What a cause costs the customers' own score (CSAT, NPS answer, stars) in one month, as Thematic defines impact:
 * the mean score of all scored complaints minus the mean without the cause's complaints. Negative when the cause
 * drags the score down. Since {@code mean(all) - mean(rest) = (n_cause / n_all) (mean(cause) - mean(rest))}, the
 * 95 % interval is that share times Welch's interval for the difference of the two means. Pure.
 *
 * @param meanAll     mean score of every scored complaint of the month
 * @param meanWithout mean score without the cause's complaints
 * @param impact      {@code meanAll - meanWithout}
 * @param low         lower end of the 95 % interval, NaN when either side has fewer than 2 scores
 * @param high        upper end, NaN likewise
 */
public record ScoreImpact(double meanAll, double meanWithout, double impact, double low, double high) {

    /** Count, sum and sum of squares of scores: what one aggregation pass can add up. */
    public record Moments(long n, double sum, double sumOfSquares) implements java.io.Serializable {
        public static final Moments EMPTY = new Moments(0, 0, 0);

        public static Moments of(double... scores) {
            Moments m = EMPTY;
            for (double s : scores) m = m.plus(new Moments(1, s, s * s));
            return m;
        }

        public Moments plus(Moments o) {
            return new Moments(n + o.n, sum + o.sum, sumOfSquares + o.sumOfSquares);
        }

        Moments minus(Moments o) {
            return new Moments(n - o.n, sum - o.sum, sumOfSquares - o.sumOfSquares);
        }

        /** The mean; NaN when there is no score. */
        public double mean() {
            return sum / n;
        }

        /** The unbiased sample variance. */
        double variance() {
            return Math.max(0, (sumOfSquares - sum * sum / n) / (n - 1));
        }
    }

    /**
     * NPS answers (0–10, "how likely are you to recommend us"), promoters (9–10) and detractors (0–6) among them
     * ({@link NpsAnswer}'s bands): addable like {@link Moments}. Only a score the profile declares an NPS answer ({@code score_scale: nps}) and
     * that lies in 0–10 is an answer.
     */
    public record NpsCounts(long answers, long promoters, long detractors) implements java.io.Serializable {
        public static final NpsCounts EMPTY = new NpsCounts(0, 0, 0);

        public NpsCounts {
            if (answers < 0 || promoters < 0 || detractors < 0 || promoters + detractors > answers) {
                throw new IllegalArgumentException("answers " + answers + ", promoters " + promoters + ", detractors "
                        + detractors + ": need 0 <= promoters + detractors <= answers");
            }
        }

        /** The counts of these answers (each in 0–10). */
        public static NpsCounts of(double... answers) {
            NpsCounts n = EMPTY;
            for (double a : answers) {
                if (a < NpsAnswer.LOWEST || a > NpsAnswer.HIGHEST) {
                    throw new IllegalArgumentException("not an NPS answer: " + a);
                }
                n = n.plus(new NpsCounts(1, a >= NpsAnswer.PROMOTER_AT_LEAST ? 1 : 0, a <= NpsAnswer.DETRACTOR_AT_MOST ? 1 : 0));
            }
            return n;
        }

        public NpsCounts plus(NpsCounts o) {
            return new NpsCounts(answers + o.answers, promoters + o.promoters, detractors + o.detractors);
        }

        /** The NPS points these (a cause's) answers cost the month's answers {@code all}; null when undefined. */
        public Double pointsWithin(NpsCounts all) {
            return npsPoints(answers, promoters, detractors, all.answers, all.promoters, all.detractors);
        }
    }

    /** The impact of the cause's scores {@code cause} within the month's scores {@code all}; null when undefined. */
    public static ScoreImpact of(Moments cause, Moments all) {
        Moments rest = all.minus(cause);
        if (cause.n() == 0 || rest.n() == 0) {
            return null;
        }
        double share = (double) cause.n() / all.n();
        double difference = cause.mean() - rest.mean();
        double impact = share * difference;
        double low = Double.NaN;
        double high = Double.NaN;
        if (cause.n() >= 2 && rest.n() >= 2) {
            double vc = cause.variance() / cause.n();
            double vr = rest.variance() / rest.n();
            double se = Math.sqrt(vc + vr);
            if (se == 0) {
                low = high = impact;
            } else {
                // Welch–Satterthwaite degrees of freedom.
                double df = (vc + vr) * (vc + vr) / (vc * vc / (cause.n() - 1) + vr * vr / (rest.n() - 1));
                double t = new TDistribution(null, df).inverseCumulativeProbability(0.975);
                low = share * (difference - t * se);
                high = share * (difference + t * se);
            }
        }
        return new ScoreImpact(all.mean(), rest.mean(), impact, low, high);
    }

    /**
     * The NPS points a cause costs: NPS of all answers minus NPS without the cause's (NPS = % promoters, 9–10,
     * minus % detractors, 0–6, in points). Null when undefined.
     */
    public static Double npsPoints(long causeAnswers, long causePromoters, long causeDetractors,
                                   long allAnswers, long allPromoters, long allDetractors) {
        long restAnswers = allAnswers - causeAnswers;
        if (causeAnswers == 0 || restAnswers == 0) {
            return null;
        }
        double all = 100.0 * (allPromoters - allDetractors) / allAnswers;
        double rest = 100.0 * ((allPromoters - causePromoters) - (allDetractors - causeDetractors)) / restAnswers;
        return all - rest;
    }
}
