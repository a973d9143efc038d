package org.hygie.backend.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.hygie.repository.backend.FileType;
import org.junit.jupiter.api.Test;

/** restic 0.14's location syntax (internal/backend/s3/config.go) and default layout. */
class S3LocationTest {
    private static final String ID = "ab" + "0".repeat(62);

    @Test
    void urlsGiveSchemeHostPortBucketAndPrefix() {
        S3Location l = S3Location.parse("s3:http://127.0.0.1:9000/sauvegardes/cabinet/medecin");
        assertEquals(URI.create("http://127.0.0.1:9000"), l.endpoint());
        assertEquals("sauvegardes", l.bucket());
        assertEquals("cabinet/medecin", l.prefix());
        assertTrue(l.plainHttp());

        S3Location s = S3Location.parse("s3:https://s3.fr-par.scw.cloud/bucket");
        assertEquals(URI.create("https://s3.fr-par.scw.cloud"), s.endpoint());
        assertEquals("", s.prefix());
        assertFalse(s.plainHttp());
    }

    @Test
    void hostWithoutSchemeMeansHttps() {
        for (String loc : new String[] {"s3:s3.amazonaws.com/bucket/restic", "s3://s3.amazonaws.com/bucket/restic"}) {
            S3Location l = S3Location.parse(loc);
            assertEquals(URI.create("https://s3.amazonaws.com"), l.endpoint(), loc);
            assertEquals("bucket", l.bucket());
            assertEquals("restic", l.prefix());
        }
        assertEquals(URI.create("https://minio.local:9000"), S3Location.parse("s3:minio.local:9000/bucket").endpoint());
    }

    @Test
    void prefixIsCleanedAsGoPathCleanDoes() {
        assertEquals("a/b", S3Location.parse("s3:http://h/bucket/a//b/").prefix());
        assertEquals("a/b", S3Location.parse("s3:http://h/bucket/./a/b").prefix());
        assertEquals("", S3Location.parse("s3:http://h/bucket/").prefix());
    }

    @Test
    void keysFollowTheDefaultLayout() {
        S3Location l = S3Location.parse("s3:http://h/bucket/p/q");
        assertEquals("p/q/config", l.key(FileType.CONFIG, null));
        assertEquals("p/q/data/ab/" + ID, l.key(FileType.PACK, ID));
        assertEquals("p/q/keys/" + ID, l.key(FileType.KEY, ID));
        assertEquals("p/q/locks/" + ID, l.key(FileType.LOCK, ID));
        assertEquals("p/q/snapshots/" + ID, l.key(FileType.SNAPSHOT, ID));
        assertEquals("p/q/index/" + ID, l.key(FileType.INDEX, ID));
        assertEquals("p/q/data/", l.folder(FileType.PACK));
        S3Location root = S3Location.parse("s3:http://h/bucket");
        assertEquals("config", root.key(FileType.CONFIG, null));
        assertEquals("data/ab/" + ID, root.key(FileType.PACK, ID));
        assertEquals("index/", root.folder(FileType.INDEX));
    }

    @Test
    void malformedLocationsSayWhatIsWrong() {
        assertMessage("no bucket", "s3:http://127.0.0.1:9000");
        assertMessage("no bucket", "s3:http://127.0.0.1:9000/");
        assertMessage("no bucket", "s3:host");
        assertMessage("no host", "s3:/bucket");
        assertMessage("must not hold credentials", "s3:http://user:secret@127.0.0.1/bucket");
        assertMessage("must not hold credentials", "s3:key:secret@host/bucket");
        assertMessage("'..'", "s3:http://h/bucket/a/../b");
        assertMessage("not an S3 location", "sftp:host:/x");
        assertMessage("not a valid S3 bucket name", "s3:http://h/nc/prefix");
        assertMessage("not a valid S3 bucket name", "s3:http://h/Majuscules/prefix");
        assertMessage("not a valid S3 bucket name", "s3:http://h/under_score");
        assertMessage("not a valid S3 bucket name", "s3:http://h/a..b");
        assertMessage("port 99999 out of range", "s3:http://127.0.0.1:99999/bucket");
        assertMessage("port 0 out of range", "s3:host:0/bucket");
    }

    private static void assertMessage(String part, String location) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> S3Location.parse(location),
                location);
        assertTrue(e.getMessage().contains(part), location + ": " + e.getMessage());
        assertFalse(e.getMessage().contains("secret"), "no secret in messages: " + e.getMessage());
    }
}
