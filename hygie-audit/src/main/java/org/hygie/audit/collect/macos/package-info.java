/**
 * macOS collectors: {@code sw_vers}, {@code fdesetup}, {@code sysadminctl}, {@code pmset}, {@code defaults read} of
 * the system preference files, {@code socketfilterfw}, {@code dseditgroup}, {@code system_profiler}. All run as the
 * logged-in user; what needs an administrator ({@code systemsetup}) becomes an {@code access_denied} fact.
 */
package org.hygie.audit.collect.macos;
