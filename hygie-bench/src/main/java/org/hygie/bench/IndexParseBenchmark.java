package org.hygie.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.hygie.repository.id.Id;
import org.hygie.repository.index.IndexFiles;
import org.hygie.repository.index.IndexJson;
import org.hygie.repository.json.Json;
import org.hygie.repository.pack.BlobType;
import org.hygie.repository.pack.PackEntry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading one index file as every command does at its start, in a fresh JVM: single-shot time of the first call
 * (no warm-up), one measurement per fork, many forks. {@code streaming} is {@link IndexFiles#parse} (Jackson's
 * streaming parser); {@code dataBinding} is how Hygie read indexes before (data binding into the {@link IndexJson}
 * records, then the same entries), kept here as the baseline. The JSON is made by {@link IndexFiles#encode}:
 * {@code blobs} blobs, 30 a pack. Run with {@code java -jar hygie-bench/target/benchmarks.jar IndexParse}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 10, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xms64m", "-Xmx1g"})
public class IndexParseBenchmark {
    @Param({"2000", "100000"})
    public int blobs;

    private byte[] json;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        Random r = new Random(1);
        List<IndexFiles.PackRecord> packs = new ArrayList<>();
        for (int p = 0; p < blobs / 30; p++) {
            List<PackEntry> entries = new ArrayList<>();
            long offset = 0;
            for (int i = 0; i < 30; i++) {
                int length = 100_000 + r.nextInt(900_000);
                entries.add(new PackEntry(i % 10 == 0 ? BlobType.TREE : BlobType.DATA, id(r), offset, length,
                        2 * length));
                offset += length;
            }
            packs.add(new IndexFiles.PackRecord(id(r), entries));
        }
        json = IndexFiles.encode(packs);
        // What a command has done before it reads the index: Jackson loaded and used on a small document.
        Json.MAPPER.readTree("{\"version\":2}");
    }

    private static Id id(Random r) {
        byte[] b = new byte[32];
        r.nextBytes(b);
        return Id.of(b);
    }

    @Benchmark
    public List<IndexFiles.PackRecord> streaming() throws IOException {
        return IndexFiles.parse(json);
    }

    @Benchmark
    public List<IndexFiles.PackRecord> dataBinding() throws IOException {
        List<IndexJson.Pack> packs = json[0] == '['
                ? Json.MAPPER.readValue(json, new TypeReference<List<IndexJson.Pack>>() { })
                : Json.read(json, IndexJson.class).packs();
        List<IndexFiles.PackRecord> out = new ArrayList<>(packs.size());
        for (IndexJson.Pack p : packs) {
            List<PackEntry> entries = new ArrayList<>(p.blobs().size());
            for (IndexJson.Blob b : p.blobs()) {
                entries.add(new PackEntry(BlobType.fromJson(b.type()), Id.parse(b.id()), b.offset(), (int) b.length(),
                        (int) b.uncompressedLength()));
            }
            out.add(new IndexFiles.PackRecord(Id.parse(p.id()), entries));
        }
        return out;
    }
}
