package org.hygie.repository.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hygie.repository.id.Id;
import org.hygie.repository.pack.BlobType;
import org.hygie.repository.pack.PackEntry;
import org.junit.jupiter.api.Test;

class BlobIndexTest {

    private static Id randomId(Random rnd) {
        byte[] b = new byte[32];
        rnd.nextBytes(b);
        return Id.of(b);
    }

    @Test
    void findsEveryBlobAddedAndNothingElse() {
        Random rnd = new Random(1);
        BlobIndex idx = new BlobIndex();
        List<PackEntry> all = new ArrayList<>();
        List<Id> packs = new ArrayList<>();
        for (int p = 0; p < 300; p++) {
            Id pack = randomId(rnd);
            List<PackEntry> entries = new ArrayList<>();
            long off = 0;
            for (int i = 0; i < 100; i++) {
                int len = 100 + rnd.nextInt(10000);
                entries.add(new PackEntry(i % 3 == 0 ? BlobType.TREE : BlobType.DATA, randomId(rnd), off, len,
                        rnd.nextInt(3) == 0 ? 0 : len * 2));
                off += len;
                packs.add(pack);
            }
            assertEquals(100, idx.addPack(pack, entries));
            all.addAll(entries);
        }
        idx.trimToSize();
        assertEquals(30000, idx.size());
        for (int i = 0; i < all.size(); i++) {
            PackEntry e = all.get(i);
            BlobLocation loc = idx.lookup(e.type(), e.id());
            assertEquals(packs.get(i), loc.pack());
            assertEquals(e.offset(), loc.offset());
            assertEquals(e.length(), loc.length());
            assertEquals(e.uncompressedLength(), loc.uncompressedLength());
            // the same id under the other type is another blob
            assertNull(idx.lookup(e.type() == BlobType.DATA ? BlobType.TREE : BlobType.DATA, e.id()));
        }
        assertNull(idx.lookup(BlobType.DATA, randomId(rnd)));
    }

    @Test
    void duplicatesKeepTheFirstLocation() {
        Random rnd = new Random(2);
        Id blob = randomId(rnd);
        Id p1 = randomId(rnd);
        Id p2 = randomId(rnd);
        BlobIndex idx = new BlobIndex();
        idx.addPack(p1, List.of(new PackEntry(BlobType.DATA, blob, 0, 50, 0)));
        assertEquals(0, idx.addPack(p2, List.of(new PackEntry(BlobType.DATA, blob, 10, 60, 0))));
        assertEquals(p1, idx.lookup(BlobType.DATA, blob).pack());
    }

    @Test
    void staysUnder64BytesPerBlob() {
        Random rnd = new Random(3);
        for (int n : new int[] {1000, 100_000, 1_000_000}) {
            BlobIndex idx = new BlobIndex();
            Id pack = randomId(rnd);
            List<PackEntry> entries = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                entries.add(new PackEntry(BlobType.DATA, randomId(rnd), 0, 100, 0));
            }
            idx.addPack(pack, entries);
            idx.trimToSize();
            double perBlob = (double) idx.memoryBytes() / n;
            assertTrue(perBlob <= 64, n + " blobs take " + perBlob + " bytes each");
        }
    }
}
