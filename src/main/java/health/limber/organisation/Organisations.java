package health.limber.organisation;

import health.limber.platform.InvalidInputException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to organisation reference data. */
@Service
public class Organisations {

    private final JdbcClient jdbc;

    public Organisations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** ICBs in the programme's listing order. */
    public List<Icb> icbs() {
        return jdbc.sql("select code, name, pilot_area from icb order by display_order, code")
                .query((rs, n) -> new Icb(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /**
     * ICBs and GP practices once found. Organisation data is only ever added here, never changed or
     * removed, so a code found stays found (a code not found is asked again: another instance may have
     * added it since). This keeps checking a bulk load of thousands of patient records from asking
     * the database twice a record. Whatever comes to change or remove an ICB or practice must clear these.
     */
    private final java.util.Map<String, Icb> knownIcbs = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, GpPractice> knownPractices = new java.util.concurrent.ConcurrentHashMap<>();

    public Optional<Icb> icb(String code) {
        Icb known = code == null ? null : knownIcbs.get(code);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Icb> found = icbs().stream().filter(icb -> icb.code().equals(code)).findFirst();
        found.ifPresent(icb -> knownIcbs.put(icb.code(), icb));
        return found;
    }

    /**
     * Adds an ICB (organisation data an administrator enters, for example the areas of a new cohort):
     * its ODS code (Q and two letters or digits), its name and the short name reports use (from the
     * name when not given). An ICB already known is refused rather than renamed.
     */
    @Transactional
    public Icb addIcb(String code, String name, String shortName, String addedBy) {
        String checked = code == null ? "" : code.trim().toUpperCase(java.util.Locale.ROOT);
        var errors = new health.limber.platform.InvalidFieldsException.Collector();
        if (!Icb.isIcbCode(checked)) {
            errors.add("icbCode", "Enter the ICB's ODS code: Q followed by 2 letters or numbers, for example QHL");
        } else if (icb(checked).isPresent()) {
            errors.add("icbCode", "ICB " + checked + " is already known");
        }
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            errors.add("icbName", "Enter the ICB's name (up to 200 characters)");
        }
        if (shortName != null && shortName.strip().length() > 200) {
            errors.add("icbShortName", "The short name can be up to 200 characters");
        }
        errors.throwIfAny();
        String area = shortName == null || shortName.isBlank()
                ? name.strip().replaceFirst("^NHS ", "").replaceFirst(" Integrated Care Board$", "").replaceFirst(" ICB$", "")
                : shortName.strip();
        jdbc.sql("""
                        insert into icb (code, name, pilot_area, display_order, added_by)
                        values (:code, :name, :area, (select coalesce(max(display_order), 0) + 1 from icb), :by)""")
                .param("code", checked).param("name", name.strip()).param("area", area).param("by", addedBy).update();
        return new Icb(checked, name.strip(), area);
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

    /** The service's phone number for patients, if the deployment gave one. */
    public Optional<String> providerPhone(String providerCode) {
        return jdbc.sql("select phone from provider where code = :code and phone is not null").param("code", providerCode)
                .query(String.class).optional();
    }

    public List<Provider> providers() {
        return jdbc.sql("select code, name from provider order by name")
                .query((rs, n) -> new Provider(rs.getString(1), rs.getString(2)))
                .list();
    }

    /**
     * Adds a provider and the ICBs its staff serve (first set-up of a deployment). ODS codes of
     * providers are 3 to 5 letters and digits; every ICB must already be known.
     */
    @Transactional
    public Provider addProvider(String code, String name, Set<String> icbCodes) {
        return addProvider(code, name, null, icbCodes);
    }

    /** As {@link #addProvider(String, String, Set)}, with the phone number patients call (digits, spaces and a leading +). */
    @Transactional
    public Provider addProvider(String code, String name, String phone, Set<String> icbCodes) {
        String checked = code == null ? "" : code.trim().toUpperCase(java.util.Locale.ROOT);
        if (!checked.matches("[A-Z0-9]{3,5}")) {
            throw new InvalidInputException("providerCode", "Enter the provider's ODS code: 3 to 5 letters and numbers");
        }
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("providerName", "Enter the provider's name");
        }
        if (icbCodes.isEmpty() || !icbCodes.stream().allMatch(icb -> icb(icb).isPresent())) {
            throw new InvalidInputException("icb", "Name at least one ICB by its ODS code, for example QHL");
        }
        String checkedPhone = phone == null || phone.isBlank() ? null : phone.strip();
        if (checkedPhone != null && !checkedPhone.matches("\\+?[0-9][0-9 ]{6,24}")) {
            throw new InvalidInputException("providerPhone", "Enter the service's phone number in digits, for example 0300 123 4567");
        }
        if (providerName(checked).isEmpty()) {
            jdbc.sql("insert into provider (code, name, phone) values (:code, :name, :phone)").param("code", checked).param("name", name.trim())
                    .param("phone", checkedPhone).update();
        } else if (checkedPhone != null) {
            jdbc.sql("update provider set phone = :phone where code = :code").param("code", checked).param("phone", checkedPhone).update();
        }
        for (String icb : icbCodes) {
            if (!icbsServedBy(checked).contains(icb)) {
                jdbc.sql("insert into provider_icb (provider_code, icb_code) values (:code, :icb)")
                        .param("code", checked).param("icb", icb).update();
            }
        }
        return new Provider(checked, name.trim());
    }

    public Optional<GpPractice> practice(String code) {
        GpPractice known = code == null ? null : knownPractices.get(code);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<GpPractice> found = jdbc.sql("select code, name, postcode, icb_code from gp_practice where code = :code")
                .param("code", code)
                .query((rs, n) -> new GpPractice(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
        found.ifPresent(practice -> knownPractices.put(practice.code(), practice));
        return found;
    }

    /**
     * Registers GP practices (organisation data, as loaded from the ODS extract): each with its ODS
     * code (a letter and 5 digits) and the ICB it belongs to. A practice already known is left as it is.
     */
    @Transactional
    public void addPractices(List<GpPractice> practices) {
        for (GpPractice practice : practices) {
            if (!practice.code().matches("[A-Z][0-9]{5}")) {
                throw new InvalidInputException("gpPracticeCode", "A GP practice code is a letter and 5 numbers, like A81001, not " + practice.code());
            }
            if (icb(practice.icbCode()).isEmpty()) {
                throw new InvalidInputException("icb", "There is no ICB " + practice.icbCode());
            }
        }
        for (GpPractice practice : practices) {
            if (practice(practice.code()).isEmpty()) {
                jdbc.sql("insert into gp_practice (code, name, postcode, icb_code) values (:code, :name, :postcode, :icb)")
                        .param("code", practice.code()).param("name", practice.name()).param("postcode", practice.postcode())
                        .param("icb", practice.icbCode()).update();
            }
        }
    }

    /** The GP practices of an ICB, by code. */
    public List<GpPractice> practicesIn(String icbCode) {
        return jdbc.sql("select code, name, postcode, icb_code from gp_practice where icb_code = :icb order by code")
                .param("icb", icbCode)
                .query((rs, n) -> new GpPractice(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** Every ICB some provider on this deployment serves: where self-referrals are accepted from. */
    public Set<String> servedIcbs() {
        return new TreeSet<>(jdbc.sql("select distinct icb_code from provider_icb").query(String.class).list());
    }

    /** The providers serving an ICB (who a person of that area is referred to). */
    public List<Provider> providersServing(String icbCode) {
        return jdbc.sql("""
                        select p.code, p.name from provider p join provider_icb pi on pi.provider_code = p.code
                        where pi.icb_code = :icb order by p.name""")
                .param("icb", icbCode)
                .query((rs, n) -> new Provider(rs.getString(1), rs.getString(2)))
                .list();
    }

    /**
     * GP practices whose code or name matches what a person typed (case-insensitive, at most 20),
     * for "which GP practice are you registered with?".
     */
    public List<GpPractice> findPractices(String typed) {
        String text = typed == null ? "" : typed.trim().toLowerCase(java.util.Locale.ROOT);
        if (text.length() < 2) {
            return List.of();
        }
        return jdbc.sql("""
                        select code, name, postcode, icb_code from gp_practice
                        where lower(code) = :text or lower(name) like :like or lower(postcode) like :like
                        order by name, code limit 20""")
                .param("text", text)
                .param("like", "%" + text.replace("%", "").replace("_", "") + "%")
                .query((rs, n) -> new GpPractice(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /**
     * The ICB of a postcode district, from the practices registered in it (organisation data, not
     * code). Empty when no practice on this deployment shares the outward code.
     */
    public Optional<String> icbForPostcodeDistrict(String outwardCode) {
        return jdbc.sql("select icb_code from gp_practice where postcode like :prefix group by icb_code order by count(*) desc limit 1")
                .param("prefix", outwardCode.toUpperCase(java.util.Locale.ROOT) + " %")
                .query(String.class)
                .optional();
    }

    /** A provider of community MSK services (ODS code), e.g. a community trust. */
    public record Provider(String code, String name) {}
}
