package health.limber.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One list of languages for the self-referral and the staff form, and one name for each code. */
class LanguagesTests {

    @Test
    void theSelfReferralAndTheStaffFormOfferTheSameCodesForTheSameLanguages() {
        assertThat(Languages.OFFERED).containsEntry("en", "English").containsEntry("cy", "Welsh (Cymraeg)")
                .containsEntry("pl", "Polish").containsEntry("bfi", "British Sign Language").doesNotContainKey("sgn");
        assertThat(Languages.OFFERED.keySet()).first().isEqualTo("en");
    }

    @Test
    void everyCodeIsNamedInWords() {
        assertThat(Languages.name("bfi")).isEqualTo("British Sign Language");
        assertThat(Languages.name("sgn")).as("the code earlier staff forms stored for BSL").isEqualTo("British Sign Language");
        assertThat(Languages.name("ur")).isEqualTo("Urdu");
        assertThat(Languages.name("xq")).isEqualTo("xq");
        assertThat(Languages.name(" ")).isEqualTo("Not given");
    }
}
