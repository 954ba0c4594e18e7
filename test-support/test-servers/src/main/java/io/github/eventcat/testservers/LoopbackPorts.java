package io.github.eventcat.testservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Free TCP ports on 127.0.0.1. A port found free can be taken by someone else before the server
 * binds it, so callers retry the whole start with new ports when the bind fails.
 */
final class LoopbackPorts {
    static final String HOST = "127.0.0.1";

    private LoopbackPorts() {}

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free port on " + HOST, e);
        }
    }
}
