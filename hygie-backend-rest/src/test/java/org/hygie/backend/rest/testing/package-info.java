/** Test support: rclone serve restic started by tests, an HTTP proxy that injects faults, library calls. */
package org.hygie.backend.rest.testing;
