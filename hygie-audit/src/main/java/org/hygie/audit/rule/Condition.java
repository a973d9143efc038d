package org.hygie.audit.rule;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hygie.audit.fact.Fact;
import org.hygie.audit.fact.FactStatus;
import org.hygie.audit.fact.Facts;

/**
 * The condition language of the catalogue, evaluated on facts.
 * <ul>
 *   <li>{@code {"always": true}}</li>
 *   <li>{@code {"all": [c...]}}, {@code {"any": [c...]}}, {@code {"not": c}}</li>
 *   <li>{@code {"fact": "id", OP: operand}} with OP one of {@code eq ne lt le gt ge} (numbers, strings,
 *       booleans), {@code in} (value in a list), {@code contains} (list fact contains a string),
 *       {@code empty} (list fact is empty: true/false). An operand {@code "$name"} is the rule's threshold.</li>
 * </ul>
 * {@code all} is false when one part is false, else unknown when one is unknown, else absent when one is absent.
 * {@code any} is true when one part is true, else unknown when one is unknown, else false when one is false.
 */
public final class Condition {
    static final Set<String> OPERATORS = Set.of("eq", "ne", "lt", "le", "gt", "ge", "in", "contains", "empty");

    private Condition() {
    }

    public static Verdict evaluate(JsonNode c, Facts facts, Map<String, Object> thresholds) {
        if (c.has("always")) {
            return Verdict.of(c.get("always").asBoolean());
        }
        if (c.has("all")) {
            return all(parts(c.get("all"), facts, thresholds));
        }
        if (c.has("any")) {
            return any(parts(c.get("any"), facts, thresholds));
        }
        if (c.has("not")) {
            Verdict v = evaluate(c.get("not"), facts, thresholds);
            return v.is(Verdict.Truth.TRUE) ? Verdict.FALSE : v.is(Verdict.Truth.FALSE) ? Verdict.TRUE : v;
        }
        if (c.has("fact")) {
            return compare(c, facts, thresholds);
        }
        throw new IllegalArgumentException("unknown condition: " + c);
    }

    private static List<Verdict> parts(JsonNode list, Facts facts, Map<String, Object> thresholds) {
        List<Verdict> out = new ArrayList<>();
        list.forEach(p -> out.add(evaluate(p, facts, thresholds)));
        return out;
    }

    private static Verdict all(List<Verdict> vs) {
        for (Verdict.Truth t : new Verdict.Truth[] {Verdict.Truth.FALSE, Verdict.Truth.UNKNOWN, Verdict.Truth.ABSENT}) {
            for (Verdict v : vs) {
                if (v.is(t)) {
                    return v;
                }
            }
        }
        return Verdict.TRUE;
    }

    private static Verdict any(List<Verdict> vs) {
        for (Verdict.Truth t : new Verdict.Truth[] {Verdict.Truth.TRUE, Verdict.Truth.UNKNOWN, Verdict.Truth.FALSE}) {
            for (Verdict v : vs) {
                if (v.is(t)) {
                    return v;
                }
            }
        }
        return vs.isEmpty() ? Verdict.FALSE : vs.get(0);
    }

    private static Verdict compare(JsonNode c, Facts facts, Map<String, Object> thresholds) {
        String id = c.get("fact").asText();
        Fact fact = facts.get(id).orElse(null);
        if (fact == null) {
            return new Verdict(Verdict.Truth.ABSENT, null);
        }
        if (fact.status() == FactStatus.NOT_APPLICABLE) {
            return new Verdict(Verdict.Truth.ABSENT, fact);
        }
        if (!fact.available()) {
            return new Verdict(Verdict.Truth.UNKNOWN, fact);
        }
        Object value = fact.value();
        String op = operator(c);
        Object operand = operand(c.get(op), thresholds);
        return Verdict.of(switch (op) {
            case "eq" -> same(value, operand);
            case "ne" -> !same(value, operand);
            case "lt" -> number(value, id) < number(operand, id);
            case "le" -> number(value, id) <= number(operand, id);
            case "gt" -> number(value, id) > number(operand, id);
            case "ge" -> number(value, id) >= number(operand, id);
            case "in" -> ((List<?>) operand).stream().anyMatch(o -> same(value, o));
            case "contains" -> value instanceof List<?> l && l.contains(String.valueOf(operand));
            case "empty" -> (value instanceof List<?> l ? l.isEmpty() : String.valueOf(value).isEmpty())
                    == Boolean.TRUE.equals(operand);
            default -> throw new IllegalStateException(op);
        });
    }

    static String operator(JsonNode c) {
        List<String> ops = new ArrayList<>();
        c.fieldNames().forEachRemaining(f -> {
            if (OPERATORS.contains(f)) {
                ops.add(f);
            }
        });
        if (ops.size() != 1) {
            throw new IllegalArgumentException("a fact test needs exactly one operator among " + OPERATORS + ": " + c);
        }
        return ops.get(0);
    }

    static Object operand(JsonNode n, Map<String, Object> thresholds) {
        if (n.isTextual() && n.asText().startsWith("$")) {
            String name = n.asText().substring(1);
            if (!thresholds.containsKey(name)) {
                throw new IllegalArgumentException("unknown threshold $" + name);
            }
            return thresholds.get(name);
        }
        return plain(n);
    }

    static Object plain(JsonNode n) {
        if (n.isArray()) {
            List<Object> l = new ArrayList<>();
            n.forEach(e -> l.add(plain(e)));
            return l;
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        if (n.isIntegralNumber()) {
            return n.asLong();
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        return n.isNull() ? null : n.asText();
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return Objects.equals(a, b);
    }

    private static double number(Object v, String id) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("fact " + id + " compared as a number but is " + v);
    }
}
