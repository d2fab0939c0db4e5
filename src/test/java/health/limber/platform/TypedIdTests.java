package health.limber.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.limber.patient.PatientId;
import health.limber.referral.ReferralId;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A typed id is its UUID to the database, to JSON readers and to addresses, and nothing else. */
class TypedIdTests {

    @Test
    void anIdPassedWholeAsAParameterIsStoredAndFoundAsItsUuid() {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:mem:typed-ids;DB_CLOSE_DELAY=-1");
        JdbcClient jdbc = JdbcClient.create(source);
        JdbcTemplate template = new JdbcTemplate(source);
        jdbc.sql("create table person (id uuid primary key, referral uuid)").update();
        PatientId patient = PatientId.of(UUID.randomUUID());
        ReferralId referral = ReferralId.of(UUID.randomUUID());

        jdbc.sql("insert into person (id, referral) values (:id, :referral)").param("id", patient).param("referral", referral).update();
        template.batchUpdate("insert into person (id, referral) values (?, ?)", List.<Object[]>of(new Object[] {PatientId.of(UUID.randomUUID()), null}));

        assertThat(jdbc.sql("select referral from person where id = :id").param("id", patient).query(UUID.class).single())
                .isEqualTo(referral.value());
        assertThat(template.queryForObject("select count(*) from person where id in (?, ?)", Integer.class, patient, patient.value())).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from person where id in (:ids)").param("ids", List.of(patient)).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anIdReadsFromTextAndWritesAsItsUuid() {
        UUID uuid = UUID.fromString("0190c2b4-3f6e-7c4a-9a55-3c8f1f2b9d10");
        assertThat(ReferralId.valueOf(" " + uuid + " ")).isEqualTo(ReferralId.of(uuid));
        assertThat(ReferralId.of(uuid)).hasToString(uuid.toString());
        assertThat(ReferralId.ofNullable(null)).isNull();
        assertThat(ReferralId.uuidOf(null)).isNull();
        assertThatThrownBy(() -> ReferralId.valueOf("not-an-id")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReferralId.of(null)).isInstanceOf(NullPointerException.class);
    }

    record Booking(ReferralId referral) {}

    @Test
    void anIdIsItsUuidInJson() {
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        UUID uuid = UUID.randomUUID();
        assertThat(json.writeValueAsString(new Booking(ReferralId.of(uuid)))).isEqualTo("{\"referral\":\"" + uuid + "\"}");
        assertThat(json.readValue("{\"referral\":\"" + uuid + "\"}", Booking.class).referral()).isEqualTo(ReferralId.of(uuid));
    }
}
