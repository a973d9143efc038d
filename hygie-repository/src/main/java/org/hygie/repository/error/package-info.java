/** The repository layer's errors, classified by what a user can do about them. */
package org.hygie.repository.error;
