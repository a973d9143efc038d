/**
 * Manual attestations: points only the practice can vouch for (physical security, dedicated USB keys...),
 * stored with who and when, in a file readable by its owner only, and expiring after a year.
 */
package org.hygie.audit.attest;
