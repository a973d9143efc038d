package org.hygie.backend.rest;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.backend.FileType;
import org.junit.jupiter.api.Test;

/** A server that is not there is said as such (the JDK's client only shows a ClosedChannelException at the root). */
class RestUnreachableTest {

    @Test
    void aRefusedConnectionIsNamed() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (Backend b = new RestBackendProvider(Map.of()).open("rest:http://127.0.0.1:" + port + "/r/", Map.of())) {
            IOException e = assertThrows(IOException.class, () -> b.list(FileType.SNAPSHOT));
            assertTrue(e.getMessage().contains("connection refused"), e.getMessage());
            assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
        }
    }
}
