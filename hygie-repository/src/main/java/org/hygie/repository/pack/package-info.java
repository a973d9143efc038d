/** Pack files: encrypted blobs one after another, then an encrypted header listing them. */
package org.hygie.repository.pack;
