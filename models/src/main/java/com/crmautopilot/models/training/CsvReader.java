package com.crmautopilot.models.training;

import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader that also copes with what real exports do: any single-character separator, CRLF, LF or
 * bare CR line ends, a byte-order mark, quoted fields with doubled quotes and line breaks inside, and blank lines.
 * Unquoted fields are trimmed; quoted ones are kept as written. A quote in the middle of an unquoted field is
 * taken literally, as spreadsheets write it.
 */
public final class CsvReader {

    /** Separators tried when none is given, in order of preference on a tie. */
    static final char[] CANDIDATE_SEPARATORS = {',', ';', '\t', '|'};
    private static final int DETECTION_SAMPLE_CHARS = 64 * 1024;
    private static final int DETECTION_SAMPLE_RECORDS = 50;

    private CsvReader() {
    }

    /** One parsed record and the line it starts on (1-based), for error messages. */
    public record Record(int line, List<String> fields) {
    }

    public static List<Record> parse(String text, char separator) {
        return parse(text, separator, Integer.MAX_VALUE, true);
    }

    private static List<Record> parse(String text, char separator, int maxRecords, boolean strict) {
        if (separator == '"' || separator == '\r' || separator == '\n') {
            throw new DataImportException("'" + printable(separator) + "' cannot be a separator");
        }
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        boolean wasQuoted = false;
        int quoteLine = 0;
        int n = text.length();
        for (int i = start; i < n && records.size() < maxRecords; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n' || (c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) {
                        line++;
                    }
                    field.append(c);
                }
                continue;
            }
            if (c == '"' && field.toString().isBlank() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                quoteLine = line;
                field.setLength(0);
            } else if (c == separator) {
                fields.add(finish(field, wasQuoted));
                wasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(finish(field, wasQuoted));
                wasQuoted = false;
                addUnlessBlank(records, recordLine, fields);
                fields = new ArrayList<>();
                line++;
                recordLine = line;
            } else {
                field.append(c);
            }
        }
        if (quoted && strict) {
            throw new DataImportException("a quoted field starting on line " + quoteLine + " is never closed");
        }
        if (records.size() < maxRecords && (!fields.isEmpty() || field.length() > 0 || wasQuoted)) {
            fields.add(finish(field, wasQuoted));
            addUnlessBlank(records, recordLine, fields);
        }
        return records;
    }

    private static String finish(StringBuilder field, boolean wasQuoted) {
        String value = wasQuoted ? field.toString() : field.toString().trim();
        field.setLength(0);
        return value;
    }

    private static void addUnlessBlank(List<Record> records, int line, List<String> fields) {
        if (fields.size() == 1 && fields.get(0).isEmpty()) {
            return;
        }
        records.add(new Record(line, fields));
    }

    /**
     * Picks the separator that splits the first records into the same number of fields most consistently, and
     * into more than one; a comma when nothing splits.
     */
    public static char detectSeparator(String text) {
        String sample = text.length() > DETECTION_SAMPLE_CHARS ? text.substring(0, DETECTION_SAMPLE_CHARS) : text;
        char best = ',';
        double bestScore = 0;
        for (char candidate : CANDIDATE_SEPARATORS) {
            List<Record> records = parse(sample, candidate, DETECTION_SAMPLE_RECORDS, false);
            if (records.size() > 1 && text.length() > sample.length()) {
                records = records.subList(0, records.size() - 1); // the sample may cut the last record
            }
            if (records.isEmpty()) {
                continue;
            }
            int headerWidth = records.get(0).fields().size();
            if (headerWidth < 2) {
                continue;
            }
            long consistent = records.stream().filter(r -> Math.abs(r.fields().size() - headerWidth) <= 1).count();
            // Consistency first; among equally consistent separators, the one that yields more columns.
            double score = (double) consistent / records.size() * 1000 + Math.min(headerWidth, 999);
            if (score > bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        return best;
    }

    static String printable(char c) {
        return switch (c) {
            case '\t' -> "\\t";
            case '\r' -> "\\r";
            case '\n' -> "\\n";
            default -> String.valueOf(c);
        };
    }
}
