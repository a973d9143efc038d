package org.hygie.backend.sftp;

import java.net.SocketAddress;
import java.security.PublicKey;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;

/**
 * Accepts the server's host key only if the known hosts file records exactly that key for the host: an unknown
 * key and a changed key are both refused (no trust on first use), and the reason is kept for the error message.
 */
final class HostKeyCheck implements ServerKeyVerifier {
    private final KnownHosts known;
    private final String host;
    private final int port;
    private volatile HostKeyException refusal;

    HostKeyCheck(KnownHosts known, String host, int port) {
        this.known = known;
        this.host = host;
        this.port = port;
    }

    /** Why the last key presented was refused (without a cause), or null. */
    HostKeyException refusal() {
        return refusal;
    }

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remoteAddress, PublicKey serverKey) {
        String type = KeyUtils.getKeyType(serverKey);
        String print = type + " " + KeyUtils.getFingerPrint(serverKey);
        String where = port == SftpLocation.DEFAULT_PORT ? host : "[" + host + "]:" + port;
        String scan = "ssh-keyscan" + (port == SftpLocation.DEFAULT_PORT ? "" : " -p " + port) + " " + host + " >> "
                + known.file();
        String recorded = null;
        for (KnownHosts.Known k : known.keys()) {
            if (KeyUtils.compareKeys(k.key(), serverKey)) {
                if (k.revoked()) {
                    refusal = new HostKeyException(HostKeyException.Reason.REVOKED, where, print, null, known.file(),
                            scan, "the host key of the SSH server " + where + " (" + print + ") is marked @revoked in "
                            + known.file() + ": the connection was refused", null);
                    return false;
                }
                refusal = null;
                return true;
            }
            if (!k.revoked() && recorded == null) {
                recorded = k.type() + " " + KeyUtils.getFingerPrint(k.key());
            }
        }
        if (recorded != null) {
            refusal = new HostKeyException(HostKeyException.Reason.CHANGED, where, print, recorded, known.file(), scan,
                    "the host key of the SSH server " + where + " has CHANGED: it presents " + print + " but "
                    + known.file() + " records " + recorded + ". Someone may be intercepting the connection, so it "
                    + "was refused. If the server was reinstalled, check the new fingerprint with its administrator, "
                    + "then replace the old line for " + where + " in " + known.file() + ".", null);
        } else {
            refusal = new HostKeyException(HostKeyException.Reason.UNKNOWN, where, print, null, known.file(), scan,
                    "the SSH server " + where + " is not known: its host key (" + print + ") is not in "
                    + known.file() + ". Check this fingerprint with the server's administrator, then add the key to "
                    + "that file (for instance with: " + scan + ", or by connecting once with ssh).", null);
        }
        return false;
    }
}
