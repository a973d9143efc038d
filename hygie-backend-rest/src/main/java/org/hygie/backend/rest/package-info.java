/** Repositories on a server speaking restic's REST protocol, through the JDK's HTTP client. */
package org.hygie.backend.rest;
