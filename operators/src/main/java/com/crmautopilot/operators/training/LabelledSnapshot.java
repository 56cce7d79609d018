package com.crmautopilot.operators.training;

import com.crmautopilot.models.scoring.RawFeatures;
import org.apache.flink.api.common.typeinfo.TypeInformation;

import java.time.Instant;

/**
 * One training row: a lead's features as they were at {@code at}, computed by
 * {@link com.crmautopilot.models.scoring.LeadFeatures#from} from the profile of that moment, and whether the lead
 * converted within the horizon after it. A plain record of values and arrays, so Flink serializes it without Kryo.
 *
 * @param at             the snapshot time: the {@code asOf} of the profile the features come from
 * @param profileVersion that profile's version, to trace a row back to the change it was taken at
 * @param features       laid out by {@link com.crmautopilot.models.scoring.LeadFeatures#template()}
 * @param label          1 if the lead converted in {@code (at, at + horizon]}, else 0
 */
public record LabelledSnapshot(String tenantId, String leadId, Instant at, long profileVersion, RawFeatures features,
                               int label) {

    public static final TypeInformation<LabelledSnapshot> TYPE = TypeInformation.of(LabelledSnapshot.class);

    public LabelledSnapshot withLabel(int newLabel) {
        return new LabelledSnapshot(tenantId, leadId, at, profileVersion, features, newLabel);
    }
}
