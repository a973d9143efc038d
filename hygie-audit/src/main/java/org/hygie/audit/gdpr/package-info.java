/**
 * What the audit knows of the practice's GDPR file: the register of processing activities and when it was last
 * reviewed, the breaches still waiting for a decision with the end of their 72-hour clock, and the legal retention
 * of the backups. The practice layer implements {@link org.hygie.audit.gdpr.GdprStatusSource}; the audit never
 * reads the file itself. Without a practice, the points are unknown, with the reason.
 */
package org.hygie.audit.gdpr;
