package org.hygie.practice.gdpr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The usual processing activities of a French private practice, which {@code hygie gdpr register init} writes
 * into the register for the practice to read, complete and approve: the patients' medical files, appointments,
 * billing and teletransmission.
 *
 * <p>Where the content comes from ({@code register-model.json}, in French and English): the fields are those of
 * the CNIL's model register ("modèle de registre", fiche de registre: purpose, categories of people and of data,
 * recipients, retention, security measures), with the legal basis; the entries paraphrase the CNIL's reference
 * framework for the management of medical and paramedical practices (délibération n° 2020-081 du 18 juin 2020), the
 * CNIL's retention reference for the health sector (2020), the CNOM-CNIL practical guide for doctors (2018) and
 * article R.161-47 of the social security code. None of it is legal advice: each practice adapts its entries.
 */
public final class RegisterModel {
    static final String RESOURCE = "/org/hygie/practice/gdpr/register-model.json";

    private RegisterModel() {
    }

    /** The model's entries in {@code language} ({@code fr}, else {@code en}), never reviewed. */
    public static List<Processing> entries(String language) {
        String lang = "en".equals(language) ? "en" : "fr";
        JsonNode root;
        try (InputStream in = RegisterModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("register model missing from the classpath: " + RESOURCE);
            }
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the register model", e);
        }
        List<Processing> out = new ArrayList<>();
        for (JsonNode e : root.path("entries")) {
            JsonNode t = e.path(lang);
            out.add(new Processing(e.path("id").asText(), t.path("name").asText(), t.path("purpose").asText(),
                    t.path("legal_basis").asText(), list(t, "data_subjects"), list(t, "data_categories"),
                    list(t, "recipients"), t.path("retention").asText(), list(t, "security_measures"), null));
        }
        return out;
    }

    private static List<String> list(JsonNode n, String key) {
        List<String> out = new ArrayList<>();
        n.path(key).forEach(x -> out.add(x.asText()));
        return out;
    }
}
