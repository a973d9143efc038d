package org.hygie.repository.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.hygie.repository.id.Id;
import org.junit.jupiter.api.Test;

class PackHeaderTest {

    @Property(tries = 100)
    void encodeDecodeRoundTrip(@ForAll @IntRange(min = 0, max = 50) int count, @ForAll long seed) throws Exception {
        java.util.Random rnd = new java.util.Random(seed);
        List<PackEntry> entries = new ArrayList<>();
        long offset = 0;
        for (int i = 0; i < count; i++) {
            byte[] id = new byte[32];
            rnd.nextBytes(id);
            int len = 33 + rnd.nextInt(1 << 20);
            int unc = rnd.nextBoolean() ? 0 : 1 + rnd.nextInt(1 << 22);
            entries.add(new PackEntry(rnd.nextBoolean() ? BlobType.DATA : BlobType.TREE, Id.of(id), offset, len, unc));
            offset += len;
        }
        byte[] plain = PackHeader.encode(entries);
        assertEquals(entries.stream().mapToInt(PackEntry::headerSize).sum(), plain.length);
        assertEquals(entries, PackHeader.decode(plain, true));
    }

    @Test
    void entrySizesAre37And41() {
        Id id = Id.hash(new byte[0]);
        assertEquals(37, PackHeader.encode(List.of(new PackEntry(BlobType.DATA, id, 0, 40, 0))).length);
        assertEquals(41, PackHeader.encode(List.of(new PackEntry(BlobType.TREE, id, 0, 40, 9))).length);
    }

    @Test
    void compressedEntriesAreRefusedInVersion1() {
        byte[] plain = PackHeader.encode(List.of(new PackEntry(BlobType.DATA, Id.hash(new byte[0]), 0, 40, 9)));
        assertThrows(PackFormatException.class, () -> PackHeader.decode(plain, false));
    }

    @Test
    void truncatedOrUnknownTypeIsAnError() {
        byte[] plain = PackHeader.encode(List.of(new PackEntry(BlobType.DATA, Id.hash(new byte[0]), 0, 40, 0)));
        assertThrows(PackFormatException.class, () -> PackHeader.decode(java.util.Arrays.copyOf(plain, 36), true));
        plain[0] = 7;
        assertThrows(PackFormatException.class, () -> PackHeader.decode(plain, true));
    }
}
