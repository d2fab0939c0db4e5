package health.limber.waitinglist.internal;

import health.limber.platform.CsvCells;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Date;
import java.time.LocalDate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Writes the waiting list as it stood on a census date, in the same WLMDS-like shape the import reads
 * (a clock that stopped after the census date is written as still running, as it was that day).
 * Streams row by row, so any size of list uses the same memory.
 */
@Service
public class WaitingListExport {

    private final NamedParameterJdbcTemplate jdbc;

    WaitingListExport(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the number of pathways written */
    public long write(LocalDate censusDate, String commissioner, Writer out) {
        var params = new MapSqlParameterSource("d", censusDate).addValue("commissioner", commissioner);
        long[] written = {0};
        try {
            CSVPrinter printer = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get().print(out);
            printer.printRecord(WlmdsColumns.ALL);
            jdbc.query("""
                    select p.pathway_identifier, p.issuer_code, p.nhs_number, p.birth_date, p.referral_received,
                           p.source_of_referral, c.start_date, p.waiting_list_type, c.treatment_function, c.priority,
                           c.provider_code, c.commissioner_code
                    from clock_period c join pathway p on p.id = c.pathway_id
                    where c.start_date <= :d and (c.end_date is null or c.end_date > :d)
                      and (cast(:commissioner as varchar(3)) is null or c.commissioner_code = :commissioner)
                    order by c.commissioner_code, p.issuer_code, p.pathway_identifier""", params, rs -> {
                try {
                    Date born = rs.getDate(4);
                    // identifiers come from imported files: written as text, never as a live formula
                    printer.printRecord(CsvCells.neutralised(rs.getString(1)), CsvCells.neutralised(rs.getString(2)), rs.getString(3), born == null ? "" : born.toString(),
                            rs.getDate(5).toString(), rs.getString(6), rs.getDate(7).toString(), "", "", rs.getString(8),
                            rs.getString(9), rs.getInt(10), rs.getString(11), rs.getString(12), censusDate.toString());
                    written[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written[0];
    }
}
