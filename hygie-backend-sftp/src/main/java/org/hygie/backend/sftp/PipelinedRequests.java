package org.hygie.backend.sftp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
