package com.crmautopilot.operators.training;

import com.crmautopilot.models.event.CrmEvent;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * The newest event time a tenant's history holds. A snapshot is labelled only if its whole horizon lies at or
 * before it: past this point nobody knows whether the lead converted.
 *
 * <p>It is per tenant because tenants' histories may end at different times (one export is older, one tenant went
 * quiet); every valid event counts, heartbeats included, since they are how a quiet tenant's clock keeps moving.
 */
public record EndOfData(String tenantId, long atMillis) {

    public static final TypeInformation<EndOfData> TYPE = TypeInformation.of(EndOfData.class);

    public static EndOfData of(CrmEvent event) {
        return new EndOfData(event.tenantId(), event.timestampMillis());
    }

    /** The later of two; a reduce function over one tenant's events. */
    public static EndOfData later(EndOfData a, EndOfData b) {
        return a.atMillis >= b.atMillis ? a : b;
    }
}
