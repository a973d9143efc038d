package org.hygie.backend.sftp;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/** Turns an SFTP status into the exceptions the {@link org.hygie.repository.backend.Backend} contract names. */
final class SftpErrors {
    private SftpErrors() {
    }

    static boolean isMissing(SftpException e) {
        return e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE || e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_PATH;
    }

    static IOException map(SftpException e, String path) {
        return switch (e.getStatus()) {
            case SftpConstants.SSH_FX_NO_SUCH_FILE, SftpConstants.SSH_FX_NO_SUCH_PATH ->
                    chain(new NoSuchFileException(path), e);
            case SftpConstants.SSH_FX_FILE_ALREADY_EXISTS -> chain(new FileAlreadyExistsException(path), e);
            case SftpConstants.SSH_FX_PERMISSION_DENIED ->
                    chain(new AccessDeniedException(path, null, "the SSH server refused access"), e);
            case SftpConstants.SSH_FX_NO_SPACE_ON_FILESYSTEM, SftpConstants.SSH_FX_QUOTA_EXCEEDED ->
                    new IOException(path + ": no space left on the server", e);
            default -> new IOException(path + ": " + e.getMessage(), e);
        };
    }

    private static IOException chain(IOException out, Exception cause) {
        out.initCause(cause);
        return out;
    }
}
