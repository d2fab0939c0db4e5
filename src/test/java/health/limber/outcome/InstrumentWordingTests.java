package health.limber.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import health.limber.referral.Instrument;
import org.junit.jupiter.api.Test;

/** Licensed wording is never shipped: without a file, placeholders; the demo's own questions say they are made up. */
class InstrumentWordingTests {

    @Test
    void withoutAFileEveryItemIsAMarkedPlaceholder() {
        InstrumentWording none = new InstrumentWording("");
        assertThat(none.licensed()).isFalse();
        assertThat(none.demo()).isFalse();
        assertThat(none.item("start-back", "STarT Back", "1")).startsWith("[Placeholder");
        assertThat(new Questionnaires(none, null, null, null, null).find("msk-hq").orElseThrow().questions().get(0).text()).startsWith("[Placeholder");
    }

    @Test
    void theDemoWordingIsMarkedAsDemoNeverAsTheLicensedInstrument() {
        InstrumentWording demo = new InstrumentWording("classpath:demo/instrument-demo-wording.properties");
        assertThat(demo.demo()).isTrue();
        assertThat(demo.licensed()).as("demo wording is not the licensed instrument").isFalse();
        for (Instrument instrument : Instrument.values()) {
            for (int item = 1; item <= instrument.itemCount(); item++) {
                assertThat(demo.item(instrument.key(), instrument.title(), String.valueOf(item))).as(instrument + " item " + item).startsWith("Demo ");
            }
            assertThat(demo.notice(instrument.key(), "")).contains("Do not use with patients");
        }
    }
}
