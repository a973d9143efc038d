/** Key files: the master key wrapped under each password with scrypt. */
package org.hygie.repository.key;
