package org.hygie.audit.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The end-of-support table shipped as {@code eol.json}, with the date its data was taken. */
public final class EolTable {
    private final LocalDate dataDate;
    private final List<EolRelease> releases;

    public EolTable(LocalDate dataDate, List<EolRelease> releases) {
        this.dataDate = dataDate;
        this.releases = List.copyOf(releases);
    }

    public static EolTable builtIn() {
        try (InputStream in = EolTable.class.getResourceAsStream("/org/hygie/audit/support/eol.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<EolRelease> list = new ArrayList<>();
            for (JsonNode r : root.path("releases")) {
                list.add(new EolRelease(r.path("product").asText(), r.path("cycle").asText(), date(r.get("eol")),
                        date(r.get("extended"))));
            }
            return new EolTable(LocalDate.parse(root.path("data_date").asText()), list);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the end-of-support table", e instanceof IOException io
                    ? new UncheckedIOException(io) : e);
        }
    }

    private static LocalDate date(JsonNode n) {
        return n == null || n.isNull() ? null : LocalDate.parse(n.asText());
    }

    public LocalDate dataDate() {
        return dataDate;
    }

    public Optional<EolRelease> find(String product, String cycle) {
        return releases.stream().filter(r -> r.product().equals(product) && r.cycle().equals(cycle)).findFirst();
    }
}
