package org.hygie.backend.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.id.Id;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What S3-compatible stores do differently: no conditional writes, deletion forbidden by a policy. */
class S3StoreQuirksTest {
    private static S3ProxyServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new S3ProxyServer();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void aStoreWithoutConditionalWritesIsStillNeverOverwritten() throws Exception {
        try (HttpFaultProxy proxy = new HttpFaultProxy(server.port(), 0, 1)) {
            proxy.rule((method, path, headers) -> method.equals("PUT") && headers.containsKey("If-None-Match")
                    ? new HttpFaultProxy.Answer(501, "NotImplemented") : null);
            try (S3Backend b = S3Backend.open("s3:http://127.0.0.1:" + proxy.port() + "/ancien/p",
                    S3ProxyServer.settings())) {
                b.create();
                byte[] data = "paquet".getBytes(StandardCharsets.UTF_8);
                Id id = Id.hash(data);
                b.save(FileType.PACK, id.hex(), data);
                assertFalse(b.conditionalPut(), "the backend noticed and goes on without the header");
                assertThrows(FileAlreadyExistsException.class, () -> b.save(FileType.PACK, id.hex(), new byte[1]));
                assertArrayEquals(data, b.load(FileType.PACK, id.hex()));
                b.save(FileType.CONFIG, null, data);
                assertThrows(FileAlreadyExistsException.class, () -> b.save(FileType.CONFIG, null, new byte[1]));
            }
        }
    }

    @Test
    void deletionForbiddenByThePolicyIsReportedAndExplained() throws Exception {
        try (HttpFaultProxy proxy = new HttpFaultProxy(server.port(), 0, 1)) {
            try (S3Backend b = S3Backend.open("s3:http://127.0.0.1:" + proxy.port() + "/verrou/p",
                    S3ProxyServer.settings())) {
                b.create();
                assertTrue(b.deletionAllowed());
                proxy.rule((method, path, headers) -> method.equals("DELETE")
                        ? new HttpFaultProxy.Answer(403, "AccessDenied") : null);
                assertFalse(b.deletionAllowed());
                byte[] data = {1};
                Id id = Id.hash(data);
                b.save(FileType.SNAPSHOT, id.hex(), data);
                IOException e = assertThrows(IOException.class, () -> b.delete(FileType.SNAPSHOT, id.hex()));
                assertTrue(e.getMessage().contains("access denied to bucket verrou"), e.getMessage());
            }
        }
    }
}
