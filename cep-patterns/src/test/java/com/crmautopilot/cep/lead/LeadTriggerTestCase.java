package com.crmautopilot.cep.lead;

import com.crmautopilot.cep.condense.LeadMark;
import com.crmautopilot.cep.condense.TriggerKeys;
import com.crmautopilot.cep.config.TriggerCatalog;
import com.crmautopilot.cep.testing.TriggerHarness;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The frame of the per-trigger lead tests: each test starts with the trigger under test, on the shipped catalog,
 * in a fresh {@link TriggerHarness} keyed by lead as in the pipeline.
 */
abstract class LeadTriggerTestCase {

    protected TriggerHarness<LeadMark> harness;

    /** The trigger under test. */
    protected abstract LeadTrigger trigger(TriggerCatalog catalog);

    @BeforeEach
    void openHarness() throws Exception {
        harness = new TriggerHarness<>(trigger(TriggerCatalog.defaults()), TriggerKeys.byLead());
    }

    @AfterEach
    void closeHarness() throws Exception {
        harness.close();
    }

    /** A harness for a new instance of the trigger, started from {@code checkpoint}, as after a restart. */
    protected TriggerHarness<LeadMark> restored(OperatorSubtaskState checkpoint) throws Exception {
        return new TriggerHarness<>(trigger(TriggerCatalog.defaults()), TriggerKeys.byLead(), checkpoint);
    }

    /** Sends {@code mark} with its own time as the record's timestamp, as the condensing does. */
    protected void send(LeadMark mark) throws Exception {
        harness.send(mark, mark.at());
    }
}
