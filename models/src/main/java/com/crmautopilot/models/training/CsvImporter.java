package com.crmautopilot.models.training;

import com.crmautopilot.models.scoring.FeatureType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a tabular export into a {@link Dataset}: finds the label, id and time columns, treats placeholders as
 * missing, and infers each remaining column's type (numeric when every present value is a number, boolean when
 * every one is true/false or yes/no, categorical otherwise) unless the options force one.
 *
 * <p>Problems a person must fix (no such label column, a label that is not binary, an empty file, a row wider
 * than the header) raise a {@link DataImportException} whose message says what and where.
 */
public final class CsvImporter {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Set<String> TRUE_WORDS = Set.of("yes", "y", "true", "t", "1", "1.0");
    private static final Set<String> FALSE_WORDS = Set.of("no", "n", "false", "f", "0", "0.0");
    private static final Set<String> BOOLEAN_WORDS = Set.of("yes", "no", "true", "false");
    private static final int MAX_VALUES_SHOWN = 5;

    private CsvImporter() {
    }

    public static Dataset read(Path file, CsvOptions options) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DataImportException("there is no file " + file);
        } catch (IOException e) {
            throw new DataImportException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.getFileName().toString(), options);
    }

    public static Dataset parse(String text, String source, CsvOptions options) {
        if (text.replace("\uFEFF", "").isBlank()) {
            throw new DataImportException(source + " is empty");
        }
        char separator = options.separator() != null ? options.separator() : CsvReader.detectSeparator(text);
        List<CsvReader.Record> records = CsvReader.parse(text, separator);
        if (records.isEmpty()) {
            throw new DataImportException(source + " is empty");
        }
        List<String> header = headerNames(records.get(0), source);
        if (records.size() == 1) {
            throw new DataImportException(source + " has a header but no data rows");
        }
        Set<String> missing = options.placeholders().stream()
                .map(p -> p.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        int width = header.size();
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < width; i++) {
            position.put(header.get(i), i);
        }
        checkColumnsExist(options, position, header, separator, source);

        List<String[]> rows = new ArrayList<>(records.size() - 1);
        List<Integer> lines = new ArrayList<>(records.size() - 1);
        int shortRows = 0;
        for (int r = 1; r < records.size(); r++) {
            CsvReader.Record record = records.get(r);
            List<String> fields = record.fields();
            if (fields.size() > width) {
                for (int i = width; i < fields.size(); i++) {
                    if (!fields.get(i).isBlank()) {
                        throw new DataImportException(source + " line " + record.line() + " has " + fields.size()
                                + " fields but the header has " + width + " (separator '"
                                + CsvReader.printable(separator) + "')");
                    }
                }
            }
            String[] row = new String[width];
            if (fields.size() < width) {
                shortRows++;
            }
            for (int i = 0; i < width && i < fields.size(); i++) {
                String value = fields.get(i);
                row[i] = missing.contains(value.trim().toLowerCase(Locale.ROOT)) ? null : value;
            }
            rows.add(row);
            lines.add(record.line());
        }

        Dataset.Builder builder = Dataset.builder(source).labelName(options.label())
                .rowOrderIsTime(options.rowOrderIsTime() && options.time() == null);
        if (shortRows > 0) {
            builder.warning(shortRows + " rows have fewer fields than the header; the rest of each is missing");
        }

        int labelAt = position.get(options.label());
        int[] labels = labels(rows, lines, labelAt, options, source);
        List<Integer> kept = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            if (labels[r] >= 0) {
                kept.add(r);
            }
        }
        if (kept.size() < rows.size()) {
            builder.warning((rows.size() - kept.size()) + " rows have no label and were left out");
        }
        int n = kept.size();
        int[] keptLabels = new int[n];
        for (int i = 0; i < n; i++) {
            keptLabels[i] = labels[kept.get(i)];
        }
        builder.labels(keptLabels);

        if (options.id() != null) {
            String[] ids = new String[n];
            int at = position.get(options.id());
            for (int i = 0; i < n; i++) {
                ids[i] = rows.get(kept.get(i))[at];
            }
            builder.ids(options.id(), ids);
        }
        if (options.time() != null) {
            long[] times = new long[n];
            int at = position.get(options.time());
            for (int i = 0; i < n; i++) {
                int r = kept.get(i);
                times[i] = parseTime(rows.get(r)[at], options.time(), lines.get(r), source);
            }
            builder.times(options.time(), times);
        }
        if (options.truthColumn() != null) {
            double[] truth = new double[n];
            int at = position.get(options.truthColumn());
            for (int i = 0; i < n; i++) {
                String value = rows.get(kept.get(i))[at];
                truth[i] = value != null && NUMBER.matcher(value.trim()).matches() ? Double.parseDouble(value.trim()) : Double.NaN;
            }
            builder.trueProbabilities(truth);
        }

        Set<String> special = new HashSet<>(options.drop());
        special.add(options.label());
        for (String name : new String[]{options.id(), options.time(), options.truthColumn()}) {
            if (name != null) {
                special.add(name);
            }
        }
        for (int c = 0; c < width; c++) {
            String name = header.get(c);
            if (special.contains(name)) {
                continue;
            }
            String[] values = new String[n];
            for (int i = 0; i < n; i++) {
                values[i] = rows.get(kept.get(i))[c];
            }
            Column column = column(name, values, options.types().get(name), builder);
            if (column != null) {
                builder.column(column);
            }
        }
        return builder.build();
    }

    private static List<String> headerNames(CsvReader.Record header, String source) {
        List<String> names = new ArrayList<>(header.fields().size());
        for (String field : header.fields()) {
            names.add(field.trim());
        }
        // Spreadsheets often end the header with a separator: a nameless last column with nothing in it.
        while (names.size() > 1 && names.get(names.size() - 1).isEmpty()) {
            names.remove(names.size() - 1);
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).isEmpty()) {
                names.set(i, "column_" + (i + 1));
            }
            Integer earlier = seen.putIfAbsent(names.get(i), i);
            if (earlier != null) {
                throw new DataImportException(source + ": columns " + (earlier + 1) + " and " + (i + 1)
                        + " are both named '" + names.get(i) + "'");
            }
        }
        return names;
    }

    private static void checkColumnsExist(CsvOptions options, Map<String, Integer> position, List<String> header,
                                          char separator, String source) {
        String available = header.size() > 12
                ? String.join(", ", header.subList(0, 12)) + ", ... (" + header.size() + " columns)"
                : String.join(", ", header);
        String separatorHint = header.size() == 1
                ? " Only one column was found with separator '" + CsvReader.printable(separator)
                  + "': is the separator right? Set it with --sep."
                : "";
        if (!position.containsKey(options.label())) {
            throw new DataImportException(source + " has no label column '" + options.label() + "'. Its columns are: "
                    + available + "." + separatorHint);
        }
        requireColumn(options.id(), "id", position, available, source);
        requireColumn(options.time(), "time", position, available, source);
        requireColumn(options.truthColumn(), "truth", position, available, source);
        for (String name : options.drop()) {
            requireColumn(name, "drop", position, available, source);
        }
        for (String name : options.types().keySet()) {
            requireColumn(name, "type override", position, available, source);
        }
    }

    private static void requireColumn(String name, String role, Map<String, Integer> position, String available,
                                      String source) {
        if (name != null && !position.containsKey(name)) {
            throw new DataImportException(source + " has no " + role + " column '" + name + "'. Its columns are: "
                    + available + ".");
        }
    }

    /** 1, 0, or -1 where the label is missing. */
    private static int[] labels(List<String[]> rows, List<Integer> lines, int at, CsvOptions options, String source) {
        int[] labels = new int[rows.size()];
        Set<String> distinct = new LinkedHashSet<>();
        String positive = options.positiveLabel() == null ? null : options.positiveLabel().trim().toLowerCase(Locale.ROOT);
        boolean positiveSeen = false;
        for (int r = 0; r < rows.size(); r++) {
            String raw = rows.get(r)[at];
            if (raw == null) {
                labels[r] = -1;
                continue;
            }
            String value = raw.trim().toLowerCase(Locale.ROOT);
            distinct.add(raw.trim());
            if (positive != null) {
                labels[r] = value.equals(positive) ? 1 : 0;
                positiveSeen |= labels[r] == 1;
            } else if (TRUE_WORDS.contains(value)) {
                labels[r] = 1;
            } else if (FALSE_WORDS.contains(value)) {
                labels[r] = 0;
            } else {
                throw new DataImportException(source + ": the label column '" + options.label() + "' is not binary: line "
                        + lines.get(r) + " has '" + raw.trim() + "' (values seen: " + shown(distinct, rows, at)
                        + "). Labels must be yes/no, true/false or 1/0, or name the positive value with --positive.");
            }
        }
        if (positive != null && !positiveSeen) {
            throw new DataImportException(source + ": no row has the positive label '" + options.positiveLabel()
                    + "' in column '" + options.label() + "' (values seen: " + shown(distinct, rows, at) + ")");
        }
        if (positive != null && distinct.size() > 2) {
            throw new DataImportException(source + ": the label column '" + options.label() + "' is not binary: it has "
                    + distinct.size() + " values (" + shown(distinct, rows, at) + ")");
        }
        boolean anyPositive = false;
        boolean anyNegative = false;
        for (int label : labels) {
            anyPositive |= label == 1;
            anyNegative |= label == 0;
        }
        if (!anyPositive && !anyNegative) {
            throw new DataImportException(source + ": the label column '" + options.label() + "' is empty in every row");
        }
        if (!anyPositive || !anyNegative) {
            throw new DataImportException(source + ": the label column '" + options.label()
                    + "' has a single class: every labelled row is " + (anyPositive ? "positive" : "negative")
                    + ", so there is nothing to learn");
        }
        return labels;
    }

    private static String shown(Set<String> distinct, List<String[]> rows, int at) {
        Set<String> all = new LinkedHashSet<>(distinct);
        for (String[] row : rows) {
            if (all.size() > MAX_VALUES_SHOWN) {
                break;
            }
            if (row[at] != null) {
                all.add(row[at].trim());
            }
        }
        List<String> values = all.stream().limit(MAX_VALUES_SHOWN).map(v -> "'" + v + "'").toList();
        return String.join(", ", values) + (all.size() > MAX_VALUES_SHOWN ? ", ..." : "");
    }

    /**
     * Epoch milliseconds from an ISO instant or offset date-time, a local date-time ("2018-02-26 19:58:54" or with
     * a 'T'), a date, or epoch seconds or milliseconds. Local values are read as UTC.
     */
    static long parseTime(String value, String column, int line, String source) {
        if (value == null) {
            throw new DataImportException(source + " line " + line + ": the time column '" + column + "' is empty");
        }
        String v = value.trim();
        try {
            if (NUMBER.matcher(v).matches()) {
                double number = Double.parseDouble(v);
                return Math.abs(number) < 1e11 ? Math.round(number * 1000) : Math.round(number);
            }
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            }
            String iso = v.length() > 10 && v.charAt(10) == ' ' ? v.substring(0, 10) + "T" + v.substring(11) : v;
            if (iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                try {
                    return Instant.parse(iso).toEpochMilli();
                } catch (DateTimeParseException e) {
                    return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
                }
            }
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new DataImportException(source + " line " + line + ": '" + v + "' in the time column '" + column
                    + "' is not a date or time (expected ISO-8601 like 2018-02-26 or 2018-02-26T19:58:54Z, or epoch seconds)");
        }
    }

    private static Column column(String name, String[] values, FeatureType forced, Dataset.Builder builder) {
        int n = values.length;
        int present = 0;
        boolean numeric = true;
        boolean bool = true;
        Set<String> distinct = new HashSet<>();
        for (String value : values) {
            if (value == null) {
                continue;
            }
            present++;
            String v = value.trim();
            if (distinct.size() <= n / 2 + 1) {
                distinct.add(v);
            }
            numeric &= NUMBER.matcher(v).matches();
            bool &= BOOLEAN_WORDS.contains(v.toLowerCase(Locale.ROOT));
        }
        if (present == 0 && forced == null) {
            builder.warning("column '" + name + "' is empty in every row and was left out");
            return null;
        }
        FeatureType type = forced != null ? forced
                : numeric ? FeatureType.NUMERIC : bool ? FeatureType.BOOLEAN : FeatureType.CATEGORICAL;
        if (type == FeatureType.CATEGORICAL) {
            if (forced == null && n > 200 && distinct.size() > n / 2) {
                builder.warning("column '" + name + "' looks like an identifier (over half its values are distinct):"
                        + " drop it, or name it as the id column");
            }
            String[] texts = new String[n];
            for (int i = 0; i < n; i++) {
                texts[i] = values[i] == null ? null : values[i].trim();
            }
            return Column.categorical(name, texts);
        }
        double[] numbers = new double[n];
        int unreadable = 0;
        for (int i = 0; i < n; i++) {
            numbers[i] = values[i] == null ? Double.NaN : toNumber(values[i].trim(), type);
            if (values[i] != null && Double.isNaN(numbers[i])) {
                unreadable++;
            }
        }
        if (unreadable > 0) {
            builder.warning(unreadable + " values of column '" + name + "' are not " + type.wireName()
                    + " and were read as missing");
        }
        return new Column(name, type, numbers, null);
    }

    private static double toNumber(String v, FeatureType type) {
        if (type == FeatureType.BOOLEAN) {
            String lower = v.toLowerCase(Locale.ROOT);
            return TRUE_WORDS.contains(lower) ? 1 : FALSE_WORDS.contains(lower) ? 0 : Double.NaN;
        }
        return NUMBER.matcher(v).matches() ? Double.parseDouble(v) : Double.NaN;
    }
}
