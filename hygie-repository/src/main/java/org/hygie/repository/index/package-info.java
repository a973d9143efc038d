/** Index files and the compact in-memory index that finds a blob's pack, offset and length. */
package org.hygie.repository.index;
