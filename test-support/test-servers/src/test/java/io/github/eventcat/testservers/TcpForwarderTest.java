package io.github.eventcat.testservers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class TcpForwarderTest {

    @Test
    void forwardsRefusesWhileStoppedAndForwardsAgainOnTheSamePort() throws Exception {
        try (ServerSocket echo = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Thread server = new Thread(() -> {
                while (!echo.isClosed()) {
                    try (Socket client = echo.accept()) {
                        int b = client.getInputStream().read();
                        client.getOutputStream().write(b + 1);
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            server.setDaemon(true);
            server.start();

            try (TcpForwarder forwarder = TcpForwarder.start("127.0.0.1", echo.getLocalPort())) {
                int port = forwarder.port();
                assertThat(roundTrip(port, 41)).isEqualTo(42);

                forwarder.stop();
                assertThat(forwarder.running()).isFalse();
                assertThatThrownBy(() -> roundTrip(port, 1)).isInstanceOf(ConnectException.class);

                forwarder.restart();
                assertThat(forwarder.port()).isEqualTo(port);
                assertThat(roundTrip(port, 7)).isEqualTo(8);
            }
        }
    }

    private static int roundTrip(int port, int value) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(value);
            out.flush();
            InputStream in = socket.getInputStream();
            return in.read();
        }
    }
}
