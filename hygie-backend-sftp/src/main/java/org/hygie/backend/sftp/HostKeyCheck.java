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
    private volatile String refusal;

    HostKeyCheck(KnownHosts known, String host, int port) {
        this.known = known;
        this.host = host;
        this.port = port;
    }

    /** Why the last key presented was refused, or null. */
    String refusal() {
        return refusal;
    }

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remoteAddress, PublicKey serverKey) {
        String type = KeyUtils.getKeyType(serverKey);
        String print = type + " " + KeyUtils.getFingerPrint(serverKey);
        String where = port == SftpLocation.DEFAULT_PORT ? host : "[" + host + "]:" + port;
        String recorded = null;
        for (KnownHosts.Known k : known.keys()) {
            if (KeyUtils.compareKeys(k.key(), serverKey)) {
                if (k.revoked()) {
                    refusal = "the host key of the SSH server " + where + " (" + print + ") is marked @revoked in "
                            + known.file() + ": the connection was refused";
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
            refusal = "the host key of the SSH server " + where + " has CHANGED: it presents " + print + " but "
                    + known.file() + " records " + recorded + ". Someone may be intercepting the connection, so it "
                    + "was refused. If the server was reinstalled, check the new fingerprint with its administrator, "
                    + "then replace the old line for " + where + " in " + known.file() + ".";
        } else {
            refusal = "the SSH server " + where + " is not known: its host key (" + print + ") is not in "
                    + known.file() + ". Check this fingerprint with the server's administrator, then add the key to "
                    + "that file (for instance with: ssh-keyscan" + (port == SftpLocation.DEFAULT_PORT ? "" : " -p "
                    + port) + " " + host + " >> " + known.file() + ", or by connecting once with ssh).";
        }
        return false;
    }
}
