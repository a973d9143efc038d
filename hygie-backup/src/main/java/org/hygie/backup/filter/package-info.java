/** Path patterns as restic writes them, for includes and excludes. */
package org.hygie.backup.filter;
