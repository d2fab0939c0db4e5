package health.limber.waitinglist.internal;



/** All-or-nothing (the default) writes nothing if any row is bad; quarantine writes the good rows and reports the rest. */
public enum ImportMode {
    ALL_OR_NOTHING, QUARANTINE
}
