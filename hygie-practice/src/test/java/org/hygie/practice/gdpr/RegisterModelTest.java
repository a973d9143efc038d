package org.hygie.practice.gdpr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pre-filled register: the three usual processings, complete in French and in English, valid as a file. */
class RegisterModelTest {
    @Test
    void both_languages_give_the_same_complete_entries() {
        List<Processing> fr = RegisterModel.entries("fr");
        List<Processing> en = RegisterModel.entries("en");
        assertEquals(List.of("dossier-patient", "rendez-vous", "facturation"), fr.stream().map(Processing::id).toList());
        assertEquals(fr.stream().map(Processing::id).toList(), en.stream().map(Processing::id).toList());
        for (Processing p : fr.size() == en.size() ? concat(fr, en) : List.<Processing>of()) {
            for (String s : List.of(p.name(), p.purpose(), p.legalBasis(), p.retention())) {
                assertFalse(s.isBlank(), p.id());
            }
            for (List<String> l : List.of(p.dataSubjects(), p.dataCategories(), p.recipients(), p.securityMeasures())) {
                assertFalse(l.isEmpty(), p.id());
                assertTrue(l.stream().noneMatch(String::isBlank), p.id());
            }
        }
        assertEquals("Dossier médical des patients", fr.get(0).name());
        assertEquals("Patients' medical files", en.get(0).name());
        assertTrue(fr.get(2).retention().contains("R.161-47"), fr.get(2).retention());
    }

    @Test
    void the_model_is_a_valid_gdpr_file() {
        GdprFile f = GdprFile.empty().withRegister(RegisterModel.entries("fr"));
        assertEquals(f, GdprJson.read(GdprJson.write(f), Path.of("gdpr.json")));
    }

    private static List<Processing> concat(List<Processing> a, List<Processing> b) {
        List<Processing> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
