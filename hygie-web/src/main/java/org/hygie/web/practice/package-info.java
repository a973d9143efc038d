/**
 * The dashboard's view of the practice layer (media plan, nights, verifications, drills, and the duty and drill
 * it can start), so that the pages do not depend on how the practice stores its journal. {@link
 * org.hygie.web.practice.PracticeAdapter} fills it from {@code hygie-practice}'s public API (configuration,
 * journal, {@code Status}, {@code History}, {@code DutyRunner}): it adapts and puts into words, it does not judge.
 */
package org.hygie.web.practice;
