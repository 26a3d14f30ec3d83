package org.alignscope.sweep;

/**
 * The sweep was stopped (SIGTERM, SIGINT) while cells ran: the running cells were ended and not recorded, so a
 * rerun runs them again and skips the ones that had finished.
 */
public final class SweepStopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SweepStopped() {
        super("sweep stopped; the cells that finished are kept, a rerun with the same " + SweepSettings.OUT.label()
                + " runs the others");
    }
}
