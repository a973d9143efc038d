/**
 * What an audit concludes: a status per rule with its evidence, a score per guide section and overall, and
 * the list of actions, most urgent first. Plain values, usable without a console.
 */
package org.hygie.audit.result;
