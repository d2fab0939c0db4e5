package health.limber.referral;

import static org.assertj.core.api.Assertions.assertThat;

import health.limber.referral.internal.InstrumentWording;
import org.junit.jupiter.api.Test;

/** Licensed wording is never shipped: without a file, placeholders; the demo's own questions say they are made up. */
class InstrumentWordingTests {

    @Test
    void withoutAFileEveryItemIsAMarkedPlaceholder() {
        InstrumentWording none = new InstrumentWording("");
        assertThat(none.licensed()).isFalse();
        assertThat(none.demo()).isFalse();
        assertThat(none.item(Instrument.START_BACK, 1)).startsWith("[Placeholder");
    }

    @Test
    void theDemoWordingIsMarkedAsDemoNeverAsTheLicensedInstrument() {
        InstrumentWording demo = new InstrumentWording("classpath:demo/instrument-demo-wording.properties");
        assertThat(demo.demo()).isTrue();
        assertThat(demo.licensed()).as("demo wording is not the licensed instrument").isFalse();
        for (Instrument instrument : Instrument.values()) {
            for (int item = 1; item <= instrument.itemCount(); item++) {
                assertThat(demo.item(instrument, item)).as(instrument + " item " + item).startsWith("Demo ");
            }
            assertThat(demo.notice(instrument)).contains("Do not use with patients");
        }
    }
}
