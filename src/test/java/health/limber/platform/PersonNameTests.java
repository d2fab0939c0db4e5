package health.limber.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Names cannot hide what they are: no control characters, broken characters or bidirectional overrides. */
class PersonNameTests {

    @Test
    void realNamesInAnyScriptAreAccepted() {
        assertThat(PersonName.check("givenName", "  Siân O'Neill-Ĳzerman ", "Enter")).isEqualTo("Siân O'Neill-Ĳzerman");
        assertThat(PersonName.acceptable("محمد")).isTrue();
        assertThat(PersonName.acceptable("张伟")).isTrue();
        assertThat(PersonName.acceptable("Emoji 😀 ok")).isTrue();
    }

    @Test
    void nulBrokenCharactersAndBidirectionalOverridesAreRefusedNamingTheField() {
        assertThat(PersonName.acceptable("Ann\u0000")).isFalse();
        assertThat(PersonName.acceptable("Ann\nSmith")).isFalse();
        assertThat(PersonName.acceptable("Ann\uD800")).isFalse();
        assertThat(PersonName.acceptable("\uDC00Ann")).isFalse();
        assertThat(PersonName.acceptable("Ann\u202Ehtims")).isFalse();
        assertThat(PersonName.acceptable("Ann\u2066x\u2069")).isFalse();
        assertThatThrownBy(() -> PersonName.check("familyName", "Smith\u202E", "Enter"))
                .isInstanceOf(InvalidInputException.class).satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("familyName"));
    }
}
