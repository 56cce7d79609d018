package com.crmautopilot.operators.scoring;

import com.crmautopilot.models.control.ControlCommand;
import com.crmautopilot.models.control.ModelAnnouncement;
import com.crmautopilot.models.output.DeadLetter;
import org.apache.flink.api.common.typeinfo.TypeInformation;

import java.util.Objects;

/**
 * One decoded record of {@code ai.models} or {@code crm.control}: a model announcement, a command, or the dead letter
 * of a record that was neither. Exactly one is set; build it with the {@code of} factories.
 */
public record ControlMessage(ModelAnnouncement announcement, ControlCommand command, DeadLetter deadLetter) {

    public static final TypeInformation<ControlMessage> TYPE = TypeInformation.of(ControlMessage.class);

    public static ControlMessage of(ModelAnnouncement announcement) {
        return new ControlMessage(Objects.requireNonNull(announcement, "announcement"), null, null);
    }

    public static ControlMessage of(ControlCommand command) {
        return new ControlMessage(null, Objects.requireNonNull(command, "command"), null);
    }

    public static ControlMessage of(DeadLetter deadLetter) {
        return new ControlMessage(null, null, Objects.requireNonNull(deadLetter, "deadLetter"));
    }

    /** A rescore of one lead, which goes to that lead's keyed state rather than to every instance. */
    public boolean isSingleLeadRescore() {
        return command != null && command.isRescore();
    }
}
