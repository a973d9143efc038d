/** The repository's config file: version, id, chunker polynomial. */
package org.hygie.repository.config;
