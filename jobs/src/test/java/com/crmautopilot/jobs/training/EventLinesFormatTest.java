package com.crmautopilot.jobs.training;

import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.event.EventType;
import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.output.DeadLetterReason;
import com.crmautopilot.models.validation.ValidatorConfig;
import com.crmautopilot.operators.ingest.Ingested;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Byte ranges of a JSONL file read every line exactly once, wherever the cuts fall. */
class EventLinesFormatTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 40})
    void everyEventIsReadOnceInFileOrderWhateverTheNumberOfRanges(int ranges) throws Exception {
        List<CrmEvent> events = events(25);
        Path file = write(events, true, false);

        List<Ingested> read = readAll(file, ranges);

        assertThat(read).allMatch(Ingested::isEvent);
        assertThat(read).extracting(i -> i.event().eventId())
                .containsExactlyElementsOf(events.stream().map(CrmEvent::eventId).toList());
    }

    @Test
    void cutsExactlyAtLineBreaksLoseAndRepeatNothing() throws Exception {
        List<CrmEvent> events = events(12);
        Path file = write(events, false, false);
        byte[] bytes = Files.readAllBytes(file);
        List<Long> breaks = new ArrayList<>();
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                breaks.add((long) i);
            }
        }
        // Cut at a break, just after one, and just before one.
        long[] cuts = {0, breaks.get(2), breaks.get(5) + 1, breaks.get(8) - 1, bytes.length};
        List<Ingested> read = new ArrayList<>();
        for (int i = 0; i + 1 < cuts.length; i++) {
            read.addAll(readRange(file, cuts[i], cuts[i + 1]));
        }

        assertThat(read).extracting(r -> r.event().eventId())
                .containsExactlyElementsOf(events.stream().map(CrmEvent::eventId).toList());
    }

    @Test
    void skipsBlankLinesReadsCrlfAndALastLineWithoutABreakAndParksGarbage() throws Exception {
        List<CrmEvent> events = events(3);
        String content = Json.write(events.get(0)) + "\r\n\r\n   \n" + "{\"tenant_id\": \"acme\", \n"
                + Json.write(events.get(1)) + "\r\n" + Json.write(events.get(2));
        Path file = dir.resolve("mixed.jsonl");
        Files.writeString(file, content, StandardCharsets.UTF_8);

        List<Ingested> read = readAll(file, 3);

        assertThat(read).hasSize(4);
        assertThat(read.get(0).event().eventId()).isEqualTo(events.get(0).eventId());
        assertThat(read.get(1).deadLetter().reason()).isEqualTo(DeadLetterReason.NOT_JSON);
        assertThat(read.get(1).deadLetter().sourceOffset()).isEqualTo(content.indexOf("{\"tenant_id\": \"acme\", "));
        assertThat(read.get(2).event().eventId()).isEqualTo(events.get(1).eventId());
        assertThat(read.get(3).event().eventId()).isEqualTo(events.get(2).eventId());
    }

    @Test
    void aReaderRestoredAtItsCheckpointedPositionContinuesWithTheNextLine() throws Exception {
        List<CrmEvent> events = events(6);
        Path file = write(events, false, false);
        long length = Files.size(file);
        EventLinesFormat format = new EventLinesFormat(ValidatorConfig.defaults(), "crm.events");
        long checkpoint;
        try (StreamFormat.Reader<Ingested> reader = format.createReader(new Configuration(), open(file, 0), length,
                length)) {
            reader.read();
            reader.read();
            checkpoint = reader.getCheckpointedPosition().getOffset();
        }

        List<Ingested> rest = new ArrayList<>();
        try (StreamFormat.Reader<Ingested> reader = format.restoreReader(new Configuration(), open(file, 0), checkpoint,
                length, length)) {
            for (Ingested next = reader.read(); next != null; next = reader.read()) {
                rest.add(next);
            }
        }

        assertThat(rest).extracting(r -> r.event().eventId())
                .containsExactlyElementsOf(events.subList(2, 6).stream().map(CrmEvent::eventId).toList());
    }

    @Test
    void theEnumeratorCutsAFileIntoOneRangePerReaderCoveringEveryByte() throws Exception {
        Path file = write(events(30), false, false);
        long length = Files.size(file);

        Collection<FileSourceSplit> splits = new ByteRangeFileEnumerator()
                .enumerateSplits(new org.apache.flink.core.fs.Path[]{path(file)}, 3);

        assertThat(splits).hasSize(3);
        long covered = 0;
        for (FileSourceSplit split : splits) {
            assertThat(split.offset()).isEqualTo(covered);
            covered += split.length();
        }
        assertThat(covered).isEqualTo(length);
        Path gz = dir.resolve("history.jsonl.gz");
        Files.write(gz, new byte[100]);
        assertThat(new ByteRangeFileEnumerator().enumerateSplits(new org.apache.flink.core.fs.Path[]{path(gz)}, 3))
                .hasSize(1);
    }

    private List<Ingested> readAll(Path file, int ranges) throws Exception {
        List<Ingested> read = new ArrayList<>();
        for (FileSourceSplit split : new ByteRangeFileEnumerator()
                .enumerateSplits(new org.apache.flink.core.fs.Path[]{path(file)}, ranges)) {
            read.addAll(readRange(file, split.offset(), split.offset() + split.length()));
        }
        return read;
    }

    private List<Ingested> readRange(Path file, long start, long end) throws Exception {
        EventLinesFormat format = new EventLinesFormat(ValidatorConfig.defaults(), "crm.events");
        List<Ingested> read = new ArrayList<>();
        try (StreamFormat.Reader<Ingested> reader = format.createReader(new Configuration(), open(file, start),
                Files.size(file), end)) {
            for (Ingested next = reader.read(); next != null; next = reader.read()) {
                read.add(next);
            }
        }
        return read;
    }

    private static FSDataInputStream open(Path file, long position) throws Exception {
        FSDataInputStream stream = FileSystem.getLocalFileSystem().open(path(file));
        stream.seek(position);
        return stream;
    }

    private static org.apache.flink.core.fs.Path path(Path file) {
        return new org.apache.flink.core.fs.Path(file.toUri());
    }

    /** Events of varying length, so the cuts land at varying places within lines. */
    private static List<CrmEvent> events(int n) {
        List<CrmEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(CrmEvent.builder("acme", "evt-" + i + "-" + "x".repeat(i % 7 * 5), EventType.WEB_VISIT,
                    T0.plus(Duration.ofMinutes(i))).lead("lead-" + (i % 4)).build());
        }
        return events;
    }

    private Path write(List<CrmEvent> events, boolean crlf, boolean noFinalBreak) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < events.size(); i++) {
            out.write(Json.writeBytes(events.get(i)));
            if (i < events.size() - 1 || !noFinalBreak) {
                out.write((crlf ? "\r\n" : "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        Path file = Files.createTempFile(dir, "events", ".jsonl");
        Files.write(file, out.toByteArray());
        return file;
    }
}
