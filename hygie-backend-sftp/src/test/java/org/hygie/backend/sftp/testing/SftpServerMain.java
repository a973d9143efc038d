package org.hygie.backend.sftp.testing;

import java.nio.file.Path;

/**
 * Runs an {@link SftpTestServer} until stdin closes, for manual tries and benchmarks:
 * {@code java -cp … SftpServerMain DIR}. Prints the port, then the client key and known hosts files.
 */
public final class SftpServerMain {
    private SftpServerMain() {
    }

    public static void main(String[] args) throws Exception {
        try (SftpTestServer server = SftpTestServer.start(Path.of(args[0]))) {
            System.out.println(server.port());
            System.out.println(server.clientKey());
            System.out.println(server.knownHosts());
            System.out.flush();
            System.in.readAllBytes();
        }
    }
}
