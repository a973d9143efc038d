/**
 * Renderings of an audit report that need no console: the JSON document described by
 * {@code docs/audit-json-schema.json}, and a self-contained HTML page.
 */
package org.hygie.audit.report;
