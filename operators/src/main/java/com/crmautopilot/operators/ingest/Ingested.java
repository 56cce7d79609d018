package com.crmautopilot.operators.ingest;

import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.output.DeadLetter;
import org.apache.flink.api.common.typeinfo.TypeInformation;

import java.util.Objects;

/**
 * What the source emits for one {@code crm.events} record: either a valid event or the dead letter that explains why
 * it is not one. Exactly one field is set; build it with the {@code of} factories (the canonical constructor stays
 * unchecked because Flink's record serializer calls it). A record of two nullable records, so Flink serializes it with its
 * POJO/record serializer and never falls back to Kryo.
 */
public record Ingested(CrmEvent event, DeadLetter deadLetter) {

    public static final TypeInformation<Ingested> TYPE = TypeInformation.of(Ingested.class);

    public static Ingested of(CrmEvent event) {
        return new Ingested(Objects.requireNonNull(event, "event"), null);
    }

    public static Ingested of(DeadLetter deadLetter) {
        return new Ingested(null, Objects.requireNonNull(deadLetter, "deadLetter"));
    }

    public boolean isEvent() {
        return event != null;
    }
}
