package com.crmautopilot.cep;

import com.crmautopilot.cep.account.MissingDataTrigger;
import com.crmautopilot.cep.account.StaleAccountTrigger;
import com.crmautopilot.cep.condense.AccountMark;
import com.crmautopilot.cep.condense.AccountMarks;
import com.crmautopilot.cep.condense.LeadMark;
import com.crmautopilot.cep.condense.LeadMarks;
import com.crmautopilot.cep.condense.TriggerKeys;
import com.crmautopilot.cep.config.TriggerCatalog;
import com.crmautopilot.cep.config.TriggerOverride;
import com.crmautopilot.cep.config.TriggerOverrides;
import com.crmautopilot.cep.lead.DemoRequestUnansweredTrigger;
import com.crmautopilot.cep.lead.HotLeadTrigger;
import com.crmautopilot.cep.lead.InactiveLeadTrigger;
import com.crmautopilot.cep.lead.LeadTrigger;
import com.crmautopilot.cep.lead.LeadWentColdTrigger;
import com.crmautopilot.cep.lead.ReplyUnansweredTrigger;
import com.crmautopilot.cep.lead.ScoreJumpTrigger;
import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.output.LeadScore;
import com.crmautopilot.models.output.ScoreChange;
import com.crmautopilot.models.suggest.SuggestionCandidate;
import com.crmautopilot.operators.time.ControlWatermarks;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The trigger library's entry point: attaches the eight lead and account triggers to a job's validated event stream
 * and returns their candidates (withdrawals included) as one stream, for the suggestion engine. The deal triggers
 * come from their own package; union their output with this one.
 *
 * <pre>
 * events ─► lead marks ─┬─ (+ score marks) ─► filter ─► keyBy lead ─► inactive_lead, hot_lead, demo_request_unanswered,
 *                       │                                             reply_unanswered, score_jump, lead_went_cold
 * events ─► account marks ─► stale_account (gate ─► CEP), missing_data
 * overrides ─► broadcast to every trigger
 * </pre>
 *
 * <p>Event time: the triggers use the watermarks of the streams they are given. In the lead-intelligence job those
 * come from the {@code crm.events} source, where heartbeats move them while a tenant is quiet. The condensing
 * functions drop heartbeats as records but pass their watermarks, and each {@code keyBy} sends watermarks to every
 * downstream subtask, so every trigger subtask's event time advances. Score streams must come with their own
 * event-time watermarks (those of the scoring operator downstream of the same source are). The override stream's
 * watermarks are replaced by "end of time", so the rare control record never holds a trigger's event time back.
 */
public final class TriggerLibrary {

    private static final TriggerOverride NO_OVERRIDE = new TriggerOverride("", "", null, Map.of());

    private final TriggerCatalog catalog;

    public TriggerLibrary(TriggerCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The override stream as broadcast input of the triggers. Give it the decoded {@code trigger_config} records of
     * {@code crm.control} ({@link TriggerOverrides#fromControlJson}), or null when the job has none.
     */
    public static BroadcastStream<TriggerOverride> broadcastOverrides(StreamExecutionEnvironment env,
                                                                      DataStream<TriggerOverride> overrides) {
        // Without overrides the triggers still need a broadcast input: one record that resets nothing (an empty
        // collection source fails in Flink 2.2), after which the input ends and its watermark is the end of time.
        DataStream<TriggerOverride> source = overrides != null ? overrides : env
                .fromData(List.of(NO_OVERRIDE), TypeInformation.of(TriggerOverride.class))
                .uid(TriggerUids.NO_OVERRIDES).name("no trigger overrides");
        return source
                .assignTimestampsAndWatermarks(ControlWatermarks.<TriggerOverride>neverHoldBack())
                .uid(TriggerUids.OVERRIDE_TIME).name("trigger overrides never hold back event time")
                .broadcast(TriggerOverrides.DESCRIPTOR);
    }

    /**
     * Attaches every lead and account trigger.
     *
     * @param events       validated, deduplicated events with event-time watermarks
     * @param scores       lead scores (score_jump, and impact on lead candidates), or null
     * @param scoreChanges tier changes (hot_lead's tier path, lead_went_cold), or null
     * @param overrides    from {@link #broadcastOverrides}
     */
    public DataStream<SuggestionCandidate> attach(DataStream<CrmEvent> events, DataStream<LeadScore> scores,
                                                  DataStream<ScoreChange> scoreChanges,
                                                  BroadcastStream<TriggerOverride> overrides) {
        // The marks stay apart by origin until each trigger has filtered them: a filter after a union cannot chain to
        // what feeds it, so every mark would cross the network twice per trigger, into the filter and on to the key.
        List<MarkOrigin> leadMarks = new ArrayList<>();
        leadMarks.add(new MarkOrigin("", "marks", events
                .flatMap(new LeadMarks(), TypeInformation.of(LeadMark.class))
                .uid(TriggerUids.LEAD_MARKS).name("condense: lead marks")));
        if (scores != null) {
            leadMarks.add(new MarkOrigin("-scores", "score marks", scores
                    .map(LeadMarks::of, TypeInformation.of(LeadMark.class))
                    .uid(TriggerUids.SCORE_MARKS).name("condense: score marks")));
        }
        if (scoreChanges != null) {
            leadMarks.add(new MarkOrigin("-tier-changes", "tier-change marks", scoreChanges
                    .map(LeadMarks::of, TypeInformation.of(LeadMark.class))
                    .uid(TriggerUids.TIER_MARKS).name("condense: tier-change marks")));
        }
        DataStream<AccountMark> accountMarks = events
                .flatMap(new AccountMarks(), TypeInformation.of(AccountMark.class))
                .uid(TriggerUids.ACCOUNT_MARKS).name("condense: account marks");

        DataStream<SuggestionCandidate> all = StaleAccountTrigger.attach(accountMarks, overrides, catalog)
                .union(missingData(accountMarks, overrides));
        all = all.union(
                lead(leadMarks, overrides, new InactiveLeadTrigger(catalog),
                        TriggerUids.INACTIVE_LEAD_MARKS, TriggerUids.INACTIVE_LEAD),
                lead(leadMarks, overrides, new HotLeadTrigger(catalog),
                        TriggerUids.HOT_LEAD_MARKS, TriggerUids.HOT_LEAD),
                lead(leadMarks, overrides, new DemoRequestUnansweredTrigger(catalog),
                        TriggerUids.DEMO_REQUEST_UNANSWERED_MARKS, TriggerUids.DEMO_REQUEST_UNANSWERED),
                lead(leadMarks, overrides, new ReplyUnansweredTrigger(catalog),
                        TriggerUids.REPLY_UNANSWERED_MARKS, TriggerUids.REPLY_UNANSWERED),
                lead(leadMarks, overrides, new ScoreJumpTrigger(catalog),
                        TriggerUids.SCORE_JUMP_MARKS, TriggerUids.SCORE_JUMP),
                lead(leadMarks, overrides, new LeadWentColdTrigger(catalog),
                        TriggerUids.LEAD_WENT_COLD_MARKS, TriggerUids.LEAD_WENT_COLD));
        return all;
    }

    private DataStream<SuggestionCandidate> missingData(DataStream<AccountMark> accountMarks,
                                                        BroadcastStream<TriggerOverride> overrides) {
        return accountMarks
                .filter(MissingDataTrigger::accepts)
                .uid(TriggerUids.MISSING_DATA_MARKS).name("missing_data: profiles and deals")
                .keyBy(TriggerKeys.byAccount())
                .connect(overrides)
                .process(new MissingDataTrigger(catalog), TypeInformation.of(SuggestionCandidate.class))
                .uid(TriggerUids.MISSING_DATA).name("missing_data");
    }

    /**
     * The lead marks of one origin. A trigger's filter of these marks has the uid of the trigger's filter plus
     * {@code uidSuffix} (events: none, so the uid of the filter that came before them stays).
     */
    private record MarkOrigin(String uidSuffix, String label, DataStream<LeadMark> marks) {
    }

    /** One lead trigger over the marks of every origin, each filtered where it is made, then united and keyed. */
    private static DataStream<SuggestionCandidate> lead(List<MarkOrigin> origins,
                                                        BroadcastStream<TriggerOverride> overrides,
                                                        LeadTrigger trigger, String filterUid, String uid) {
        String name = trigger.type().wireName();
        DataStream<LeadMark> accepted = null;
        for (MarkOrigin origin : origins) {
            DataStream<LeadMark> filtered = origin.marks()
                    .filter(new Accepts(trigger))
                    .uid(filterUid + origin.uidSuffix()).name(name + ": " + origin.label());
            accepted = accepted == null ? filtered : accepted.union(filtered);
        }
        return accepted
                .keyBy(TriggerKeys.byLead())
                .connect(overrides)
                .process(trigger, TypeInformation.of(SuggestionCandidate.class))
                .uid(uid).name(name);
    }

    /** The marks one lead trigger reads. */
    private static final class Accepts implements FilterFunction<LeadMark> {
        private static final long serialVersionUID = 1L;
        private final LeadTrigger trigger;

        Accepts(LeadTrigger trigger) {
            this.trigger = trigger;
        }

        @Override
        public boolean filter(LeadMark mark) {
            return trigger.accepts(mark);
        }
    }
}
