package health.limber.referral.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The referral reasons a service accepts, as SNOMED CT concepts (free to use in the UK). The list is
 * configuration: {@code limber.referral.reasons=code=Display,code=Display,…}; the default is the
 * starting set of DOMAIN.md section 2.
 */
@Component
public class ReferralReasons {

    static final String DEFAULT = "279039007=Low back pain,23056005=Sciatica,81680005=Neck pain,45326000=Shoulder pain,"
            + "30989003=Knee pain,49218002=Hip pain,396275006=Osteoarthritis,192970008=Cauda equina syndrome";

    private final Map<String, String> reasons = new LinkedHashMap<>();

    public ReferralReasons(@Value("${limber.referral.reasons:" + DEFAULT + "}") String configured) {
        for (String pair : configured.split(",")) {
            String[] parts = pair.split("=", 2);
            if (parts.length != 2 || !parts[0].trim().matches("[0-9]{6,18}")) {
                throw new IllegalStateException("limber.referral.reasons: '" + pair + "' is not code=Display with a SNOMED CT code");
            }
            reasons.put(parts[0].trim(), parts[1].trim());
        }
    }

    public Map<String, String> all() {
        return Map.copyOf(reasons);
    }

    public Map<String, String> inOrder() {
        return java.util.Collections.unmodifiableMap(reasons);
    }

    public Optional<String> display(String code) {
        return Optional.ofNullable(code).map(reasons::get);
    }

    public boolean contains(String code) {
        return reasons.containsKey(code);
    }
}
