package com.crmautopilot.jobs.training;

import com.crmautopilot.models.scoring.FeatureDef;
import com.crmautopilot.models.scoring.FeatureSpec;
import com.crmautopilot.models.scoring.FeatureType;
import com.crmautopilot.models.scoring.LeadFeatures;
import com.crmautopilot.operators.training.LabelledSnapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * Labelled snapshots as CSV rows: {@code tenant_id, lead_id, snapshot_at, profile_version}, the lead features in
 * the template's order, then {@code label}. Missing values are empty cells. The file trains as it is:
 * {@code autopilot train --csv FILE --label label --id lead_id --time snapshot_at --drop tenant_id,profile_version}.
 */
public final class SnapshotCsv {

    public static final String TENANT = "tenant_id";
    public static final String LEAD = "lead_id";
    public static final String TIME = "snapshot_at";
    public static final String VERSION = "profile_version";
    public static final String LABEL = "label";

    private static final FeatureSpec TEMPLATE = LeadFeatures.template();

    private SnapshotCsv() {
    }

    public static String header() {
        List<String> names = new ArrayList<>(List.of(TENANT, LEAD, TIME, VERSION));
        names.addAll(TEMPLATE.names());
        names.add(LABEL);
        return String.join(",", names);
    }

    public static String row(LabelledSnapshot snapshot) {
        StringBuilder row = new StringBuilder(256);
        row.append(quote(snapshot.tenantId())).append(',').append(quote(snapshot.leadId())).append(',')
                .append(snapshot.at()).append(',').append(snapshot.profileVersion());
        for (int i = 0; i < TEMPLATE.size(); i++) {
            FeatureDef def = TEMPLATE.feature(i);
            row.append(',');
            String category = snapshot.features().categories()[i];
            double number = snapshot.features().numbers()[i];
            if (category != null) {
                row.append(quote(category));
            } else if (!Double.isNaN(number)) {
                row.append(def.type() == FeatureType.NUMERIC ? format(number) : (number != 0 ? "1" : "0"));
            }
        }
        return row.append(',').append(snapshot.label()).toString();
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String quote(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
