/** Walking the trees of a snapshot. */
package org.hygie.backup.walk;
