package com.crmautopilot.jobs.training;

import com.crmautopilot.operators.training.LabelledSnapshot;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes each part file of the snapshot sink as a complete CSV file: the header first, then one row a snapshot. */
final class SnapshotCsvWriter implements BulkWriter<LabelledSnapshot> {

    private static final byte[] NEWLINE = {'\n'};

    private final FSDataOutputStream out;

    private SnapshotCsvWriter(FSDataOutputStream out) throws IOException {
        this.out = out;
        out.write(SnapshotCsv.header().getBytes(StandardCharsets.UTF_8));
        out.write(NEWLINE);
    }

    static BulkWriter.Factory<LabelledSnapshot> factory() {
        return SnapshotCsvWriter::new;
    }

    @Override
    public void addElement(LabelledSnapshot snapshot) throws IOException {
        out.write(SnapshotCsv.row(snapshot).getBytes(StandardCharsets.UTF_8));
        out.write(NEWLINE);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }
}
