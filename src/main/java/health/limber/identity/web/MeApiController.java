package health.limber.identity.web;

import health.limber.identity.Actor;
import health.limber.identity.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is signed in as: lets an integrator check its credentials (and is the benchmarks' baseline endpoint). */
@RestController
@Tag(name = "Identity")
class MeApiController {

    private final CurrentActor currentActor;

    MeApiController(CurrentActor currentActor) {
        this.currentActor = currentActor;
    }

    record Me(String username, String role, String organisation, Set<String> servedIcbs) {}

    @Operation(summary = "The signed-in account")
    @GetMapping("/api/me")
    Me me() {
        Actor actor = currentActor.get();
        return new Me(actor.username(), actor.role().name(), actor.organisationCode(), actor.servedIcbs());
    }
}
