/**
 * Windows collectors. One PowerShell call ({@code audit-batch.ps1}, sent on standard input) returns registry values,
 * CIM objects and cmdlet results as one JSON document, locale-proof; each collector reads its part of it. A section
 * the system refused comes back as {@code {"_error": "access_denied"}} and becomes an unknown fact.
 */
package org.hygie.audit.collect.windows;
