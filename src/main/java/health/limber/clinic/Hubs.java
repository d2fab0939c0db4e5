package health.limber.clinic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Hubs and rooms, read by ICB. */
@Service
public class Hubs {

    private final JdbcClient jdbc;

    Hubs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Hub> find(UUID id) {
        String icb = jdbc.sql("select icb_code from hub where id = :id").param("id", id).query(String.class).optional().orElse(null);
        return icb == null ? Optional.empty() : inIcbs(List.of(icb)).stream().filter(hub -> hub.id().equals(id)).findFirst();
    }

    public List<Hub> inIcbs(Collection<String> icbCodes) {
        if (icbCodes.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Hub.Room>> rooms = new LinkedHashMap<>();
        jdbc.sql("""
                select r.id, r.hub_id, r.name, r.step_free, r.services from room r join hub h on h.id = r.hub_id
                where h.icb_code in (:icbs) order by r.name""")
                .param("icbs", icbCodes)
                .query(rs -> {
                    rooms.computeIfAbsent(rs.getObject(2, UUID.class), id -> new ArrayList<>())
                            .add(new Hub.Room(rs.getObject(1, UUID.class), rs.getString(3), rs.getBoolean(4),
                                    Arrays.asList(rs.getString(5).split(","))));
                });
        return jdbc.sql("""
                select id, icb_code, provider_code, name, address_line, town, postcode, step_free, opening_hours
                from hub where icb_code in (:icbs) order by icb_code, name""")
                .param("icbs", icbCodes)
                .query((rs, n) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    return new Hub(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getBoolean(8), rs.getString(9), rooms.getOrDefault(id, List.of()));
                })
                .list();
    }
}
