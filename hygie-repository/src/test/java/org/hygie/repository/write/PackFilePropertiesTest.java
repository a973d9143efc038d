package org.hygie.repository.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hygie.repository.compress.ZstdCodec;
import org.hygie.repository.crypto.CryptoKey;
import org.hygie.repository.id.Id;
import org.hygie.repository.pack.BlobType;
import org.hygie.repository.pack.PackEntry;
import org.hygie.repository.pack.PackReader;

/** Any blobs, encoded in any mode and assembled into a pack, come back from the pack's own header. */
class PackFilePropertiesTest {
    private static final CryptoKey KEY = CryptoKey.random();

    record Spec(int length, boolean text, long seed) {
        byte[] plain() {
            return text ? TestBlobs.text(seed, length) : TestBlobs.random(seed, length);
        }
    }

    @Provide
    Arbitrary<List<Spec>> blobs() {
        Arbitrary<Spec> one = Combinators.combine(
                Arbitraries.integers().between(0, 70_000).edgeCases(c -> c.add(0).add(1)),
                Arbitraries.of(true, false), Arbitraries.longs())
                .as(Spec::new);
        return one.list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 60)
    void headerAndBlobsDecodeToWhatWentIn(@ForAll("blobs") List<Spec> specs, @ForAll BlobType type,
            @ForAll Compression compression, @ForAll boolean v2) throws Exception {
        BlobEncoder encoder = new BlobEncoder(KEY, v2, compression, true, new WriterCounters());
        OpenPack pack = new OpenPack(type, new PackBuffers(1 << 20, 1));
        List<byte[]> plains = new ArrayList<>();
        for (Spec s : specs) {
            byte[] plain = s.plain();
            plains.add(plain);
            EncodedBlob b = encoder.encode(type, Id.hash(plain), plain);
            pack.add(b, b.storedLength()); // copies: the encoder reuses its buffers for the next blob
        }
        PackFile file = PackFile.assemble(pack, KEY);
        byte[] bytes = Arrays.copyOf(file.buffer(), file.length());
        assertEquals(Id.hash(bytes), file.id());
        List<PackEntry> header = PackReader.readHeader(KEY, bytes, v2);
        assertEquals(file.entries(), header);
        long expectedSize = CryptoKey.OVERHEAD + 4;
        for (int i = 0; i < header.size(); i++) {
            PackEntry e = header.get(i);
            byte[] plain = plains.get(i);
            expectedSize += e.length() + e.headerSize();
            assertEquals(type, e.type());
            assertEquals(Id.hash(plain), e.id());
            if (plain.length == 0 || !v2) {
                assertEquals(0, e.uncompressedLength(), "never compressed: empty, or version 1");
            }
            if (e.compressed()) {
                assertEquals(plain.length, e.uncompressedLength());
            }
            byte[] payload = KEY.decrypt(bytes, (int) e.offset(), e.length());
            byte[] back = e.compressed() ? ZstdCodec.decompress(payload, 0, payload.length, e.uncompressedLength())
                    : payload;
            assertArrayEquals(plain, back);
        }
        assertEquals(expectedSize, bytes.length);
    }
}
