package health.limber.patient;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of the NHS number check that hold for every number, not only the examples. */
class NhsNumberProperties {

    @Provide
    Arbitrary<String> validNumbers() {
        return Arbitraries.strings().numeric().ofLength(9)
                .filter(nine -> NhsNumber.checkDigitFor(nine) >= 0)
                .map(nine -> nine + NhsNumber.checkDigitFor(nine));
    }

    @Property
    void everyGeneratedValidNumberParses(@ForAll("validNumbers") String number) {
        assertThat(NhsNumber.parse(number).value()).isEqualTo(number);
    }

    @Property
    void changingAnyOneDigitMakesItInvalidOrADifferentValidNumber(@ForAll("validNumbers") String number,
            @ForAll @IntRange(min = 0, max = 9) int position, @ForAll @IntRange(min = 1, max = 9) int shift) {
        char[] digits = number.toCharArray();
        digits[position] = (char) ('0' + (digits[position] - '0' + shift) % 10);
        String changed = new String(digits);
        // A single changed digit is always detected: modulus 11 with weights 2..10 catches every single-digit error.
        assertThat(NhsNumber.isValid(changed)).as(changed).isFalse();
    }

    @Property
    void formattingRoundTrips(@ForAll("validNumbers") String number) {
        NhsNumber parsed = NhsNumber.parse(number);
        assertThat(NhsNumber.parse(parsed.formatted())).isEqualTo(parsed);
        assertThat(parsed.formatted()).matches("\\d{3} \\d{3} \\d{4}");
    }

    @Property
    void spacesAndHyphensAnywhereBetweenDigitsAreIgnored(@ForAll("validNumbers") String number,
            @ForAll @IntRange(min = 1, max = 9) int at, @ForAll boolean hyphen) {
        Assume.that(at < number.length());
        String typed = number.substring(0, at) + (hyphen ? "-" : " ") + number.substring(at);
        assertThat(NhsNumber.parse(typed).value()).isEqualTo(number);
    }
}
