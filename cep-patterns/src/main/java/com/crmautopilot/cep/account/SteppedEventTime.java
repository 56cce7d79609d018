package com.crmautopilot.cep.account;

import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Between the gate and the stale-account pattern: stamps each touch with its pattern time
 * ({@link AccountTouch#cepAt()}) and lets event time through in steps of {@code stepMillis}.
 *
 * <p>Why steps: Flink CEP in event time re-registers a timer at every watermark for each key with a pending
 * partial match, and on RocksDB each such timer is a seek (the 250 events/s measured in DESIGN.md). Every account
 * touched in the last 30 days has a partial match, so every watermark (every 200 ms) would visit all of them. With
 * a one-hour step the pattern's operator sees at most one watermark per hour of event time, and a 30-day silence is
 * reported at most one step late. The stepped watermark never passes the real one, so no touch becomes late.
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
