package org.hygie.backend.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.util.Arrays;
import java.util.Random;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.id.Id;
import org.junit.jupiter.api.Test;

/** Many small reads of one pack (walking a snapshot's trees) cost a few requests, and memory stays bounded. */
class S3PackCacheTest {

    @Test
    void smallReadsOfOnePackBecomeOneWholeFetch() throws Exception {
        try (S3ProxyServer server = new S3ProxyServer();
                HttpFaultProxy proxy = new HttpFaultProxy(server.port(), 0, 1);
                S3Backend b = S3Backend.open("s3:http://127.0.0.1:" + proxy.port() + "/arbres/p",
                        S3ProxyServer.settings())) {
            b.create();
            byte[] pack = new byte[600_000];
            new Random(3).nextBytes(pack);
            String name = Id.hash(pack).hex();
            b.save(FileType.PACK, name, pack);
            int before = proxy.requests();
            Random rnd = new Random(4);
            for (int i = 0; i < 200; i++) {
                int off = rnd.nextInt(pack.length - 5000);
                int len = 1 + rnd.nextInt(5000);
                assertArrayEquals(Arrays.copyOfRange(pack, off, off + len), b.load(FileType.PACK, name, off, len));
            }
            assertEquals(PackCache.RANGES_BEFORE_WHOLE + 1, proxy.requests() - before,
                    "two ranged reads, then the whole pack once");
            assertEquals(1, b.packCacheStats()[1]);
            assertThrows(EOFException.class, () -> b.load(FileType.PACK, name, pack.length - 10, 11));
            b.delete(FileType.PACK, name);
        }
    }

    @Test
    void offMeansEveryReadIsARange() throws Exception {
        try (S3ProxyServer server = new S3ProxyServer();
                HttpFaultProxy proxy = new HttpFaultProxy(server.port(), 0, 1);
                S3Backend b = S3Backend.open("s3:http://127.0.0.1:" + proxy.port() + "/arbres/p",
                        S3ProxyServer.settings().withPackCache(0))) {
            b.create();
            byte[] pack = new byte[10_000];
            String name = Id.hash(pack).hex();
            b.save(FileType.PACK, name, pack);
            int before = proxy.requests();
            for (int i = 0; i < 10; i++) {
                b.load(FileType.PACK, name, i * 100, 100);
            }
            assertEquals(10, proxy.requests() - before);
        }
    }

    @Test
    void memoryIsBoundedAndThrashingStops() {
        PackCache c = new PackCache(1000);
        for (int i = 0; i < PackCache.RANGES_BEFORE_WHOLE; i++) {
            assertFalse(c.wantWhole("a"));
        }
        assertTrue(c.wantWhole("a"));
        c.put("a", new byte[200]);
        c.put("b", new byte[200]);
        c.put("big", new byte[251]); // over a quarter of the bound: never kept
        assertNull(c.get("big"));
        c.get("a"); // a is now the most recently used
        c.put("c", new byte[200]);
        c.put("d", new byte[200]);
        c.put("e", new byte[200]); // 1000 bytes held: nothing evicted yet
        assertEquals(1000, c.bytes());
        c.put("f", new byte[200]); // b, the least recently used, goes
        assertNull(c.get("b"));
        assertTrue(c.get("a") != null);
        assertEquals(1000, c.bytes());
        // A pack fetched whole twice is not fetched whole a third time.
        PackCache t = new PackCache(1000);
        int wholes = 0;
        for (int i = 0; i < 50; i++) {
            if (t.wantWhole("x")) {
                wholes++;
            }
        }
        assertEquals(2, wholes);
        c.remove("a");
        assertNull(c.get("a"));
        assertEquals(800, c.bytes());
        assertFalse(new PackCache(0).wantWhole("x"), "0 turns it off");
    }
}
