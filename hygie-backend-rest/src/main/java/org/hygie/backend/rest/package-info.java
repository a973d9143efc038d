/**
 * Repositories on a server speaking restic's REST protocol (rest-server, {@code rclone serve restic}) at
 * {@code rest:http(s)://[user:password@]host:port/path/}, with the JDK's HTTP client.
 * <p>
 * Found by {@link org.hygie.repository.backend.Locations} through {@link org.hygie.backend.rest.RestBackendProvider}.
 * HTTP basic credentials come from the location or, to keep the password out of the command line, from
 * {@code HYGIE_REST_USERNAME} and {@code HYGIE_REST_PASSWORD}; messages and {@code location()} never show the
 * password. Append-only servers are recognised by {@link org.hygie.backend.rest.RestBackend#deletionAllowed()}.
 */
package org.hygie.backend.rest;
