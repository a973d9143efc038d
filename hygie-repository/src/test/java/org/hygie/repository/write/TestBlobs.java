package org.hygie.repository.write;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.hygie.repository.id.Id;
import org.hygie.repository.pack.BlobType;

/** Deterministic blobs for the writer tests: random (incompressible) or text-like (compressible). */
final class TestBlobs {
    private static final String[] WORDS = ("patient dossier ordonnance radiologie consultation cabinet médecin "
            + "rendez-vous facture tiers-payant vaccin analyse courrier compte-rendu {\"nodes\":[ \"name\": 0644 ")
            .split(" ");

    private TestBlobs() {
    }

    /** One blob to save: its type, id and plaintext. */
    record Blob(BlobType type, Id id, byte[] plain) {
        static Blob of(BlobType type, byte[] plain) {
            return new Blob(type, Id.hash(plain), plain);
        }
    }

    static byte[] random(long seed, int length) {
        byte[] b = new byte[length];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    /** Text made of a few words and numbers: zstd shrinks it several times. */
    static byte[] text(long seed, int length) {
        SplittableRandom rnd = new SplittableRandom(seed);
        byte[] out = new byte[length];
        int pos = 0;
        while (pos < length) {
            String w = rnd.nextInt(4) == 0 ? Integer.toString(rnd.nextInt(100_000)) : WORDS[rnd.nextInt(WORDS.length)];
            byte[] b = (w + ' ').getBytes(StandardCharsets.UTF_8);
            int n = Math.min(b.length, length - pos);
            System.arraycopy(b, 0, out, pos, n);
            pos += n;
        }
        return out;
    }

    /** A blob of {@code length} bytes, compressible or not, as the seed decides. */
    static byte[] mixed(long seed, int length) {
        return (seed & 1) == 0 ? random(seed, length) : text(seed, length);
    }
}
