package com.crmautopilot.cep.account;

import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Between the gate and the stale-account pattern: stamps each touch with its pattern time
 * ({@link AccountTouch#cepAt()}) and lets event time through in steps of {@code stepMillis}.
 *
 * <p>Pattern times are step ends, so the pattern's timers (one at each buffered touch, one at the end of each
 * window) all fall on step boundaries; a watermark between two boundaries can fire none of them and would only be
 * forwarded through the pattern and the report behind it. A silence is reported at the first boundary after it,
 * at most one step late. The stepped watermark never passes the real one and a pattern time is always ahead of
 * the real watermark, so no touch becomes late.
 */
public final class SteppedEventTime extends AbstractStreamOperator<AccountTouch>
        implements OneInputStreamOperator<AccountTouch, AccountTouch> {

    private static final long serialVersionUID = 1L;

    private final long stepMillis;
    private long lastEmitted = Long.MIN_VALUE;

    public SteppedEventTime(long stepMillis) {
        if (stepMillis <= 0) {
            throw new IllegalArgumentException("step must be positive, got " + stepMillis);
        }
        this.stepMillis = stepMillis;
    }

    @Override
    public void processElement(StreamRecord<AccountTouch> element) {
        output.collect(element.replace(element.getValue(), element.getValue().cepAt()));
    }

    @Override
    public void processWatermark(Watermark mark) {
        long time = mark.getTimestamp();
        long stepped = time == Long.MAX_VALUE ? Long.MAX_VALUE : Math.floorDiv(time, stepMillis) * stepMillis;
        if (stepped > lastEmitted) {
            lastEmitted = stepped;
            output.emitWatermark(new Watermark(stepped));
        }
    }
}
