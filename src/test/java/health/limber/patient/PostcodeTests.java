package health.limber.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PostcodeTests {

    @ParameterizedTest
    @CsvSource({"sw1a1aa,SW1A 1AA", "LS1 4AP,LS1 4AP", "b5  4aa,B5 4AA", "ec1a 1bb,EC1A 1BB", "M1 1AE,M1 1AE", "gir0aa,GIR 0AA"})
    void validPostcodesAreNormalised(String typed, String stored) {
        assertThat(Postcode.parse(typed).value()).isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"XX", "12345", "LS1 4A", "LS1 4CI", "QQ1 1AA1", "L$1 4AP"})
    void malformedPostcodesAreRefusedNamingTheField(String typed) {
        assertThatThrownBy(() -> Postcode.parse(typed)).hasMessage("Enter a real postcode, like LS1 4AP");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void anEmptyPostcodeIsAskedFor(String typed) {
        assertThatThrownBy(() -> Postcode.parse(typed)).hasMessage("Enter a postcode");
    }

    @ParameterizedTest
    @CsvSource({"LS1 4AP,LS1", "SW1A 1AA,SW1A"})
    void theOutwardCodeIsTheFirstPart(String postcode, String outward) {
        assertThat(Postcode.parse(postcode).outwardCode()).isEqualTo(outward);
    }
}
