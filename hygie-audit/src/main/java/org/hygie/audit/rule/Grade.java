package org.hygie.audit.rule;

import com.fasterxml.jackson.databind.JsonNode;
import org.hygie.audit.result.Status;

/**
 * One line of a rule: when the condition holds, the rule has this status, explained by the evidence text.
 *
 * @param status   the verdict this line gives
 * @param when     the condition (see {@link Condition})
 * @param evidence key of the evidence text in the rule
 */
public record Grade(Status status, JsonNode when, String evidence) {
}
