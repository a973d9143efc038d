/**
 * Facts about the workstation: a value with where it came from, or the reason it could not be had.
 * Collectors produce facts; rules only judge them.
 */
package org.hygie.audit.fact;
