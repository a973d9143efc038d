package org.hygie.backend.sftp;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import org.apache.sshd.sftp.client.RawSftpClient;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClient.Attributes;
import org.apache.sshd.sftp.client.SftpClient.CloseableHandle;
import org.apache.sshd.sftp.client.SftpClient.OpenMode;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHFsyncExtension;
import org.apache.sshd.sftp.client.impl.AbstractSftpClient;
import org.apache.sshd.sftp.client.impl.SftpInputStreamAsync;
import org.apache.sshd.sftp.client.impl.SftpOutputStreamAsync;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.hygie.backend.sftp.PipelinedRequests.Entry;
import org.hygie.repository.backend.Backend;
import org.hygie.repository.backend.FileInfo;
import org.hygie.repository.backend.FileType;
import org.hygie.repository.concurrent.Parallel;
import org.hygie.repository.id.Id;

/**
 * A repository on an SSH server, in restic's default layout ({@code data/xx/} subfolders), as restic's sftp backend
 * writes it: each file goes to a temporary name beside its target, is synced, then renamed (a rename that never
 * replaces an existing file), so no partial file is ever visible under its final name. Folders 0700, files 0600
 * while written, 0400 once in place (best effort: some servers ignore modes).
 */
public final class SftpBackend implements Backend {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int DIR_MODE = 0700;
    private static final int WRITING_MODE = 0600;
    private static final int FILE_MODE = 0400;
    /**
     * Bytes per SFTP read request, several in flight: fewer, larger requests than one per SSH packet (32 KiB)
     * cost fewer thread hand-offs; OpenSSH's server takes up to 255 KiB, others cut reads short, which the streams
     * handle. Writes are as large as the server says it takes ({@link SftpConnection#writeRequestSize}), this size
     * for a server that does not say.
     */
    private static final int REQUEST_SIZE = 128 * 1024;
    /** Folder listings in flight at once on one channel, see {@link #listAll}. */
    private static final int LISTINGS_PER_CHANNEL = 8;

    private final String location;
    private final SftpLocation where;
    private final SftpConnection connection;

    SftpBackend(String location, SftpLocation where, SftpConnection connection) {
        this.location = location;
        this.where = where;
        this.connection = connection;
    }

    /** Connects to the server of {@code where} (host key checked, login done) and returns the backend. */
    public static SftpBackend open(String location, SftpLocation where, SftpSettings settings) throws IOException {
        return new SftpBackend(location, where, new SftpConnection(where, settings));
    }

    /** The connection, for the package's tests of its socket. */
    SftpConnection connection() {
        return connection;
    }

    @Override
    public String location() {
        return location;
    }

    private String root() {
        return where.path();
    }

    private String folder(FileType type) {
        return root() + "/" + type.folder();
    }

    private String path(FileType type, String name) {
        if (type == FileType.CONFIG) {
            return root() + "/config";
        }
        if (!Id.isValid(name)) {
            throw new IllegalArgumentException("not a repository file name: " + name);
        }
        if (type == FileType.PACK) {
            return folder(type) + "/" + name.substring(0, 2) + "/" + name;
        }
        return folder(type) + "/" + name;
    }

    private String shown(String path) {
        return where.display().substring(0, where.display().length() - where.path().length()) + path;
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? (slash == 0 ? "/" : ".") : path.substring(0, slash);
    }

    @Override
    public void create() throws IOException {
        if (exists(FileType.CONFIG, null)) {
            throw new FileAlreadyExistsException(shown(path(FileType.CONFIG, null)), null,
                    "a repository already exists here");
        }
        connection.call(sftp -> {
            mkdirs(sftp, root());
            for (FileType t : FileType.values()) {
                if (t != FileType.CONFIG) {
                    mkdir(sftp, folder(t));
                }
            }
            HexFormat hex = HexFormat.of();
            for (int i = 0; i < 256; i++) {
                mkdir(sftp, folder(FileType.PACK) + "/" + hex.toHexDigits((byte) i));
            }
            return null;
        });
    }

    private void mkdirs(SftpClient sftp, String dir) throws IOException {
        if (isDirectory(sftp, dir)) {
            return;
        }
        String parent = parent(dir);
        if (!parent.equals(dir) && !parent.equals("/") && !parent.equals(".")) {
            mkdirs(sftp, parent);
        }
        mkdir(sftp, dir);
    }

    private void mkdir(SftpClient sftp, String dir) throws IOException {
        try {
            sftp.mkdir(dir);
        } catch (SftpException e) {
            if (isDirectory(sftp, dir)) {
                return; // made meanwhile, or was there
            }
            throw SftpErrors.map(e, shown(dir));
        }
        try {
            sftp.setStat(dir, new Attributes().perms(DIR_MODE));
        } catch (SftpException e) {
            return; // modes are best effort: some servers (Windows, some NAS) refuse them
        }
    }

    private static boolean isDirectory(SftpClient sftp, String dir) throws IOException {
        try {
            return sftp.stat(dir).isDirectory();
        } catch (SftpException e) {
            if (SftpErrors.isMissing(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean exists(FileType type, String name) throws IOException {
        String p = path(type, name);
        return connection.call(sftp -> {
            try {
                sftp.stat(p);
                return true;
            } catch (SftpException e) {
                if (SftpErrors.isMissing(e)) {
                    return false;
                }
                throw SftpErrors.map(e, shown(p));
            }
        });
    }

    @Override
    public List<FileInfo> list(FileType type) throws IOException {
        if (type == FileType.CONFIG) {
            List<FileInfo> out = new ArrayList<>();
            if (exists(type, null)) {
                out.add(new FileInfo("config", size(type, null)));
            }
            return out;
        }
        String dir = folder(type);
        List<Entry> entries = connection.call(sftp -> entries(sftp, dir));
        List<FileInfo> out = new ArrayList<>();
        if (type != FileType.PACK) {
            addFiles(entries, out);
            return out;
        }
        List<String> subdirs = new ArrayList<>();
        for (Entry sub : entries) {
            if (sub.directory() && sub.name().length() == 2) {
                subdirs.add(dir + "/" + sub.name());
            }
        }
        for (List<Entry> inSub : listAll(subdirs)) {
            addFiles(inSub, out);
        }
        return out;
    }

    /**
     * The entries of every folder, in order. {@code data/} has 256 folders, and each listing is three or four round
     * trips (open, read until the end, close): one after the other that is 0.5 s on loopback and 30 s from a server
     * 30 ms away. They are spread over all the connection's channels, and each channel carries {@link
     * #LISTINGS_PER_CHANNEL} of them at once (MINA's client matches answers to requests by their id and serialises
     * its writes, so one channel takes requests from several threads; the server answers them in turn).
     */
    private List<List<Entry>> listAll(List<String> dirs) throws IOException {
        int channels = Math.max(1, Math.min(connection.channels(), dirs.size()));
        List<List<String>> slices = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            slices.add(new ArrayList<>());
        }
        for (int i = 0; i < dirs.size(); i++) {
            slices.get(i % channels).add(dirs.get(i));
        }
        List<List<List<Entry>>> bySlice = Parallel.map(slices, channels, "hygie-sftp-list",
                slice -> connection.call(sftp -> Parallel.map(slice, LISTINGS_PER_CHANNEL, "hygie-sftp-dir",
                        d -> entries(sftp, d))));
        List<List<Entry>> out = new ArrayList<>(dirs.size());
        for (int i = 0; i < dirs.size(); i++) {
            out.add(bySlice.get(i % channels).get(i / channels));
        }
        return out;
    }

    /**
     * The entries of a folder, none when it does not exist: the folder is opened, then read with two requests in
     * flight (the server answers with up to ~100 entries each, and with "end" after the last), then closed.
     */
    private List<Entry> entries(SftpClient sftp, String dir) throws IOException {
        RawSftpClient raw = (RawSftpClient) sftp;
        CloseableHandle h;
        try {
            h = sftp.openDir(dir);
        } catch (SftpException e) {
            if (SftpErrors.isMissing(e)) {
                return List.of();
            }
            throw SftpErrors.map(e, shown(dir));
        }
        boolean closeSent = false;
        try {
            List<Entry> out = new ArrayList<>();
            int next = PipelinedRequests.sendReadDir(raw, h);
            int after = PipelinedRequests.sendReadDir(raw, h);
            for (List<Entry> got = PipelinedRequests.awaitEntries(raw, next); got != null;
                    got = PipelinedRequests.awaitEntries(raw, next)) {
                out.addAll(got);
                next = after;
                after = PipelinedRequests.sendReadDir(raw, h);
            }
            awaitQuietly(raw, SftpConstants.SSH_FXP_READDIR, after); // sent past the end: "end" again
            closeSent = true;
            PipelinedRequests.awaitStatus(raw, SftpConstants.SSH_FXP_CLOSE, PipelinedRequests.sendClose(raw, h));
            return out;
        } catch (SftpException e) {
            throw SftpErrors.map(e, shown(dir));
        } finally {
            if (!closeSent) {
                closeQuietly(h);
            }
        }
    }

    private static void addFiles(List<Entry> entries, List<FileInfo> out) {
        for (Entry e : entries) {
            if (Id.isValid(e.name()) && e.regularFile()) {
                out.add(new FileInfo(e.name(), e.size()));
            }
        }
    }

    /**
     * The whole file. Its size, its first {@link #REQUEST_SIZE} bytes and the close go together once it is open: a
     * config, a key, a lock and most snapshots and index files take two round trips. The rest of a larger file (a pack
     * of trees fetched whole) is then read from where that read stopped.
     */
    @Override
    public byte[] load(FileType type, String name) throws IOException {
        String p = path(type, name);
        return connection.call(sftp -> {
            try {
                RawSftpClient raw = (RawSftpClient) sftp;
                CloseableHandle h = sftp.open(p, OpenMode.Read);
                int stat = PipelinedRequests.sendStat(raw, h);
                int read = PipelinedRequests.sendRead(raw, h, 0, REQUEST_SIZE);
                int close = PipelinedRequests.sendClose(raw, h);
                long size;
                byte[] head;
                try {
                    size = PipelinedRequests.awaitSize(raw, stat);
                    head = PipelinedRequests.awaitData(raw, read);
                } finally {
                    awaitQuietly(raw, SftpConstants.SSH_FXP_CLOSE, close); // opened for reading: nothing to lose
                }
                if (head.length == size) {
                    return head;
                }
                if (head.length > size || size > Integer.MAX_VALUE - 8) {
                    throw new IOException(shown(p) + ": " + size + " bytes said, " + head.length
                            + " read at its start (the file changed while read, or it is too large)");
                }
                byte[] all = Arrays.copyOf(head, (int) size);
                byte[] rest = readRange(sftp, p, head.length, all.length - head.length);
                System.arraycopy(rest, 0, all, head.length, rest.length);
                return all;
            } catch (SftpException e) {
                throw SftpErrors.map(e, shown(p));
            }
        });
    }

    @Override
    public byte[] load(FileType type, String name, long offset, int length) throws IOException {
        String p = path(type, name);
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("negative offset or length");
        }
        return connection.call(sftp -> {
            try {
                return readRange(sftp, p, offset, length);
            } catch (SftpException e) {
                throw SftpErrors.map(e, shown(p));
            }
        });
    }

    /** {@code length} bytes at {@code offset}, several read requests in flight; a shorter file is an EOFException. */
    private byte[] readRange(SftpClient sftp, String p, long offset, int length) throws IOException {
        try (CloseableHandle h = sftp.open(p, OpenMode.Read)) {
            byte[] buf;
            try (InputStream in = new SftpInputStreamAsync((AbstractSftpClient) sftp, REQUEST_SIZE, offset,
                    offset + length, p, h, false)) {
                buf = in.readNBytes(length);
            }
            if (buf.length < length) {
                throw new EOFException(shown(p) + ": " + length + " bytes at " + offset
                        + " asked, the file is shorter");
            }
            return buf;
        }
    }

    @Override
    public long size(FileType type, String name) throws IOException {
        String p = path(type, name);
        return connection.call(sftp -> {
            try {
                return sftp.stat(p).getSize();
            } catch (SftpException e) {
                throw SftpErrors.map(e, shown(p));
            }
        });
    }

    @Override
    public void save(FileType type, String name, byte[] data, int length) throws IOException {
        java.util.Objects.checkFromIndexSize(0, length, data.length);
        String target = path(type, name);
        byte[] rnd = new byte[6];
        RANDOM.nextBytes(rnd);
        String tmp = target + "-tmp-" + HexFormat.of().formatHex(rnd);
        connection.call(sftp -> {
            try {
                saveThroughTemporary(sftp, tmp, target, data, length);
            } catch (IOException | RuntimeException e) {
                removeQuietly(sftp, tmp);
                throw e;
            }
            return null;
        });
    }

    /**
     * Writes {@code tmp}, checks its size, has the server sync it, then closes it, renames it to {@code target} and
     * makes that read-only, in four round trips ({@link PipelinedRequests}): the open; the writes, with the mode
     * set before them; the size and the sync; the close, the rename and the mode. A target that exists already (a
     * file is named by its content) is a {@link FileAlreadyExistsException}.
     */
    private void saveThroughTemporary(SftpClient sftp, String tmp, String target, byte[] data, int length)
            throws IOException {
        RawSftpClient raw = (RawSftpClient) sftp;
        CloseableHandle h = openNew(sftp, tmp);
        boolean closeSent = false;
        try {
            int writing = PipelinedRequests.sendSetMode(raw, h, WRITING_MODE);
            int requestSize = connection.writeRequestSize(sftp, REQUEST_SIZE);
            try (SftpOutputStreamAsync out = new SftpOutputStreamAsync((AbstractSftpClient) sftp, requestSize, tmp,
                    h, false)) {
                out.write(data, 0, length);
            }
            awaitQuietly(raw, SftpConstants.SSH_FXP_FSETSTAT, writing);
            int stat = PipelinedRequests.sendStat(raw, h);
            OpenSSHFsyncExtension fsync = sftp.getExtension(OpenSSHFsyncExtension.class);
            int sync = fsync != null && fsync.isSupported() ? PipelinedRequests.sendFsync(raw, h) : -1;
            long written = PipelinedRequests.awaitSize(raw, stat);
            if (sync >= 0) {
                PipelinedRequests.awaitStatus(raw, SftpConstants.SSH_FXP_EXTENDED, sync);
            }
            if (written != length) {
                throw new IOException(shown(tmp) + ": " + written + " of " + length + " bytes written");
            }
            closeSent = true;
            int close = PipelinedRequests.sendClose(raw, h);
            int rename = PipelinedRequests.sendRename(raw, tmp, target);
            int readOnly = PipelinedRequests.sendSetMode(raw, target, FILE_MODE);
            SftpException closeFailed = failureOf(raw, SftpConstants.SSH_FXP_CLOSE, close);
            SftpException renameFailed = failureOf(raw, SftpConstants.SSH_FXP_RENAME, rename);
            awaitQuietly(raw, SftpConstants.SSH_FXP_SETSTAT, readOnly); // best effort, as for folders
            if (renameFailed != null) {
                if (exists(sftp, target)) {
                    throw new FileAlreadyExistsException(shown(target));
                }
                throw SftpErrors.map(renameFailed, shown(target));
            }
            if (closeFailed != null) {
                throw SftpErrors.map(closeFailed, shown(tmp));
            }
        } catch (SftpException e) {
            throw SftpErrors.map(e, shown(tmp));
        } finally {
            if (!closeSent) {
                closeQuietly(h);
            }
        }
    }

    /** Opens a new file for writing, making its folder first when nobody has (a new {@code data/xx}). */
    private CloseableHandle openNew(SftpClient sftp, String p) throws IOException {
        EnumSet<OpenMode> modes = EnumSet.of(OpenMode.Write, OpenMode.Create, OpenMode.Exclusive);
        try {
            return sftp.open(p, modes);
        } catch (SftpException e) {
            if (!SftpErrors.isMissing(e)) {
                throw SftpErrors.map(e, shown(p));
            }
        }
        mkdirs(sftp, parent(p));
        try {
            return sftp.open(p, modes);
        } catch (SftpException e) {
            throw SftpErrors.map(e, shown(p));
        }
    }

    /** The server's refusal of request {@code id}, or null when it succeeded. */
    private static SftpException failureOf(RawSftpClient raw, int cmd, int id) throws IOException {
        try {
            PipelinedRequests.awaitStatus(raw, cmd, id);
            return null;
        } catch (SftpException e) {
            return e;
        }
    }

    private static void awaitQuietly(RawSftpClient raw, int cmd, int id) throws IOException {
        failureOf(raw, cmd, id); // a mode the server does not take changes nothing to what is stored
    }

    private static void closeQuietly(CloseableHandle h) {
        try {
            h.close();
        } catch (IOException e) {
            return; // the channel may be gone; the server closes its handles with it
        }
    }

    private boolean exists(SftpClient sftp, String p) throws IOException {
        try {
            sftp.lstat(p);
            return true;
        } catch (SftpException e) {
            if (SftpErrors.isMissing(e)) {
                return false;
            }
            throw SftpErrors.map(e, shown(p));
        }
    }

    private static void removeQuietly(SftpClient sftp, String p) {
        try {
            if (sftp.isOpen()) {
                sftp.remove(p);
            }
        } catch (IOException e) {
            return; // a leftover temporary name is skipped by every listing
        }
    }

    @Override
    public void delete(FileType type, String name) throws IOException {
        String p = path(type, name);
        connection.call(sftp -> {
            try {
                sftp.remove(p);
            } catch (SftpException e) {
                if (!SftpErrors.isMissing(e)) {
                    throw SftpErrors.map(e, shown(p));
                }
            }
            return null;
        });
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }

    @Override
    public boolean overNetwork() {
        return true;
    }
}
