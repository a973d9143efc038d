/** Restoring snapshots into a folder, safely, whatever names a tree holds. */
package org.hygie.backup.restore;
