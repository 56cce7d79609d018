package com.crmautopilot.simulator.truth;

import com.crmautopilot.models.json.Json;
import com.crmautopilot.simulator.SimulatorConfig;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads the ground truth directory ({@code DIR/truth/}). Flat tables are CSV with a header row (for
 * spreadsheets and pandas as much as for Java); records with nested or per-line data are JSONL:
 *
 * <pre>
 * leads.csv            one row per lead (LeadTruth)
 * deals.csv            one row per deal (DealTruth)
 * variants.csv         one row per campaign variant (VariantTruth)
 * accounts.csv         one row per account (AccountTruth)
 * reps.jsonl           one rep per line, with the acceptance map (RepTruth)
 * defects.jsonl        one injected malformed record per line, with its line number and reason (DefectTruth)
 * duplicates.jsonl     one injected duplicate per line, with its line and its original's line (DuplicateTruth)
 * out_of_order.jsonl   one late valid record per line, with its lateness (OutOfOrderTruth)
 * manifest.json        the config, the counts and the event type mix
 * </pre>
 * Column and field names are snake_case; instants are ISO-8601; an empty CSV cell is a null.
 */
public final class TruthFiles {

    public static final String LEADS = "leads.csv";
    public static final String DEALS = "deals.csv";
    public static final String VARIANTS = "variants.csv";
    public static final String ACCOUNTS = "accounts.csv";
    public static final String REPS = "reps.jsonl";
    public static final String DEFECTS = "defects.jsonl";
    public static final String DUPLICATES = "duplicates.jsonl";
    public static final String OUT_OF_ORDER = "out_of_order.jsonl";
    public static final String MANIFEST = "manifest.json";

    private static final CsvMapper CSV = csvMapper();
    // JSONL keeps nulls out, like the events themselves.
    private static final ObjectMapper JSON = Json.mapper();

    private TruthFiles() {
    }

    /** Writes every truth file into {@code dir} (created if needed). */
    public static void write(GroundTruth truth, Path dir) {
        try {
            Files.createDirectories(dir);
            writeCsv(dir.resolve(LEADS), LeadTruth.class, truth.leads());
            writeCsv(dir.resolve(DEALS), DealTruth.class, truth.deals());
            writeCsv(dir.resolve(VARIANTS), VariantTruth.class, truth.variants());
            writeCsv(dir.resolve(ACCOUNTS), AccountTruth.class, truth.accounts());
            writeJsonl(dir.resolve(REPS), truth.reps());
            writeJsonl(dir.resolve(DEFECTS), truth.defects());
            writeJsonl(dir.resolve(DUPLICATES), truth.duplicates());
            writeJsonl(dir.resolve(OUT_OF_ORDER), truth.outOfOrder());
            Files.write(dir.resolve(MANIFEST), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest(truth)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the ground truth to " + dir, e);
        }
    }

    public static List<LeadTruth> readLeads(Path dir) {
        return readCsv(dir.resolve(LEADS), LeadTruth.class);
    }

    public static List<DealTruth> readDeals(Path dir) {
        return readCsv(dir.resolve(DEALS), DealTruth.class);
    }

    public static List<VariantTruth> readVariants(Path dir) {
        return readCsv(dir.resolve(VARIANTS), VariantTruth.class);
    }

    public static List<AccountTruth> readAccounts(Path dir) {
        return readCsv(dir.resolve(ACCOUNTS), AccountTruth.class);
    }

    public static List<RepTruth> readReps(Path dir) {
        return readJsonl(dir.resolve(REPS), RepTruth.class);
    }

    public static List<DefectTruth> readDefects(Path dir) {
        return readJsonl(dir.resolve(DEFECTS), DefectTruth.class);
    }

    public static List<DuplicateTruth> readDuplicates(Path dir) {
        return readJsonl(dir.resolve(DUPLICATES), DuplicateTruth.class);
    }

    public static List<OutOfOrderTruth> readOutOfOrder(Path dir) {
        return readJsonl(dir.resolve(OUT_OF_ORDER), OutOfOrderTruth.class);
    }

    private static Map<String, Object> manifest(GroundTruth truth) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("config", configMap(truth.config()));
        manifest.put("complete", truth.complete());
        manifest.put("records", truth.records());
        manifest.put("clean_events", truth.cleanEvents());
        manifest.put("defects", truth.defects().size());
        manifest.put("duplicates", truth.duplicates().size());
        manifest.put("out_of_order", truth.outOfOrder().size());
        manifest.put("leads", truth.leads().size());
        manifest.put("deals", truth.deals().size());
        manifest.put("variants", truth.variants().size());
        manifest.put("event_type_counts", truth.eventTypeCounts());
        return manifest;
    }

    private static Map<String, Object> configMap(SimulatorConfig c) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("seed", c.seed());
        config.put("start", c.start().toString());
        config.put("days", c.days());
        config.put("tenants", c.tenants());
        config.put("leads_per_tenant", c.leadsPerTenant());
        config.put("reps_per_tenant", c.repsPerTenant());
        config.put("accounts_per_tenant", c.accountsPerTenant());
        config.put("campaigns_per_tenant", c.campaignsPerTenant());
        config.put("out_of_order_fraction", c.outOfOrderFraction());
        config.put("duplicate_fraction", c.duplicateFraction());
        config.put("malformed_fraction", c.malformedFraction());
        config.put("max_lateness", c.maxLateness().toString());
        config.put("heartbeat_interval", c.heartbeatInterval().toString());
        config.put("max_records", c.maxRecords() == SimulatorConfig.NO_LIMIT ? null : c.maxRecords());
        return config;
    }

    private static <T> void writeCsv(Path file, Class<T> type, List<T> rows) throws IOException {
        CsvSchema schema = CSV.schemaFor(type).withHeader();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            CSV.writer(schema).writeValues(out).writeAll(rows).close();
        }
    }

    private static void writeJsonl(Path file, List<?> rows) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Object row : rows) {
                out.write(JSON.writeValueAsString(row));
                out.write('\n');
            }
        }
    }

    private static <T> List<T> readCsv(Path file, Class<T> type) {
        CsvSchema schema = CSV.schemaFor(type).withHeader();
        ObjectReader reader = CSV.readerFor(type).with(schema).with(CsvParser.Feature.EMPTY_STRING_AS_NULL);
        try (MappingIterator<T> rows = reader.readValues(file.toFile())) {
            return rows.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static <T> List<T> readJsonl(Path file, Class<T> type) {
        try {
            List<T> rows = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    rows.add(JSON.readValue(line, type));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static CsvMapper csvMapper() {
        CsvMapper mapper = CsvMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // Columns in the records' declaration order, which groups them by meaning.
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .serializationInclusion(JsonInclude.Include.ALWAYS)
                .build();
        return mapper;
    }
}
