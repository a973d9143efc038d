package org.hygie.backend.sftp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.sftp.client.RawSftpClient;
import org.apache.sshd.sftp.client.SftpClient.Handle;
import org.apache.sshd.sftp.client.impl.SftpResponse;
import org.apache.sshd.sftp.client.impl.SftpStatus;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/**
 * SFTP version 3 requests sent without waiting for their answer, so that several travel together: the server
 * (OpenSSH's, as every SFTP server) answers requests of one channel in the order it received them. Each
 * {@code send…} returns the request's id, and its answer is awaited with {@link #awaitStatus} or {@link #awaitSize}.
 * Over the internet every answer waited for is a round trip (30 ms or more to a hosting provider), and a file saved
 * one request at a time took nine of them. Message formats: draft-ietf-secsh-filexfer-02 (version 3) and OpenSSH's
 * PROTOCOL.sftp for {@code fsync@openssh.com}.
 */
final class PipelinedRequests {
    static final int VERSION = 3;
    private static final String FSYNC = "fsync@openssh.com";
    private static final int S_IFMT = 0170000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFREG = 0100000;

    private PipelinedRequests() {
    }

    /** SSH_FXP_FSETSTAT with the permissions only. */
    static int sendSetMode(RawSftpClient sftp, Handle file, int mode) throws IOException {
        Buffer b = new ByteArrayBuffer();
        b.putBytes(file.getIdentifier());
        putMode(b, mode);
        return sftp.send(SftpConstants.SSH_FXP_FSETSTAT, b);
    }

    /** SSH_FXP_SETSTAT of a path with the permissions only. */
    static int sendSetMode(RawSftpClient sftp, String path, int mode) throws IOException {
        Buffer b = new ByteArrayBuffer();
        b.putString(path, StandardCharsets.UTF_8);
        putMode(b, mode);
        return sftp.send(SftpConstants.SSH_FXP_SETSTAT, b);
    }

    private static void putMode(Buffer b, int mode) {
        b.putInt(SftpConstants.SSH_FILEXFER_ATTR_PERMISSIONS);
        b.putInt(mode);
    }

    /** SSH_FXP_FSTAT: its answer gives the file's size ({@link #awaitSize}). */
    static int sendStat(RawSftpClient sftp, Handle file) throws IOException {
        Buffer b = new ByteArrayBuffer();
        b.putBytes(file.getIdentifier());
        return sftp.send(SftpConstants.SSH_FXP_FSTAT, b);
    }

    /** OpenSSH's {@code fsync@openssh.com}: the server's fsync(2) of the open file. */
    static int sendFsync(RawSftpClient sftp, Handle file) throws IOException {
        Buffer b = new ByteArrayBuffer();
        b.putString(FSYNC, StandardCharsets.US_ASCII);
        b.putBytes(file.getIdentifier());
        return sftp.send(SftpConstants.SSH_FXP_EXTENDED, b);
    }

    /** SSH_FXP_READ of up to {@code length} bytes at {@code offset} ({@link #awaitData}). */
    static int sendRead(RawSftpClient sftp, Handle file, long offset, int length) throws IOException {
        Buffer b = new ByteArrayBuffer();
        b.putBytes(file.getIdentifier());
        b.putLong(offset);
        b.putInt(length);
        return sftp.send(SftpConstants.SSH_FXP_READ, b);
    }

    /** Waits for the answer to the {@link #sendRead} of id {@code id}: the bytes read, none at the end of the file. */
    static byte[] awaitData(RawSftpClient sftp, int id) throws IOException {
        SftpResponse r = SftpResponse.parse(SftpConstants.SSH_FXP_READ, sftp.receive(id));
        if (r.getType() == SftpConstants.SSH_FXP_DATA) {
            return r.getBuffer().getBytes();
        }
        SftpStatus status = SftpStatus.parse(r);
        if (status.getStatusCode() == SftpConstants.SSH_FX_EOF) {
            return new byte[0];
        }
        throw new SftpException(status.getStatusCode(), status.getMessage());
    }

    /** SSH_FXP_CLOSE of a handle. */
    static int sendClose(RawSftpClient sftp, Handle file) throws IOException {
        Buffer b = new ByteArrayBuffer();
        b.putBytes(file.getIdentifier());
        return sftp.send(SftpConstants.SSH_FXP_CLOSE, b);
    }

    /** SSH_FXP_RENAME, which in version 3 fails when {@code to} exists. */
    static int sendRename(RawSftpClient sftp, String from, String to) throws IOException {
        Buffer b = new ByteArrayBuffer();
        b.putString(from, StandardCharsets.UTF_8);
        b.putString(to, StandardCharsets.UTF_8);
        return sftp.send(SftpConstants.SSH_FXP_RENAME, b);
    }

    /** One folder entry as an SSH_FXP_NAME answer gives it: its name, and its type and size when given. */
    record Entry(String name, boolean directory, boolean regularFile, long size) {
    }

    /** SSH_FXP_READDIR: the next entries of an open folder ({@link #awaitEntries}). */
    static int sendReadDir(RawSftpClient sftp, Handle folder) throws IOException {
        Buffer b = new ByteArrayBuffer();
        b.putBytes(folder.getIdentifier());
        return sftp.send(SftpConstants.SSH_FXP_READDIR, b);
    }

    /** Waits for the answer to the {@link #sendReadDir} of id {@code id}: its entries, or null at the folder's end. */
    static List<Entry> awaitEntries(RawSftpClient sftp, int id) throws IOException {
        SftpResponse r = SftpResponse.parse(SftpConstants.SSH_FXP_READDIR, sftp.receive(id));
        if (r.getType() != SftpConstants.SSH_FXP_NAME) {
            SftpStatus status = SftpStatus.parse(r);
            if (status.getStatusCode() == SftpConstants.SSH_FX_EOF) {
                return null;
            }
            throw new SftpException(status.getStatusCode(), status.getMessage());
        }
        Buffer b = r.getBuffer();
        int count = b.getInt();
        List<Entry> out = new ArrayList<>(Math.max(0, Math.min(count, 1024)));
        for (int i = 0; i < count; i++) {
            String name = b.getString(StandardCharsets.UTF_8);
            b.getString(StandardCharsets.UTF_8); // the long name, as ls -l shows it: not used
            out.add(entry(name, b));
        }
        return out;
    }

    /** Reads version 3 ATTRS: flags, then the fields the flags say are there, in the draft's order. */
    private static Entry entry(String name, Buffer b) {
        long flags = b.getUInt();
        long size = -1;
        int mode = 0;
        if ((flags & SftpConstants.SSH_FILEXFER_ATTR_SIZE) != 0) {
            size = b.getLong();
        }
        if ((flags & SftpConstants.SSH_FILEXFER_ATTR_UIDGID) != 0) {
            b.getInt();
            b.getInt();
        }
        if ((flags & SftpConstants.SSH_FILEXFER_ATTR_PERMISSIONS) != 0) {
            mode = b.getInt();
        }
        if ((flags & SftpConstants.SSH_FILEXFER_ATTR_ACMODTIME) != 0) {
            b.getInt();
            b.getInt();
        }
        if ((flags & SftpConstants.SSH_FILEXFER_ATTR_EXTENDED) != 0) {
            int extensions = b.getInt();
            for (int i = 0; i < extensions; i++) {
                b.getString();
                b.getString();
            }
        }
        int type = mode & S_IFMT;
        return new Entry(name, type == S_IFDIR, type == S_IFREG, size);
    }

    /** Waits for the status answering request {@code id}; a refusal is the server's {@link SftpException}. */
    static void awaitStatus(RawSftpClient sftp, int cmd, int id) throws IOException {
        SftpStatus status = SftpStatus.parse(SftpResponse.parse(cmd, sftp.receive(id)));
        if (!status.isOk()) {
            throw new SftpException(status.getStatusCode(), status.getMessage());
        }
    }

    /** Waits for the attributes answering the {@link #sendStat} of id {@code id} and returns the size in them. */
    static long awaitSize(RawSftpClient sftp, int id) throws IOException {
        SftpResponse r = SftpResponse.parse(SftpConstants.SSH_FXP_FSTAT, sftp.receive(id));
        if (r.getType() != SftpConstants.SSH_FXP_ATTRS) {
            SftpStatus refused = SftpStatus.parse(r); // neither attributes nor a status: says what came
            throw new SftpException(refused.getStatusCode(), refused.getMessage());
        }
        Buffer b = r.getBuffer();
        long flags = b.getUInt();
        if ((flags & SftpConstants.SSH_FILEXFER_ATTR_SIZE) == 0) {
            throw new SftpException(SftpConstants.SSH_FX_BAD_MESSAGE, "the server gave no size");
        }
        return b.getLong();
    }
}
