package io.github.eventcat.testservers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Nothing a test run starts may be reachable from the network. */
@WithRealServers
class LoopbackOnlyTest {

    @Test
    void everySocketThisJvmListensOnIsLoopbackAndTheBrokersListenersAreAmongThem(EmbeddedKafka kafka) throws Exception {
        List<InetSocketAddress> listening =
                ListeningSockets.of(ProcessHandle.current().pid());

        assertThat(listening)
                .extracting(InetSocketAddress::getPort)
                .containsAll(kafka.listenerAddresses().stream()
                        .map(InetSocketAddress::getPort)
                        .toList());
        assertThat(listening)
                .allSatisfy(socket -> assertThat(socket.getAddress().isLoopbackAddress())
                        .as("%s is not a loopback address", socket)
                        .isTrue());
    }

    @Test
    void everySocketTheRegistryListensOnIsLoopback(EmbeddedSchemaRegistry registry) throws Exception {
        List<InetSocketAddress> listening =
                ListeningSockets.of(registry.process().pid());

        assertThat(listening).extracting(InetSocketAddress::getPort).contains(registry.port());
        assertThat(listening)
                .allSatisfy(socket -> assertThat(socket.getAddress().isLoopbackAddress())
                        .as("%s is not a loopback address", socket)
                        .isTrue());
    }
}
