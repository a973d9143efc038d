/** This machine and process, as repository files record them. */
package org.hygie.repository.host;
