package com.crmautopilot.operators.scoring;

import com.crmautopilot.models.control.ControlCommand;
import com.crmautopilot.models.output.LeadProfile;
import com.crmautopilot.operators.keys.TenantKeys;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.functions.KeySelector;

import java.util.Objects;

/**
 * The scorer's keyed input: a profile change, or a {@code rescore} command for one lead. Exactly one is set. Single
 * rescores travel keyed, to the one lead's state, rather than broadcast to every key.
 */
public record LeadScoringInput(LeadProfile profile, ControlCommand rescore) {

    public static final TypeInformation<LeadScoringInput> TYPE = TypeInformation.of(LeadScoringInput.class);

    public static LeadScoringInput of(LeadProfile profile) {
        return new LeadScoringInput(Objects.requireNonNull(profile, "profile"), null);
    }

    public static LeadScoringInput of(ControlCommand rescore) {
        if (!Objects.requireNonNull(rescore, "rescore").isRescore() || rescore.leadId() == null) {
            throw new IllegalArgumentException("only a rescore of one lead goes keyed: " + rescore);
        }
        return new LeadScoringInput(null, rescore);
    }

    public String tenantId() {
        return profile != null ? profile.tenantId() : rescore.tenantId();
    }

    public String leadId() {
        return profile != null ? profile.leadId() : rescore.leadId();
    }

    /** The scorer's key: the lead within its tenant, the same key as the profile's. */
    public static KeySelector<LeadScoringInput, String> byLead() {
        return new ByLead();
    }

    private static final class ByLead implements KeySelector<LeadScoringInput, String> {
        @Override
        public String getKey(LeadScoringInput input) {
            return TenantKeys.of(input.tenantId(), input.leadId());
        }
    }
}
