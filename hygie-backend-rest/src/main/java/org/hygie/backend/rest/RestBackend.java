package org.hygie.backend.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.EOFException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.backend.FileInfo;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.backend.Locations;
import org.hygie.repository.id.Id;
import org.hygie.repository.json.Json;

/**
 * A repository on a server speaking restic's REST protocol (rest-server, {@code rclone serve restic}), version 2
 * (listings with sizes) with a fallback to version 1. The server stores each upload whole or not at all and answers
 * only then, so no partial file is visible; some servers (rclone) replace an existing file, so a save first asks
 * whether the name is taken. Append-only servers answer 403 to deletions: {@link #deletionAllowed()} finds out
 * by deleting a snapshot name that does not exist.
 */
public final class RestBackend implements Backend {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String location;
    private final RestLocation where;
    private final RestHttp http;

    public RestBackend(String location, RestLocation where, RestSettings settings) {
        this.location = Locations.redact(location);
        this.where = where;
        this.http = new RestHttp(where, settings);
    }

    /** The location as the user wrote it, password masked: it goes into messages. */
    @Override
    public String location() {
        return location;
    }

    private static String relative(FileType type, String name) {
        if (type == FileType.CONFIG) {
            return "config";
        }
        if (!Id.isValid(name)) {
            throw new IllegalArgumentException("not a repository file name: " + name);
        }
        return type.folder() + "/" + name;
    }

    private URI uri(FileType type, String name) {
        return where.resolve(relative(type, name));
    }

    private String shown(FileType type, String name) {
        return where.display() + relative(type, name);
    }

    @Override
    public void create() throws IOException {
        if (exists(FileType.CONFIG, null)) {
            throw new FileAlreadyExistsException(shown(FileType.CONFIG, null), null, "a repository already exists here");
        }
        HttpRequest req = http.request(where.resolve("?create=true")).POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<byte[]> r = http.send(req, 0, "create the repository");
        if (r.statusCode() != 200) {
            throw RestErrors.of("create", where.display(), r);
        }
    }

    @Override
    public boolean exists(FileType type, String name) throws IOException {
        return head(type, name).isPresent();
    }

    private OptionalLong head(FileType type, String name) throws IOException {
        HttpRequest req = http.request(uri(type, name)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<byte[]> r = http.send(req, 0, "stat " + relative(type, name));
        if (r.statusCode() == 404) {
            return OptionalLong.empty();
        }
        if (r.statusCode() != 200) {
            throw RestErrors.of("stat", shown(type, name), r);
        }
        return OptionalLong.of(r.headers().firstValueAsLong("Content-Length").orElse(-1));
    }

    @Override
    public List<FileInfo> list(FileType type) throws IOException {
        List<FileInfo> out = new ArrayList<>();
        if (type == FileType.CONFIG) {
            OptionalLong size = head(type, null);
            if (size.isPresent()) {
                out.add(new FileInfo("config", size.getAsLong()));
            }
            return out;
        }
        HttpRequest req = http.request(where.resolve(type.folder() + "/")).GET().build();
        HttpResponse<byte[]> r = http.send(req, 0, "list " + type.folder());
        if (r.statusCode() == 404) {
            return out; // no such folder yet: nothing stored of that type
        }
        if (r.statusCode() != 200) {
            throw RestErrors.of("list", where.display() + type.folder() + "/", r);
        }
        JsonNode items = Json.MAPPER.readTree(r.body());
        if (items == null || !items.isArray()) {
            throw new IOException("list " + where.display() + type.folder() + "/: the server's answer is not a list");
        }
        boolean v2 = r.headers().firstValue("Content-Type").map(RestHttp.V2::equals).orElse(false);
        for (JsonNode item : items) {
            String name = v2 ? item.path("name").asText(null) : item.asText(null);
            if (name == null || !Id.isValid(name)) {
                continue;
            }
            long size = v2 ? item.path("size").asLong(-1) : head(type, name).orElse(-1);
            if (size >= 0) {
                out.add(new FileInfo(name, size));
            }
        }
        return out;
    }

    @Override
    public byte[] load(FileType type, String name) throws IOException {
        HttpRequest req = http.request(uri(type, name)).GET().build();
        HttpResponse<byte[]> r = http.send(req, 128L << 20, "read " + relative(type, name));
        if (r.statusCode() != 200) {
            throw RestErrors.of("read", shown(type, name), r);
        }
        return r.body();
    }

    @Override
    public byte[] load(FileType type, String name, long offset, int length) throws IOException {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("negative offset or length");
        }
        if (length == 0) {
            size(type, name); // still a NoSuchFileException for a missing file
            return new byte[0];
        }
        HttpRequest req = http.request(uri(type, name))
                .header("Range", "bytes=" + offset + "-" + (offset + length - 1)).GET().build();
        HttpResponse<byte[]> r = http.send(req, length, "read " + relative(type, name));
        byte[] body;
        if (r.statusCode() == 206) {
            body = r.body();
        } else if (r.statusCode() == 200) { // a server that ignores ranges sends the whole file
            byte[] all = r.body();
            body = offset >= all.length ? new byte[0]
                    : Arrays.copyOfRange(all, (int) offset, (int) Math.min(all.length, offset + length));
        } else if (r.statusCode() == 416) {
            body = new byte[0];
        } else {
            throw RestErrors.of("read", shown(type, name), r);
        }
        if (body.length < length) {
            throw new EOFException(shown(type, name) + ": " + length + " bytes at " + offset
                    + " asked, the file is shorter");
        }
        return body.length == length ? body : Arrays.copyOf(body, length);
    }

    @Override
    public long size(FileType type, String name) throws IOException {
        OptionalLong size = head(type, name);
        if (size.isEmpty()) {
            throw new java.nio.file.NoSuchFileException(shown(type, name));
        }
        if (size.getAsLong() < 0) {
            throw new IOException("stat " + shown(type, name) + ": the server gave no size");
        }
        return size.getAsLong();
    }

    @Override
    public void save(FileType type, String name, byte[] data, int length) throws IOException {
        java.util.Objects.checkFromIndexSize(0, length, data.length);
        if (exists(type, name)) {
            throw new FileAlreadyExistsException(shown(type, name));
        }
        HttpRequest req = http.request(uri(type, name)).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(data, 0, length)).build();
        HttpResponse<byte[]> r = http.send(req, length, "write " + relative(type, name));
        if (r.statusCode() == 200) {
            return;
        }
        if (r.statusCode() == 403 && exists(type, name)) {
            throw new FileAlreadyExistsException(shown(type, name)); // rest-server never overwrites
        }
        throw RestErrors.of("write", shown(type, name), r);
    }

    @Override
    public void delete(FileType type, String name) throws IOException {
        HttpRequest req = http.request(uri(type, name)).DELETE().build();
        HttpResponse<byte[]> r = http.send(req, 0, "delete " + relative(type, name));
        if (r.statusCode() == 200 || r.statusCode() == 404) {
            return;
        }
        if (r.statusCode() == 403) {
            throw new AccessDeniedException(shown(type, name), null,
                    "the server refuses deletion (403): it is append-only");
        }
        throw RestErrors.of("delete", shown(type, name), r);
    }

    /** Deletes a snapshot name nobody uses: an append-only server says 403, others 404 or 200. */
    @Override
    public boolean deletionAllowed() throws IOException {
        byte[] rnd = new byte[32];
        RANDOM.nextBytes(rnd);
        String name = HexFormat.of().formatHex(rnd);
        HttpRequest req = http.request(uri(FileType.SNAPSHOT, name)).DELETE().build();
        HttpResponse<byte[]> r = http.send(req, 0, "probe deletion");
        return switch (r.statusCode()) {
            case 200, 404 -> true;
            case 403 -> false;
            default -> throw RestErrors.of("probe deletion on", shown(FileType.SNAPSHOT, name), r);
        };
    }

    @Override
    public boolean overNetwork() {
        return true;
    }
}
