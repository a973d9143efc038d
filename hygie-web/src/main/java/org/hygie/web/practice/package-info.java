/**
 * The dashboard's read-only view of the practice layer (media plan, nights, verifications, drills), so that the
 * pages do not depend on how the practice stores its journal. The practice module provides the implementation.
 */
package org.hygie.web.practice;
