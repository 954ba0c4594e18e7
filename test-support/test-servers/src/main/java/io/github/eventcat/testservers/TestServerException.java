package io.github.eventcat.testservers;

/**
 * A real test server could not be started, used or stopped. Subclasses carry the facts a reader
 * needs to act (log file, address, where the server was looked for).
 */
public class TestServerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TestServerException(String message) {
        super(message);
    }

    public TestServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
