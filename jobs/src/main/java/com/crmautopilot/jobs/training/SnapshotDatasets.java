package com.crmautopilot.jobs.training;

import com.crmautopilot.models.scoring.LeadFeatures;
import com.crmautopilot.models.scoring.RawFeatures;
import com.crmautopilot.models.training.Dataset;
import com.crmautopilot.operators.training.LabelledSnapshot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Turns labelled snapshots into a {@link Dataset} for the trainer or the evaluator. */
public final class SnapshotDatasets {

    public static final String TIME_COLUMN = "snapshot_at";
    public static final String ID_COLUMN = "lead";

    /** Time first, so the trainer's split by time is reproducible; the job's output order is not. */
    public static final Comparator<LabelledSnapshot> IN_TIME_ORDER = Comparator
            .comparing(LabelledSnapshot::at)
            .thenComparing(LabelledSnapshot::tenantId)
            .thenComparing(LabelledSnapshot::leadId)
            .thenComparingLong(LabelledSnapshot::profileVersion);

    private SnapshotDatasets() {
    }

    /**
     * The rows in time order, with their snapshot times (so the holdout is the latest) and lead ids.
     *
     * @param truth the true probability of each row's label, when known (simulator data), or null
     */
    public static Dataset toDataset(String source, List<LabelledSnapshot> snapshots, String labelName,
                                    ToDoubleFunction<LabelledSnapshot> truth) {
        List<LabelledSnapshot> ordered = new ArrayList<>(snapshots);
        ordered.sort(IN_TIME_ORDER);
        int n = ordered.size();
        List<RawFeatures> rows = new ArrayList<>(n);
        int[] labels = new int[n];
        long[] times = new long[n];
        String[] ids = new String[n];
        double[] probabilities = truth == null ? null : new double[n];
        for (int i = 0; i < n; i++) {
            LabelledSnapshot snapshot = ordered.get(i);
            rows.add(snapshot.features());
            labels[i] = snapshot.label();
            times[i] = snapshot.at().toEpochMilli();
            ids[i] = snapshot.tenantId() + ":" + snapshot.leadId();
            if (probabilities != null) {
                probabilities[i] = truth.applyAsDouble(snapshot);
            }
        }
        return Dataset.fromRawFeatures(source, LeadFeatures.template(), rows, labels)
                .labelName(labelName)
                .times(TIME_COLUMN, times)
                .ids(ID_COLUMN, ids)
                .trueProbabilities(probabilities)
                .build();
    }
}
