package com.crmautopilot.cli.upgrade;

import com.crmautopilot.simulator.SimulatedRecord;
import com.crmautopilot.simulator.Simulator;
import com.crmautopilot.simulator.SimulatorConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A job's input: a simulated CRM history as topic records. It is also written into savepoint fixtures, so that an
 * old fixture's input survives later changes to the simulator.
 */
final class SimulatedHistory {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SimulatedHistory() {
    }

    static List<InputRecord> simulate(SimulatorConfig world, int partitions) {
        List<InputRecord> records = new ArrayList<>();
        for (SimulatedRecord r : (Iterable<SimulatedRecord>) new Simulator(world).records()::iterator) {
            records.add(new InputRecord(InputRecord.partitionFor(r.key(), partitions), r.key(), r.value()));
        }
        return records;
    }

    /** Gzipped JSON lines: partition, key, and the value as text (or base64 when it is not UTF-8). */
    static void write(List<InputRecord> records, Path file) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file));
             BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
            for (InputRecord r : records) {
                ObjectNode line = JSON.createObjectNode();
                line.put("partition", r.partition());
                line.put("key", r.key());
                String text = utf8(r.value());
                if (text != null) {
                    line.put("value", text);
                } else {
                    line.put("value_base64", Base64.getEncoder().encodeToString(r.value()));
                }
                writer.write(JSON.writeValueAsString(line));
                writer.write('\n');
            }
        }
    }

    static List<InputRecord> read(InputStream gzipped) throws IOException {
        List<InputRecord> records = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(gzipped), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                JsonNode node = JSON.readTree(line);
                byte[] value = node.has("value")
                        ? node.get("value").asText().getBytes(StandardCharsets.UTF_8)
                        : Base64.getDecoder().decode(node.get("value_base64").asText());
                records.add(new InputRecord(node.get("partition").asInt(), node.get("key").asText(), value));
            }
        }
        return records;
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
