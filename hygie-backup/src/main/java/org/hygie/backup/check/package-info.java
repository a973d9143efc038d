/**
 * Checking a repository: every index, pack, snapshot and tree, and with read-data every byte. Reports every
 * problem, not only the first, and what each one affects.
 */
package org.hygie.backup.check;
