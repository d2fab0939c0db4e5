package health.limber.clinic;

import health.limber.identity.Actor;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.identity.StaffAccounts;
import health.limber.patient.Postcode;
import health.limber.platform.InvalidInputException;
import health.limber.platform.NotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a hub has to offer: the services (with their appointment length and why people see them),
 * the practitioners (one service each, the languages they speak) and what each room can host.
 * Service managers keep them for the hubs of their ICBs; the one-stop planner reads them.
 */
@Service
@Transactional
public class HubResources {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private final JdbcClient jdbc;
    private final Hubs hubs;
    private final CurrentActor currentActor;

    private final StaffAccounts staffAccounts;

    HubResources(JdbcClient jdbc, Hubs hubs, CurrentActor currentActor, StaffAccounts staffAccounts) {
        this.staffAccounts = staffAccounts;
        this.jdbc = jdbc;
        this.hubs = hubs;
        this.currentActor = currentActor;
    }

    /** A service a hub can offer at a one-stop visit. */
    public record ClinicService(String code, String name, String purpose, int minutes) {}

    @Transactional(readOnly = true)
    public List<ClinicService> services() {
        return jdbc.sql("select code, name, purpose, minutes from clinic_service order by position")
                .query((rs, n) -> new ClinicService(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4))).list();
    }

    /** Adds a service (e.g. "Pain management"), with a code made from its name. */
    public ClinicService addService(String name, String purpose, int minutes) {
        manager(null);
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 100) {
            throw new InvalidInputException("serviceName", "Enter the service's name (up to 100 characters)");
        }
        if (purpose == null || purpose.isBlank() || purpose.length() > 300) {
            throw new InvalidInputException("purpose", "Say why people see this service, in up to 300 characters (patients see it)");
        }
        if (minutes < 5 || minutes > 240 || minutes % 5 != 0) {
            throw new InvalidInputException("serviceMinutes", "An appointment lasts 5 to 240 minutes, in steps of 5");
        }
        String code = clean.toUpperCase(Locale.UK).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_|_$", "");
        if (code.isEmpty() || services().stream().anyMatch(s -> s.code().equals(code) || s.name().equalsIgnoreCase(clean))) {
            throw new InvalidInputException("serviceName", "There is already a service called " + clean);
        }
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from clinic_service").query(Integer.class).single();
        jdbc.sql("insert into clinic_service (code, name, purpose, minutes, position) values (:code, :name, :purpose, :minutes, :position)")
                .param("code", code).param("name", clean).param("purpose", purpose.strip()).param("minutes", minutes).param("position", position).update();
        return new ClinicService(code, clean, purpose.strip(), minutes);
    }

    /** Adds a practitioner to a hub. Languages are ISO 639 codes ("en, pl"); English is assumed if none are given. */
    public UUID addPractitioner(UUID hubId, String name, String service, String languages) {
        Hub hub = hubs.find(hubId).orElseThrow(() -> new NotFoundException("hub " + hubId));
        manager(hub.icbCode());
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 200) {
            throw new InvalidInputException("practitionerName", "Enter the practitioner's name");
        }
        if (services().stream().noneMatch(s -> s.code().equals(service))) {
            throw new InvalidInputException("service", "Select the service they give");
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String part : (languages == null ? "" : languages).split("[,\\s]+")) {
            String code = part.strip().toLowerCase(Locale.UK);
            if (code.isEmpty()) {
                continue;
            }
            if (!LANGUAGE.matcher(code).matches()) {
                throw new InvalidInputException("languages", "Enter language codes such as en, pl, ur (\"" + part.strip() + "\" is not one)");
            }
            codes.add(code);
        }
        if (codes.isEmpty()) {
            codes.add("en");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into practitioner (id, hub_id, name, service_code, languages) values (:id, :hub, :name, :service, :languages)")
                .param("id", id).param("hub", hubId).param("name", clean).param("service", service).param("languages", String.join(",", codes)).update();
        return id;
    }

    /**
     * Links a practitioner of a clinic day (an employment or debt adviser) to the adviser's own
     * sign-in, so the person on the day and the account on the worklist are one; blank unlinks.
     */
    public void linkPractitioner(UUID practitionerId, String username) {
        UUID hubId = jdbc.sql("select hub_id from practitioner where id = :id").param("id", practitionerId).query(UUID.class).optional()
                .orElseThrow(() -> new NotFoundException("practitioner " + practitionerId));
        Hub hub = hubs.find(hubId).orElseThrow(() -> new NotFoundException("hub " + hubId));
        manager(hub.icbCode());
        String clean = username == null || username.isBlank() ? null : username.strip();
        if (clean != null) {
            var account = staffAccounts.findByUsername(clean)
                    .orElseThrow(() -> new InvalidInputException("username", "There is no staff account " + clean));
            if (!account.role().isAdviser()) {
                throw new InvalidInputException("username", clean + " is not an employment or debt adviser's account");
            }
        }
        jdbc.sql("update practitioner set staff_username = :username where id = :id").param("username", clean).param("id", practitionerId).update();
    }

    /**
     * Opens a hub (a leisure centre, a health centre) for the service manager's organisation in one
     * of the ICBs it serves; rooms are added with {@link #addRoom}.
     */
    public UUID addHub(String icbCode, String name, String addressLine, String town, String postcode, boolean stepFree, String openingHours) {
        Actor actor = manager(icbCode);
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 200) {
            throw new InvalidInputException("hubName", "Enter the hub's name (up to 200 characters)");
        }
        if (addressLine == null || addressLine.isBlank() || town == null || town.isBlank()) {
            throw new InvalidInputException("addressLine", "Enter the hub's address and town, so patients can find it");
        }
        String checkedPostcode;
        try {
            checkedPostcode = Postcode.parse(postcode).value();
        } catch (InvalidInputException e) {
            throw new InvalidInputException("postcode", e.getMessage());
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into hub (id, provider_code, icb_code, name, address_line, town, postcode, step_free, opening_hours)
                values (:id, :provider, :icb, :name, :address, :town, :postcode, :stepFree, :hours)""")
                .param("id", id).param("provider", actor.organisationCode()).param("icb", icbCode).param("name", clean)
                .param("address", addressLine.strip()).param("town", town.strip()).param("postcode", checkedPostcode)
                .param("stepFree", stepFree).param("hours", openingHours == null || openingHours.isBlank() ? null : openingHours.strip()).update();
        return id;
    }

    /** Adds a room to a hub, with what it can host (one-stop services, and GROUP_CLASS for classes). */
    public UUID addRoom(UUID hubId, String name, boolean stepFree, List<String> hosted) {
        Hub hub = hubs.find(hubId).orElseThrow(() -> new NotFoundException("hub " + hubId));
        manager(hub.icbCode());
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 100) {
            throw new InvalidInputException("roomName", "Enter the room's name (up to 100 characters)");
        }
        checkHosted(hosted);
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into room (id, hub_id, name, step_free, services) values (:id, :hub, :name, :stepFree, :services)")
                .param("id", id).param("hub", hubId).param("name", clean).param("stepFree", stepFree)
                .param("services", String.join(",", hosted)).update();
        return id;
    }

    /** Sets what a room can host (one-stop services, and GROUP_CLASS for classes). */
    public void setRoomServices(UUID roomId, List<String> hosted) {
        UUID hubId = jdbc.sql("select hub_id from room where id = :id").param("id", roomId).query(UUID.class).optional()
                .orElseThrow(() -> new NotFoundException("room " + roomId));
        manager(hubs.find(hubId).orElseThrow().icbCode());
        checkHosted(hosted);
        jdbc.sql("update room set services = :services where id = :id").param("services", String.join(",", hosted)).param("id", roomId).update();
    }

    private void checkHosted(List<String> hosted) {
        List<String> known = new ArrayList<>(services().stream().map(ClinicService::code).toList());
        known.add("GROUP_CLASS");
        for (String code : hosted) {
            if (!known.contains(code)) {
                throw new InvalidInputException("services", "There is no service " + code);
            }
        }
        if (hosted.isEmpty()) {
            throw new InvalidInputException("services", "Select at least one thing the room can host");
        }
    }

    private Actor manager(String icb) {
        Actor actor = currentActor.get();
        if (actor.role() != Role.SERVICE_MANAGER) {
            throw new AccessDeniedException("Only service managers change hubs");
        }
        if (icb != null && !actor.serves(icb)) {
            throw new NotFoundException("hub");
        }
        return actor;
    }
}
