package health.limber.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** No CSV Limber writes can carry a live spreadsheet formula; numbers stay numbers. */
class CsvCellsTests {

    @Test
    void aCellThatWouldStartAFormulaIsWrittenAsText() {
        assertThat(CsvCells.neutralised("=HYPERLINK(\"http://evil\",\"x\")")).startsWith("'=");
        assertThat(CsvCells.neutralised("+1+1")).isEqualTo("'+1+1");
        assertThat(CsvCells.neutralised("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvCells.neutralised("-cmd")).isEqualTo("'-cmd");
        assertThat(CsvCells.neutralised("\tx")).isEqualTo("'\tx");
        assertThat(CsvCells.neutralised("\rx")).isEqualTo("'\rx");
        assertThat(CsvCells.looksLikeFormula("=1+1")).isTrue();
        assertThat(CsvCells.looksLikeFormula("RZA-123")).isFalse();
    }

    @Test
    void numbersNegativeOnesTooAndOrdinaryTextAreLeftAsTheyAre() {
        assertThat(CsvCells.neutralised("-64.7")).isEqualTo("-64.7");
        assertThat(CsvCells.neutralised("120")).isEqualTo("120");
        assertThat(CsvCells.neutralised("QHL")).isEqualTo("QHL");
        assertThat(CsvCells.line(List.of("Bristol, North Somerset", "say \"hi\"", "=2"))).isEqualTo("\"Bristol, North Somerset\",\"say \"\"hi\"\"\",'=2");
    }
}
