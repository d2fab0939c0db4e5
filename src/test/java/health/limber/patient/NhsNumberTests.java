package health.limber.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.limber.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

/** DOMAIN.md §2: modulus 11 with weights 10..2; 11 means 0; 10 means invalid. */
class NhsNumberTests {

    @Test
    void theWorkedExampleIsValidWithCheckDigitNine() {
        // 9*10 + 4*9 + 3*8 + 4*7 + 7*6 + 6*5 + 5*4 + 9*3 + 1*2 = 299; 299 mod 11 = 2; 11 - 2 = 9.
        assertThat(NhsNumber.checkDigitFor("943476591")).isEqualTo(9);
        assertThat(NhsNumber.parse("943 476 5919").value()).isEqualTo("9434765919");
    }

    @Test
    void spacesAndHyphensAreAcceptedAndTheNumberIsShownThreeThreeFour() {
        assertThat(NhsNumber.parse("9434765919")).isEqualTo(NhsNumber.parse("943-476-5919"));
        assertThat(NhsNumber.parse(" 943 476-5919 ").formatted()).isEqualTo("943 476 5919");
        assertThat(NhsNumber.parse("9434765919").toString()).isEqualTo("943 476 5919");
    }

    @Test
    void aWrongCheckDigitIsRefused() {
        assertThatThrownBy(() -> NhsNumber.parse("943 476 5918"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Enter a valid NHS number: the check digit does not match");
    }

    @Test
    void aCheckOfTenMeansEveryNumberWithThoseNineDigitsIsInvalid() {
        // 6 × 2 = 12; 12 mod 11 = 1; 11 − 1 = 10.
        assertThat(NhsNumber.checkDigitFor("000000006")).isEqualTo(-1);
        for (int last = 0; last <= 9; last++) {
            assertThat(NhsNumber.isValid("000000006" + last)).as("000000006" + last).isFalse();
        }
    }

    @Test
    void aCheckOfElevenMeansCheckDigitZero() {
        // 2 × 10 + 1 × 2 = 22; 22 mod 11 = 0; 11 − 0 = 11, written as 0.
        assertThat(NhsNumber.checkDigitFor("200000001")).isZero();
        assertThat(NhsNumber.isValid("2000000010")).isTrue();
        assertThat(NhsNumber.isValid("2000000011")).isFalse();
    }

    @Test
    void lettersAndWrongLengthsAreRefusedWithTheRule() {
        assertThatThrownBy(() -> NhsNumber.parse("94347659AB")).hasMessage("NHS number must be 10 digits");
        assertThatThrownBy(() -> NhsNumber.parse("943476591")).hasMessage("NHS number must be 10 digits");
        assertThatThrownBy(() -> NhsNumber.parse("94347659190")).hasMessage("NHS number must be 10 digits");
        assertThatThrownBy(() -> NhsNumber.parse("  ")).hasMessage("Enter an NHS number");
        assertThatThrownBy(() -> NhsNumber.parse(null)).hasMessage("Enter an NHS number");
    }

    @Test
    void theFieldIsNamedInTheError() {
        assertThatThrownBy(() -> NhsNumber.parse("123"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("nhsNumber"));
    }
}
