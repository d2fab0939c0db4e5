package health.limber.waitinglist;

import health.limber.clinic.BookedAtHub;
import health.limber.waitinglist.internal.Pathways;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Notes on a waiting pathway the hub its patient has been booked at (a one-stop clinic day or a
 * group class), so the list filtered by hub shows them where they will be seen. The latest booking
 * wins over an earlier choice, which is still on record in the audit trail; a pathway whose clock
 * has stopped is left as it is. Runs in the booking's transaction: both are kept or neither.
 */
@Component
class BookingHubs {

    private final Pathways pathways;
    private final Clock clock;

    BookingHubs(Pathways pathways, Clock clock) {
        this.pathways = pathways;
        this.clock = clock;
    }

    @EventListener
    void on(BookedAtHub booked) {
        pathways.find(new PathwayKey(booked.referralReference(), booked.providerCode()))
                .filter(Pathway::isRunning)
                .filter(pathway -> !pathways.hubOf(pathway.id().value()).filter(booked.hubId()::equals).isPresent())
                .ifPresent(pathway -> pathways.assignHub(pathway.id().value(), booked.hubId(), by(booked), clock.instant()));
    }

    private static String by(BookedAtHub booked) {
        String by = "booking: " + booked.what();
        return by.length() > 100 ? by.substring(0, 100) : by;
    }
}
