package com.crmautopilot.sinks.json;

import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.output.LeadProfile;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.time.Instant;

/**
 * The shared {@link Json} contract, written faster for the sinks' hot path: the same mapper configuration, with
 * hand-written serializers for instants and lead profiles that produce the very same bytes ({@code WireJsonTest}
 * holds them to it). Everything else goes through the shared configuration unchanged.
 */
public final class WireJson {

    private static final ObjectWriter WRITER = newMapper().writer();

    private WireJson() {
    }

    public static ObjectMapper newMapper() {
        SimpleModule fastWriters = new SimpleModule("wire-json-fast-writers");
        fastWriters.addSerializer(Instant.class, new IsoInstantSerializer());
        fastWriters.addSerializer(LeadProfile.class, new LeadProfileSerializer());
        return Json.newMapper().registerModule(fastWriters);
    }

    public static byte[] writeBytes(Object value) {
        try {
            return WRITER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }
}
