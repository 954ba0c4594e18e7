package io.github.eventcat.testservers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP port on 127.0.0.1 that forwards every connection to a target (e.g. the shared registry),
 * and can be {@linkplain #stop() stopped} and {@linkplain #restart() restarted on the same port}:
 * while stopped, connecting is refused and open connections are cut, exactly what a client sees
 * when the server behind it goes down. Lets a test take a server "down" without losing its state
 * (an in-memory registry forgets every schema when it really stops).
 */
public final class TcpForwarder implements AutoCloseable {
    private static final int BIND_ATTEMPTS = 50;

    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private ServerSocket server;
    private Thread acceptor;

    private TcpForwarder(InetSocketAddress target, int port) {
        this.target = target;
        this.port = port;
    }

    /** Starts forwarding a free loopback port to {@code host:targetPort}. */
    public static TcpForwarder start(String host, int targetPort) {
        for (int attempt = 1; ; attempt++) {
            TcpForwarder forwarder =
                    new TcpForwarder(new InetSocketAddress(host, targetPort), LoopbackPorts.freePort());
            try {
                forwarder.bind();
                return forwarder;
            } catch (IOException e) {
                if (attempt >= 3) {
                    throw new TestServerException(
                            "Could not open a forwarding port to " + host + ":" + targetPort + ": " + e, e);
                }
            }
        }
    }

    /** The port on 127.0.0.1 that forwards. */
    public int port() {
        return port;
    }

    /** True while connections are accepted. */
    public synchronized boolean running() {
        return server != null;
    }

    /** Refuses new connections and cuts the open ones. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        closeQuietly(server);
        // A ServerSocket closed while a thread blocks in accept() keeps listening until that thread
        // wakes up (the JDK defers the real close): only after it is gone are connections refused.
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server = null;
        acceptor = null;
        open.forEach(TcpForwarder::closeQuietly);
        open.clear();
    }

    /** Accepts connections again, on the same port. */
    public synchronized void restart() {
        if (server != null) {
            return;
        }
        IOException last = null;
        for (int attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
            try {
                bind();
                return;
            } catch (IOException e) {
                last = e; // the port may linger for a moment after the close
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new TestServerException(
                "Could not reopen port " + port + " on " + LoopbackPorts.HOST + ": " + last, last);
    }

    private synchronized void bind() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        try {
            socket.bind(new InetSocketAddress(InetAddress.getByName(LoopbackPorts.HOST), port));
        } catch (IOException e) {
            closeQuietly(socket);
            throw e;
        }
        server = socket;
        acceptor = daemon(() -> accept(socket), "tcp-forwarder-" + port + "-accept");
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                return; // stopped
            }
            Socket upstream = new Socket();
            try {
                upstream.connect(target, 5_000);
            } catch (IOException e) {
                closeQuietly(client);
                closeQuietly(upstream);
                continue;
            }
            open.add(client);
            open.add(upstream);
            daemon(() -> pump(client, upstream), "tcp-forwarder-" + port + "-up");
            daemon(() -> pump(upstream, client), "tcp-forwarder-" + port + "-down");
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (SocketException e) {
            // cut by stop(), or by either end
        } catch (IOException e) {
            // the same: a forwarder has nobody to tell
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // nothing left to do with it
        }
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "TcpForwarder[" + LoopbackPorts.HOST + ":" + port + " -> " + target + (running() ? "" : ", stopped")
                + "]";
    }
}
