/** Lock files, shared and exclusive, as restic makes, refreshes and judges them stale. */
package org.hygie.repository.lock;
