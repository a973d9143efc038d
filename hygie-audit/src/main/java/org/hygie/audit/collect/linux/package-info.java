/**
 * Linux collectors: files under {@code /etc} and {@code /var}, {@code gsettings} in the user's session,
 * {@code systemctl}, the package managers (apt, dnf) and {@code lsblk}, {@code nmcli}, {@code timedatectl}. Commands
 * run with {@code LC_ALL=C}; none needs root, and what root alone can read becomes an {@code access_denied} fact.
 */
package org.hygie.audit.collect.linux;
