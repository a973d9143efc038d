/** Threads for work that waits on storage: in-order parallel maps, daemon thread factories. */
package org.hygie.repository.concurrent;
