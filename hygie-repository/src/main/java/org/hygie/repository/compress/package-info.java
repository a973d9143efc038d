/** zstd compression as restic repository version 2 uses it. */
package org.hygie.repository.compress;
