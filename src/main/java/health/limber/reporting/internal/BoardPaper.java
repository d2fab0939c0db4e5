package health.limber.reporting.internal;

import health.limber.platform.PdfDocuments;
import health.limber.waitinglist.SeenQuicker;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The board paper: the cohort report as a two-page PDF, headline figures first and then each area, from the same {@link Published} figures. */
@Component
public class BoardPaper {

    /** The columns of the paper's per-area page, in order. */
    static final java.util.List<String> AREA_COLUMNS = java.util.List.of("w18_start", "w18_end", "w18_pct_change", "w52_pct_change", "seen",
            "seen_quicker", "weeks_saved", "pct_patients_useful", "pct_much_better", "mskhq_mean_change", "pct_back_in_work");

    private final PdfDocuments pdfs;

    BoardPaper(PdfDocuments pdfs) {
        this.pdfs = pdfs;
    }

    public byte[] render(Published published) {
        Map<String, Object> model = new HashMap<>();
        model.put("report", published.report());
        model.put("published", published);
        model.put("total", published.total());
        model.put("columns", AREA_COLUMNS.stream().map(id -> published.columns().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow())
                .toList());
        model.put("method", SeenQuicker.METHOD);
        return pdfs.render("reporting/board-paper", model, "about:blank");
    }
}
