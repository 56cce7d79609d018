package com.crmautopilot.jobs.training;

import com.crmautopilot.models.validation.ValidatorConfig;
import com.crmautopilot.operators.ingest.IngestDecoder;
import com.crmautopilot.operators.ingest.Ingested;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.core.fs.FSDataInputStream;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Reads a JSONL file of {@code crm.events} records (one record per line, as {@code autopilot simulate} writes and
 * as a topic export looks) into {@link Ingested} records, through the same {@link IngestDecoder} as the Kafka
 * deserializer. A line that is not a valid event becomes a dead letter, never a failed job. Blank lines hold no
 * record and are skipped; {@code \r\n} line ends are fine.
 *
 * <p>Splittable, so several readers decode one file at once (decoding is most of the cost): with
 * {@link ByteRangeFileEnumerator} a file is cut into byte ranges, and a range reads every line whose preceding line
 * break lies inside it (the first range also reads the file's first line). Each line is so read exactly once,
 * wherever the cuts fall. Lines keep their file order within a range.
 *
 * <p>A dead letter names the topic given here, partition 0, and as offset the line's byte position in the file
 * (line numbers are unknown to a reader that starts mid-file).
 */
public final class EventLinesFormat implements StreamFormat<Ingested> {

    private static final long serialVersionUID = 1L;

    private final IngestDecoder decoder;
    private final String topic;

    public EventLinesFormat(ValidatorConfig validatorConfig, String topic) {
        this.decoder = new IngestDecoder(Objects.requireNonNull(validatorConfig, "validatorConfig"));
        this.topic = Objects.requireNonNull(topic, "topic");
    }

    @Override
    public StreamFormat.Reader<Ingested> createReader(Configuration config, FSDataInputStream stream, long fileLength,
                                                      long splitEnd) throws IOException {
        long start = stream.getPos();
        LineReader reader = new LineReader(stream, start, splitEnd, decoder, topic);
        if (start > 0) {
            reader.skipToFirstOwnedLine();
        }
        return reader;
    }

    @Override
    public StreamFormat.Reader<Ingested> restoreReader(Configuration config, FSDataInputStream stream,
                                                       long restoredOffset, long fileLength, long splitEnd)
            throws IOException {
        // The checkpointed offset is always the start of the next line to read.
        stream.seek(restoredOffset);
        return new LineReader(stream, restoredOffset, splitEnd, decoder, topic);
    }

    @Override
    public boolean isSplittable() {
        return true;
    }

    @Override
    public TypeInformation<Ingested> getProducedType() {
        return Ingested.TYPE;
    }

    private static final class LineReader implements StreamFormat.Reader<Ingested> {
        private final InputStream in;
        private final long splitEnd;
        private final IngestDecoder decoder;
        private final String topic;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
        /** Byte position of the next byte {@link #in} returns. */
        private long position;
        /** Byte position of the line break before the next line; the next line is ours while it is in the split. */
        private long previousBreak;
        private boolean atEnd;

        LineReader(FSDataInputStream stream, long start, long splitEnd, IngestDecoder decoder, String topic) {
            this.in = new BufferedInputStream(stream, 1 << 16);
            this.splitEnd = splitEnd;
            this.decoder = decoder;
            this.topic = topic;
            this.position = start;
            this.previousBreak = start - 1;
            decoder.open();
        }

        /** Skips the tail of a line that began before this split (or at its first byte, after a break before it). */
        void skipToFirstOwnedLine() throws IOException {
            int b;
            while ((b = in.read()) != -1) {
                position++;
                if (b == '\n') {
                    previousBreak = position - 1;
                    return;
                }
            }
            atEnd = true;
        }

        @Override
        public Ingested read() throws IOException {
            while (!atEnd && previousBreak < splitEnd) {
                long lineStart = position;
                byte[] bytes = nextLine();
                if (bytes == null) {
                    return null;
                }
                if (!isBlank(bytes)) {
                    return decoder.decode(bytes, topic, 0, lineStart);
                }
            }
            return null;
        }

        /** The next line's bytes without its line break ({@code \n} or {@code \r\n}), or null at the end. */
        private byte[] nextLine() throws IOException {
            line.reset();
            int b;
            while ((b = in.read()) != -1) {
                position++;
                if (b == '\n') {
                    previousBreak = position - 1;
                    break;
                }
                line.write(b);
            }
            if (b == -1) {
                atEnd = true;
                if (line.size() == 0) {
                    return null;
                }
            }
            byte[] bytes = line.toByteArray();
            int length = bytes.length;
            if (length > 0 && bytes[length - 1] == '\r') {
                byte[] trimmed = new byte[length - 1];
                System.arraycopy(bytes, 0, trimmed, 0, length - 1);
                return trimmed;
            }
            return bytes;
        }

        private static boolean isBlank(byte[] bytes) {
            for (byte b : bytes) {
                if (b != ' ' && b != '\t' && b != '\r') {
                    return false;
                }
            }
            return true;
        }

        @Override
        public CheckpointedPosition getCheckpointedPosition() {
            return new CheckpointedPosition(previousBreak + 1, 0);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
