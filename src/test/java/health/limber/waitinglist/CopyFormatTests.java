package health.limber.waitinglist;

import static org.assertj.core.api.Assertions.assertThat;

import health.limber.waitinglist.internal.Pathways;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Values written to PostgreSQL's COPY text format must come back exactly as they went in. */
class CopyFormatTests {

    static String copy(Object value) {
        var text = new StringBuilder();
        Pathways.appendCopyValue(text, value);
        return text.toString();
    }

    @Test
    void nullIsTheCopyNullMarker() {
        assertThat(copy(null)).isEqualTo("\\N");
    }

    @Test
    void separatorsAndBackslashesAreEscaped() {
        assertThat(copy("a\tb\nc\rd\\e")).isEqualTo("a\\tb\\nc\\rd\\\\e");
        assertThat(copy("\\N")).isEqualTo("\\\\N");
    }

    @Test
    void timestampsAreWrittenAsInstantsSoTheSessionTimeZoneCannotShiftThem() {
        assertThat(copy(Timestamp.from(Instant.parse("2025-03-30T01:30:00Z")))).isEqualTo("2025-03-30T01:30:00Z");
    }
}
