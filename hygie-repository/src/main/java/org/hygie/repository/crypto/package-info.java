/** restic's cryptography: AES-256-CTR with Poly1305-AES for every stored object, scrypt for key files. */
package org.hygie.repository.crypto;
