package org.alignscope.train;

import java.nio.file.Path;

/**
 * A run folder that a resume cannot continue, and why, in one line naming the folder or the file at fault. The caller
 * names the setting that gave the folder (the command line's option); where a new run is the way on, {@link #remedy}
 * says which, so that the caller can spell it with its own options.
 */
public final class NotResumable extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** What the user can do instead of resuming. */
    public enum Remedy {
        /** Nothing this tool can suggest: the folder or its checkpoint is damaged. */
        NONE,
        /** Start the run again from its config ({@link #config()}), emptying the folder. */
        START_AGAIN,
        /** Restore the config the checkpoint was written with, or start a new run emptying the folder. */
        RESTORE_CONFIG_OR_START_AGAIN
    }

    private final Remedy remedy;
    private final transient Path config;

    NotResumable(String detail) {
        this(detail, null, Remedy.NONE, null);
    }

    NotResumable(String detail, Throwable cause) {
        this(detail, cause, Remedy.NONE, null);
    }

    NotResumable(String detail, Remedy remedy, Path config) {
        this(detail, null, remedy, config);
    }

    private NotResumable(String detail, Throwable cause, Remedy remedy, Path config) {
        super(detail, cause);
        this.remedy = remedy;
        this.config = config;
    }

    public Remedy remedy() {
        return remedy;
    }

    /** The run folder's config file. */
    public Path config() {
        return config;
    }
}
