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
 * account marks ─► touches, profiles ─► keyBy account ─► gate (name, owner, tenant silence; cleared) ─►
 *   stepped event time ─► keyBy account ─► CEP (last_touch !→ next_touch within silence) ─► enabled for tenant
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

        SingleOutputStreamOperator<SuggestionCandidate> matches = CEP
                .pattern(stepped.keyBy(new TouchAccount()),
                        StaleAccountPattern.of(defaults.duration(TriggerParams.SILENCE)))
                .inEventTime()
                .process(new StaleAccountMatches(), candidates)
                .uid(TriggerUids.STALE_ACCOUNT_PATTERN).name("stale_account: CEP absence pattern");

        return matches
                .connect(overrides)
                .process(new EnabledForTenant(catalog, TriggerType.STALE_ACCOUNT), candidates)
                .uid(TriggerUids.STALE_ACCOUNT_ENABLED).name("stale_account: enabled for tenant")
                .union(touches.getSideOutput(StaleAccountGate.CLEARED));
    }

    static final class TouchAccount implements org.apache.flink.api.java.functions.KeySelector<AccountTouch, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(AccountTouch touch) {
            return TriggerKeys.of(touch.tenantId(), touch.accountId());
        }
    }
}
