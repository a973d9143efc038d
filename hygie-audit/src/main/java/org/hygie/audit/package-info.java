/**
 * The workstation audit as a library: {@link org.hygie.audit.Audit#run} collects the facts of the running OS
 * (or of a recording), judges every rule of the catalogue, adds the attestations, and returns an
 * {@link org.hygie.audit.result.AuditReport}. Nothing here prints; the CLI and reports render the result.
 */
package org.hygie.audit;
