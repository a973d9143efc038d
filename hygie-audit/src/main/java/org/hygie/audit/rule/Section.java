package org.hygie.audit.rule;

/** A section of the guide (Poste de travail, Antivirus...). Scores are given per section. */
public record Section(String id, Texts title) {
}
