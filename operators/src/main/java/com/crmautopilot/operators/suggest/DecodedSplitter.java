package com.crmautopilot.operators.suggest;

import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.suggest.UserFeedback;
import com.crmautopilot.models.suggest.UserPreferences;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/** Sends decoded feedback or preferences on and their dead letters to {@link #DEAD_LETTERS}. */
final class DecodedSplitter {

    static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("suggest-input-dead-letters", TypeInformation.of(DeadLetter.class));

    private DecodedSplitter() {
    }

    static final class Feedback extends ProcessFunction<DecodedFeedback, UserFeedback> {
        @Override
        public void processElement(DecodedFeedback decoded, Context ctx, Collector<UserFeedback> out) {
            if (decoded.isValid()) {
                out.collect(decoded.feedback());
            } else {
                ctx.output(DEAD_LETTERS, decoded.deadLetter());
            }
        }
    }

    static final class Preferences extends ProcessFunction<DecodedPreferences, UserPreferences> {
        @Override
        public void processElement(DecodedPreferences decoded, Context ctx, Collector<UserPreferences> out) {
            if (decoded.isValid()) {
                out.collect(decoded.preferences());
            } else {
                ctx.output(DEAD_LETTERS, decoded.deadLetter());
            }
        }
    }
}
