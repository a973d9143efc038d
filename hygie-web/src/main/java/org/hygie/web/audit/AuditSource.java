package org.hygie.web.audit;

import org.hygie.audit.result.AuditReport;

/** Runs the workstation audit in a language ({@code fr} or {@code en}). */
@FunctionalInterface
public interface AuditSource {
    AuditReport run(String lang);
}
