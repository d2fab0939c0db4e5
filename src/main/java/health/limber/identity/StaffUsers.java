package health.limber.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface StaffUsers extends ListCrudRepository<StaffUser, UUID> {

    Optional<StaffUser> findByUsername(String username);

    List<StaffUser> findAllByOrderByOrganisationCodeAscUsernameAsc();
}
