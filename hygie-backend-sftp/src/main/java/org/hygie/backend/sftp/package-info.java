/** Repositories on an SSH server through SFTP (Apache MINA SSHD). */
package org.hygie.backend.sftp;
