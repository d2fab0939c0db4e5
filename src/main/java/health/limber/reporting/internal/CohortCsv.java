package health.limber.reporting.internal;

import java.util.ArrayList;
import java.util.List;

/** The cohort report as rows of text: a header of column ids, a row per area, then TOTAL (the CSV and the command line's table). */
public final class CohortCsv {

    private CohortCsv() {}

    public static List<List<String>> table(Published published) {
        List<List<String>> table = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("icb", "area"));
        published.columns().forEach(c -> header.add(c.id()));
        table.add(header);
        for (Published.Row row : published.rows()) {
            List<String> line = new ArrayList<>(List.of(row.icb(), row.name()));
            published.columns().forEach(c -> line.add(row.get(c.id())));
            table.add(line);
        }
        return table;
    }
}
