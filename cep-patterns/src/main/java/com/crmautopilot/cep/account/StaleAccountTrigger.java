package com.crmautopilot.cep.account;

import com.crmautopilot.cep.TriggerUids;
import com.crmautopilot.cep.condense.AccountMark;
import com.crmautopilot.cep.condense.AccountMarkKind;
import com.crmautopilot.cep.condense.TriggerKeys;
import com.crmautopilot.cep.config.TriggerCatalog;
import com.crmautopilot.cep.config.TriggerOverride;
import com.crmautopilot.cep.config.TriggerParams;
import com.crmautopilot.cep.config.TriggerSettings;
import com.crmautopilot.models.suggest.SuggestionCandidate;
import com.crmautopilot.models.suggest.TriggerType;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.cep.CEP;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * {@code stale_account}: no touch on an account for {@code silence} (30 days), as a Flink CEP absence pattern
 * ({@link StaleAccountPattern}: {@code notFollowedBy} + {@code within}, skip past last event, event time).
 *
 * <pre>
 * account marks ─► keyBy account ─► gate (name, owner, tenant silence; withdrawals)
 *   ├─ a step's first touch ─► stepped event time ─► keyBy account ─► CEP (last_touch !→ next_touch within silence)
 *   │                                                                   │ silences
 *   └─ a step's later touches ──────────────────────────────────────────┴─► keyBy account ─► report ─► candidates
 * </pre>
 *
 * The pattern sees only touches, never the firehose. There is no account deletion or closure in
 * {@code crm.events}; an account whose deals all closed is still an account someone should call.
 */
public final class StaleAccountTrigger {

    private StaleAccountTrigger() {
    }

    /** The marks the stale-account stage reads. */
    public static boolean accepts(AccountMark mark) {
        return mark.kind() == AccountMarkKind.TOUCH || mark.kind() == AccountMarkKind.PROFILE
                || mark.kind() == AccountMarkKind.OPPORTUNITY_OPENED;
    }

    /** Attaches the stage; returns its candidates, withdrawals included. */
    public static DataStream<SuggestionCandidate> attach(DataStream<AccountMark> accountMarks,
                                                         BroadcastStream<TriggerOverride> overrides,
                                                         TriggerCatalog catalog) {
        TriggerSettings defaults = catalog.settings(TriggerType.STALE_ACCOUNT);
        TypeInformation<SuggestionCandidate> candidates = TypeInformation.of(SuggestionCandidate.class);

        SingleOutputStreamOperator<AccountTouch> touches = accountMarks
                .filter(StaleAccountTrigger::accepts)
                .uid(TriggerUids.STALE_ACCOUNT_MARKS).name("stale_account: touches and profiles")
                .keyBy(TriggerKeys.byAccount())
                .connect(overrides)
                .process(new StaleAccountGate(catalog), TypeInformation.of(AccountTouch.class))
                .uid(TriggerUids.STALE_ACCOUNT_GATE).name("stale_account: gate");

        DataStream<AccountTouch> stepped = touches
                .transform("stale_account: stepped event time", TypeInformation.of(AccountTouch.class),
                        new SteppedEventTime(defaults.duration(TriggerParams.EVALUATION_STEP).toMillis()))
                .uid(TriggerUids.STALE_ACCOUNT_TIME);

        DataStream<StaleAccountEvidence> silences = CEP
                .pattern(stepped.keyBy(new TouchAccount()),
                        StaleAccountPattern.of(defaults.duration(TriggerParams.SILENCE)))
                .inEventTime()
                .process(new StaleAccountMatches(), TypeInformation.of(StaleAccountEvidence.class))
                .uid(TriggerUids.STALE_ACCOUNT_PATTERN).name("stale_account: CEP absence pattern");
        DataStream<StaleAccountEvidence> laterTouches = touches.getSideOutput(StaleAccountGate.LATER_TOUCHES)
                .map(StaleAccountEvidence::laterTouch, TypeInformation.of(StaleAccountEvidence.class))
                .uid(TriggerUids.STALE_ACCOUNT_LATER_TOUCHES).name("stale_account: later touches of a step");

        return silences.union(laterTouches)
                .keyBy(new EvidenceAccount())
                .connect(overrides)
                .process(new StaleAccountReport(catalog), candidates)
                .uid(TriggerUids.STALE_ACCOUNT_REPORT).name("stale_account: report")
                .union(touches.getSideOutput(StaleAccountGate.CLEARED));
    }

    static final class EvidenceAccount
            implements org.apache.flink.api.java.functions.KeySelector<StaleAccountEvidence, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(StaleAccountEvidence evidence) {
            return TriggerKeys.of(evidence.touch().tenantId(), evidence.touch().accountId());
        }
    }

    static final class TouchAccount implements org.apache.flink.api.java.functions.KeySelector<AccountTouch, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(AccountTouch touch) {
            return TriggerKeys.of(touch.tenantId(), touch.accountId());
        }
    }
}
