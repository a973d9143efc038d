package org.hygie.audit.rule;

/** Whether a rule is judged on facts or only attested by the practice. */
public enum RuleType { AUTO, MANUAL }
