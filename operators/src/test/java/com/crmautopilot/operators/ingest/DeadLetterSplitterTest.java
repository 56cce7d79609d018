package com.crmautopilot.operators.ingest;

import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.event.EventType;
import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.output.DeadLetterReason;
import com.crmautopilot.operators.testing.Harnesses;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

import static com.crmautopilot.operators.testing.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterSplitterTest {

    @Test
    void sendsEventsOnAndDeadLettersToTheSideOutput() throws Exception {
        splits(new DeadLetterSplitter());
    }

    /** Its counter is checked end to end: SuggestionsEndToEndTest waits for suggest_events_in to reach the input. */
    @Test
    void aSecondJobsSplitterSplitsTheSame() throws Exception {
        splits(DeadLetterSplitter.countingAs("other_job_events_in"));
    }

    private static void splits(DeadLetterSplitter splitter) throws Exception {
        IngestDecoder decoder = IngestDecoder.withDefaults();
        CrmEvent open = leadEvent(EventType.EMAIL_OPENED, T0);
        CrmEvent click = leadEvent(EventType.EMAIL_CLICKED, T0.plusSeconds(60));
        try (OneInputStreamOperatorTestHarness<Ingested, CrmEvent> harness = Harnesses.plain(splitter)) {
            harness.processElement(decoder.decode(bytes(open), "crm.events", 0, 0), millis(T0));
            harness.processElement(decoder.decode(utf8("[1,2"), "crm.events", 0, 1), millis(T0));
            harness.processElement(decoder.decode(bytes(click), "crm.events", 0, 2), millis(T0));

            assertThat(harness.extractOutputValues()).containsExactly(open, click);
            assertThat(harness.getSideOutput(DeadLetterSplitter.DEAD_LETTERS))
                    .extracting(StreamRecord::getValue)
                    .extracting(DeadLetter::reason, DeadLetter::sourceOffset)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(DeadLetterReason.NOT_JSON, 1L));
        }
    }
}
