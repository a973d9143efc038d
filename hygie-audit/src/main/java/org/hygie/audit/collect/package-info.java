/**
 * Collection of facts: the {@link org.hygie.audit.collect.Collector} contract, the command runner and file view
 * that collectors go through (live on the machine, or replayed from recordings in tests), and the choice of
 * collectors for the running OS. Sub-packages hold one collector per fact family and OS.
 */
package org.hygie.audit.collect;
