/**
 * End of support: a table of OS releases and their end dates (data, with its own date), and the normaliser that
 * turns the collected OS identity into the support facts the {@code os-supported} rule judges.
 */
package org.hygie.audit.support;
