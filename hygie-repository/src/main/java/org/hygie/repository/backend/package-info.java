/** Where repository files are stored: one interface, one implementation per kind of storage. */
package org.hygie.repository.backend;
