package org.hygie.audit.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.hygie.audit.fact.Fact;
import org.hygie.audit.fact.FactStatus;
import org.hygie.audit.fact.Facts;
import org.junit.jupiter.api.Test;

class ConditionTest {
    private static final Facts FACTS = new Facts(List.of(Fact.of("a", true, "t"), Fact.of("n", 5L, "t"),
            Fact.of("l", List.of("x", "y"), "t"), Fact.of("s", "wpa2", "t"),
            Fact.unavailable("denied", FactStatus.ACCESS_DENIED, "t", "no"),
            Fact.unavailable("na", FactStatus.NOT_APPLICABLE, "t", "none")));

    private static Verdict.Truth eval(String json) throws Exception {
        JsonNode c = new ObjectMapper().readTree(json.replace('\'', '"'));
        return Condition.evaluate(c, FACTS, Map.of("max", 10L)).truth();
    }

    @Test
    void comparisons_on_available_facts() throws Exception {
        assertEquals(Verdict.Truth.TRUE, eval("{'fact':'a','eq':true}"));
        assertEquals(Verdict.Truth.TRUE, eval("{'fact':'n','le':'$max'}"));
        assertEquals(Verdict.Truth.FALSE, eval("{'fact':'n','gt':5}"));
        assertEquals(Verdict.Truth.TRUE, eval("{'fact':'s','in':['wpa2','wpa3']}"));
        assertEquals(Verdict.Truth.TRUE, eval("{'fact':'l','contains':'y'}"));
        assertEquals(Verdict.Truth.TRUE, eval("{'fact':'l','empty':false}"));
        assertEquals(Verdict.Truth.TRUE, eval("{'not':{'fact':'a','eq':false}}"));
    }

    @Test
    void unavailable_facts_are_unknown_and_missing_ones_absent() throws Exception {
        assertEquals(Verdict.Truth.UNKNOWN, eval("{'fact':'denied','eq':true}"));
        assertEquals(Verdict.Truth.UNKNOWN, eval("{'not':{'fact':'denied','eq':true}}"));
        assertEquals(Verdict.Truth.ABSENT, eval("{'fact':'na','eq':true}"));
        assertEquals(Verdict.Truth.ABSENT, eval("{'fact':'nowhere','eq':true}"));
    }

    @Test
    void all_and_any_follow_the_four_valued_tables() throws Exception {
        assertEquals(Verdict.Truth.FALSE, eval("{'all':[{'fact':'denied','eq':1},{'fact':'a','eq':false}]}"));
        assertEquals(Verdict.Truth.UNKNOWN, eval("{'all':[{'fact':'denied','eq':1},{'fact':'a','eq':true}]}"));
        assertEquals(Verdict.Truth.ABSENT, eval("{'all':[{'fact':'na','eq':1},{'fact':'a','eq':true}]}"));
        assertEquals(Verdict.Truth.TRUE, eval("{'any':[{'fact':'denied','eq':1},{'fact':'a','eq':true}]}"));
        assertEquals(Verdict.Truth.UNKNOWN, eval("{'any':[{'fact':'denied','eq':1},{'fact':'a','eq':false}]}"));
        assertEquals(Verdict.Truth.FALSE, eval("{'any':[{'fact':'na','eq':1},{'fact':'a','eq':false}]}"));
    }

    @Test
    void a_bad_condition_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> eval("{'fact':'n','le':'$nope'}"));
        assertThrows(IllegalArgumentException.class, () -> eval("{'fact':'n','le':1,'ge':0}"));
        assertThrows(IllegalArgumentException.class, () -> eval("{'sometimes':true}"));
    }
}
