package com.crmautopilot.cep.config;

import com.crmautopilot.models.suggest.TriggerType;
import com.crmautopilot.operators.suggest.TriggerPolicies;
import com.crmautopilot.operators.suggest.TriggerPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine's shipped policies (used without a conf directory) and the trigger catalog read the same file alike. */
class TriggerPoliciesMatchCatalogTest {

    @Test
    void everyTriggersBasePriorityCooldownAndSnoozeAgree() {
        TriggerCatalog catalog = TriggerCatalog.defaults();
        TriggerPolicies builtIn = TriggerPolicies.defaults();
        for (TriggerType type : TriggerType.values()) {
            TriggerSettings settings = catalog.settings(type);
            TriggerPolicy policy = builtIn.of(type);
            assertThat(policy.basePriority()).as(type.wireName() + " base_priority")
                    .isEqualTo(settings.decimal(TriggerParams.BASE_PRIORITY));
            assertThat(policy.cooldown()).as(type.wireName() + " cooldown")
                    .isEqualTo(settings.duration(TriggerParams.COOLDOWN));
            assertThat(policy.snooze()).as(type.wireName() + " snooze")
                    .isEqualTo(settings.duration(TriggerParams.SNOOZE));
        }
    }
}
