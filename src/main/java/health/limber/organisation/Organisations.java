package health.limber.organisation;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Read access to organisation reference data. */
@Service
public class Organisations {

    private final JdbcClient jdbc;

    public Organisations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** ICBs in the programme's listing order. */
    public List<Icb> icbs() {
        return jdbc.sql("select code, name, pilot_area, cohort_code from icb order by display_order, code")
                .query((rs, n) -> new Icb(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    public Optional<Icb> icb(String code) {
        return icbs().stream().filter(icb -> icb.code().equals(code)).findFirst();
    }

    /** The ICBs whose patients a provider's staff may see. */
    public Set<String> icbsServedBy(String providerCode) {
        return new TreeSet<>(jdbc.sql("select icb_code from provider_icb where provider_code = :provider")
                .param("provider", providerCode)
                .query(String.class)
                .list());
    }

    public Optional<String> providerName(String providerCode) {
        return jdbc.sql("select name from provider where code = :code").param("code", providerCode).query(String.class).optional();
    }

    public List<Provider> providers() {
        return jdbc.sql("select code, name from provider order by name")
                .query((rs, n) -> new Provider(rs.getString(1), rs.getString(2)))
                .list();
    }

    public Optional<GpPractice> practice(String code) {
        return jdbc.sql("select code, name, postcode, icb_code from gp_practice where code = :code")
                .param("code", code)
                .query((rs, n) -> new GpPractice(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /** A provider of community MSK services (ODS code), e.g. a community trust. */
    public record Provider(String code, String name) {}
}
