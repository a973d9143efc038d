/** JSON encoding shared by the repository's file formats. */
package org.hygie.repository.json;
