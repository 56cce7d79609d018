package com.crmautopilot.sinks.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.time.Instant;

/** Writes an {@link Instant} as its ISO-8601 text, byte for byte what the shared mapper writes, but faster. */
public final class IsoInstantSerializer extends StdSerializer<Instant> {

    private static final long serialVersionUID = 1L;

    public IsoInstantSerializer() {
        super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
        write(value, generator);
    }

    static void write(Instant value, JsonGenerator generator) throws IOException {
        char[] buffer = new char[IsoInstants.MAX_LENGTH];
        generator.writeString(buffer, 0, IsoInstants.format(value, buffer));
    }
}
