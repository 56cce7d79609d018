package com.crmautopilot.jobs.training;

import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.compression.StandardDeCompressors;
import org.apache.flink.connector.file.src.enumerate.FileEnumerator;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Cuts each file into as many byte ranges as the source has readers, so one large history is read in parallel
 * (Flink's own enumerator cuts by file system block, and a local file is one block). Compressed files cannot be
 * entered mid-stream and stay whole. A directory contributes the files directly inside it.
 */
final class ByteRangeFileEnumerator implements FileEnumerator {

    static final Provider PROVIDER = ByteRangeFileEnumerator::new;

    private int nextId;

    @Override
    public Collection<FileSourceSplit> enumerateSplits(Path[] paths, int minDesiredSplits) throws IOException {
        List<FileSourceSplit> splits = new ArrayList<>();
        for (Path path : paths) {
            FileSystem fs = path.getFileSystem();
            FileStatus status = fs.getFileStatus(path);
            if (status.isDir()) {
                for (FileStatus child : fs.listStatus(path)) {
                    if (!child.isDir()) {
                        addRanges(child, minDesiredSplits, splits);
                    }
                }
            } else {
                addRanges(status, minDesiredSplits, splits);
            }
        }
        return splits;
    }

    private void addRanges(FileStatus file, int ranges, List<FileSourceSplit> splits) {
        long length = file.getLen();
        if (length == 0) {
            return;
        }
        boolean compressed = StandardDeCompressors.getDecompressorForFileName(file.getPath().getPath()) != null;
        int count = compressed ? 1 : (int) Math.max(1, Math.min(ranges, length));
        long size = (length + count - 1) / count;
        for (long offset = 0; offset < length; offset += size) {
            splits.add(new FileSourceSplit(String.valueOf(nextId++), file.getPath(), offset,
                    Math.min(size, length - offset), file.getModificationTime(), length));
        }
    }
}
