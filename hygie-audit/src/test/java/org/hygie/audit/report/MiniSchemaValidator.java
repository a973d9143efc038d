package org.hygie.audit.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a JSON document against the subset of JSON Schema (2020-12) that {@code docs/audit-json-schema.json}
 * uses: {@code type} (one or a list), {@code required}, {@code properties}, {@code additionalProperties: false},
 * {@code enum}, {@code items}, {@code minimum}/{@code maximum}, {@code $ref} to {@code #/$defs/...}, and the
 * {@code date-time}/{@code date} formats. Any other keyword in the schema is refused, so the schema cannot
 * silently say more than this check enforces.
 */
final class MiniSchemaValidator {
    private static final List<String> KNOWN = List.of("$schema", "$id", "title", "description", "type", "required",
            "properties", "additionalProperties", "enum", "items", "minimum", "maximum", "$ref", "$defs", "format");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d\\d-\\d\\d");
    private final JsonNode root;

    MiniSchemaValidator(JsonNode root) {
        this.root = root;
    }

    List<String> validate(JsonNode doc) {
        List<String> errors = new ArrayList<>();
        check(root, doc, "$", errors);
        return errors;
    }

    private void check(JsonNode schema, JsonNode v, String path, List<String> errors) {
        for (Iterator<String> it = schema.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KNOWN.contains(k)) {
                throw new IllegalArgumentException("schema keyword not supported by this check: " + k);
            }
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            check(root.at(ref.substring(1)), v, path, errors);
            return;
        }
        if (schema.has("type") && !typeOk(schema.get("type"), v)) {
            errors.add(path + ": expected " + schema.get("type") + ", got " + v.getNodeType());
            return;
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode e : schema.get("enum")) {
                found |= e.equals(v);
            }
            if (!found) {
                errors.add(path + ": " + v + " not in " + schema.get("enum"));
            }
        }
        if (v.isNumber()) {
            if (schema.has("minimum") && v.asDouble() < schema.get("minimum").asDouble()) {
                errors.add(path + ": below minimum");
            }
            if (schema.has("maximum") && v.asDouble() > schema.get("maximum").asDouble()) {
                errors.add(path + ": above maximum");
            }
        }
        if (v.isTextual() && schema.has("format")) {
            Pattern p = schema.get("format").asText().equals("date") ? DATE : DATE_TIME;
            if (!p.matcher(v.asText()).matches()) {
                errors.add(path + ": not a " + schema.get("format").asText() + ": " + v.asText());
            }
        }
        if (v.isObject()) {
            for (JsonNode r : schema.path("required")) {
                if (!v.has(r.asText())) {
                    errors.add(path + ": missing " + r.asText());
                }
            }
            JsonNode props = schema.path("properties");
            for (Map.Entry<String, JsonNode> f : v.properties()) {
                if (props.has(f.getKey())) {
                    check(props.get(f.getKey()), f.getValue(), path + "." + f.getKey(), errors);
                } else if (schema.has("additionalProperties") && !schema.get("additionalProperties").asBoolean()) {
                    errors.add(path + ": unexpected field " + f.getKey());
                }
            }
        }
        if (v.isArray() && schema.has("items")) {
            for (int i = 0; i < v.size(); i++) {
                check(schema.get("items"), v.get(i), path + "[" + i + "]", errors);
            }
        }
    }

    private static boolean typeOk(JsonNode type, JsonNode v) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeOk(t, v)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isTextual();
            case "integer" -> v.isIntegralNumber();
            case "number" -> v.isNumber();
            case "boolean" -> v.isBoolean();
            case "null" -> v.isNull();
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }
}
