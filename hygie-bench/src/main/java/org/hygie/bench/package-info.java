/**
 * JMH benchmarks of the primitives that every backup, restore and check runs over each byte, with Hygie's own
 * classes, one thread. Each invocation processes a whole buffer and counts its bytes as operations
 * ({@code @OperationsPerInvocation}), so a score in ops/s is bytes per second of plaintext (uncompressed) data;
 * {@code bench/primitives.sh} divides by 2<sup>30</sup>. The forked JVM gets the {@code hygie} launcher's options
 * (serial collector, 64 MiB to 1 GiB heap).
 */
package org.hygie.bench;
