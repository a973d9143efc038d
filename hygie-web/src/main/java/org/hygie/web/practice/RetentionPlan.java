package org.hygie.web.practice;

/**
 * Which snapshots are kept: the last {@code daily} days, {@code weekly} weeks, {@code monthly} months, and one a
 * year within {@code yearlyWithinYears} years (the legal retention of medical records).
 */
public record RetentionPlan(int daily, int weekly, int monthly, int yearlyWithinYears) {
}
