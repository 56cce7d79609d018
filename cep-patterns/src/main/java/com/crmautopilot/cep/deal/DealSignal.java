package com.crmautopilot.cep.deal;

import com.crmautopilot.operators.keys.TenantKeys;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.functions.KeySelector;

/**
 * The condensed deal stream: one small record per event that matters to a deal, with its payload already parsed, so
 * the keyed operators never see the firehose and never parse JSON. Fields a kind does not use are null.
 *
 * @param at            event time, epoch millis
 * @param userId        the envelope's user (on opportunity events: the owner, the fallback when no owner is known)
 * @param closeEpochDay the close date as {@link java.time.LocalDate#toEpochDay()}
 * @param stage         the stage entered ({@code created}, {@code stage_changed})
 */
public record DealSignal(
        String tenantId,
        String opportunityId,
        DealSignalKind kind,
        long at,
        String eventId,
        String contactId,
        String userId,
        String name,
        Double amount,
        String stage,
        Long closeEpochDay,
        String ownerId,
        String role,
        String competitor) {

    public static final TypeInformation<DealSignal> TYPE = TypeInformation.of(DealSignal.class);

    public String key() {
        return TenantKeys.of(tenantId, opportunityId);
    }

    public static KeySelector<DealSignal, String> byOpportunity() {
        return new ByOpportunity();
    }

    private static final class ByOpportunity implements KeySelector<DealSignal, String> {
        @Override
        public String getKey(DealSignal signal) {
            return signal.key();
        }
    }
}
