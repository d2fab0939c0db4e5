package health.limber.exercise;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How useful people found the demonstrations and how well their programme worked, per ICB over a
 * period, for programme reports (DOMAIN.md §9). Counts only; the caller decides which ICBs the reader
 * may see.
 *
 * <p>Per patient: each person's latest demonstration rating in the period counts once ("fairly" or
 * "very" useful is 3 or 4 of 4); per rating: every rating counts. How well it worked: each person's
 * latest answer in the period to "how is the programme working" (the global rating of change), "much
 * better" or "very much better" being the top two of its 7 answers.
 */
@Service
@Transactional(readOnly = true)
public class UsefulnessFigures {

    /** One ICB's (or the total's) figures. */
    public record Usefulness(long patientsAnswered, long patientsUseful, long ratings, long ratingsUseful, long patientsRatingChange,
                             long patientsMuchBetter) {
        public static final Usefulness NONE = new Usefulness(0, 0, 0, 0, 0, 0);

        public Usefulness plus(Usefulness o) {
            return new Usefulness(patientsAnswered + o.patientsAnswered, patientsUseful + o.patientsUseful, ratings + o.ratings,
                    ratingsUseful + o.ratingsUseful, patientsRatingChange + o.patientsRatingChange, patientsMuchBetter + o.patientsMuchBetter);
        }
    }

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final JdbcClient jdbc;

    UsefulnessFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per ICB, from ratings made in the period (London dates) on programmes of those ICBs. */
    public Map<String, Usefulness> of(Collection<String> icbs, LocalDate from, LocalDate to) {
        Map<String, long[]> sums = new TreeMap<>();
        if (icbs.isEmpty()) {
            return Map.of();
        }
        // every rating, and each patient's latest of each kind (ties on the time broken by the rating's id)
        jdbc.sql("""
                        select p.icb_code, p.patient_id, r.kind, r.answer, r.rated_at, r.id
                        from usefulness_rating r join programme p on p.id = r.programme_id
                        where p.icb_code in (:icbs) and r.rated_at >= :from and r.rated_at < :to
                        order by p.icb_code, p.patient_id, r.kind, r.rated_at desc, r.id desc""")
                .param("icbs", icbs)
                .param("from", java.sql.Timestamp.from(from.atStartOfDay(LONDON).toInstant()))
                .param("to", java.sql.Timestamp.from(to.plusDays(1).atStartOfDay(LONDON).toInstant()))
                .query(new org.springframework.jdbc.core.RowCallbackHandler() {
                    private String lastKey;

                    @Override
                    public void processRow(java.sql.ResultSet rs) throws java.sql.SQLException {
                        String icb = rs.getString(1);
                        String key = icb + "|" + rs.getString(2) + "|" + rs.getString(3);
                        boolean latest = !key.equals(lastKey);
                        lastKey = key;
                        long[] s = sums.computeIfAbsent(icb, k -> new long[6]);
                        int answer = rs.getInt(4);
                        if ("DEMONSTRATION".equals(rs.getString(3))) {
                            s[2]++;
                            s[3] += answer >= 3 ? 1 : 0;
                            s[0] += latest ? 1 : 0;
                            s[1] += latest && answer >= 3 ? 1 : 0;
                        } else if (latest) {
                            s[4]++;
                            s[5] += answer >= 6 ? 1 : 0;
                        }
                    }
                });
        Map<String, Usefulness> figures = new TreeMap<>();
        sums.forEach((icb, s) -> figures.put(icb, new Usefulness(s[0], s[1], s[2], s[3], s[4], s[5])));
        return figures;
    }

    /** A person's latest answers in the period: the demonstration rating (1-4) and how it is working (1-7); null where they gave none. */
    public record Latest(Integer demonstration, Integer change) {
        public boolean useful() {
            return demonstration != null && demonstration >= 3;
        }

        public boolean muchBetter() {
            return change != null && change >= 6;
        }
    }

    /** Each patient's latest answers in the period, on programmes of these ICBs (for splitting usefulness by group). */
    public Map<java.util.UUID, Latest> latestByPatient(Collection<String> icbs, LocalDate from, LocalDate to) {
        Map<java.util.UUID, Latest> latest = new java.util.HashMap<>();
        if (icbs.isEmpty()) {
            return latest;
        }
        jdbc.sql("""
                        select p.patient_id, r.kind, r.answer from usefulness_rating r join programme p on p.id = r.programme_id
                        where p.icb_code in (:icbs) and r.rated_at >= :from and r.rated_at < :to order by r.rated_at, r.id""")
                .param("icbs", icbs)
                .param("from", java.sql.Timestamp.from(from.atStartOfDay(LONDON).toInstant()))
                .param("to", java.sql.Timestamp.from(to.plusDays(1).atStartOfDay(LONDON).toInstant()))
                .query(rs -> {
                    java.util.UUID patient = rs.getObject(1, java.util.UUID.class);
                    Latest was = latest.getOrDefault(patient, new Latest(null, null));
                    latest.put(patient, "DEMONSTRATION".equals(rs.getString(2)) ? new Latest(rs.getInt(3), was.change())
                            : new Latest(was.demonstration(), rs.getInt(3)));
                });
        return latest;
    }
}
