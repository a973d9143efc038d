/** Test support: an SSH/SFTP server in the JVM, and the library calls the command line makes. */
package org.hygie.backend.sftp.testing;
