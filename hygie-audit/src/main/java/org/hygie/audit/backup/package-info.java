/**
 * What the audit knows of Hygie's own backups. The practice layer will implement {@link
 * org.hygie.audit.backup.BackupStatusSource}; until then the audit reads a state file when one is given, and
 * otherwise says that no Hygie backup is configured.
 */
package org.hygie.audit.backup;
