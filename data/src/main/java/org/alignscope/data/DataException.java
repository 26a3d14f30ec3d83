package org.alignscope.data;

/** A dataset that is missing, malformed or misused; the message is one line meant for the user. */
public class DataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
