package com.crmautopilot.operators.time;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Watermarks for the control and configuration streams ({@code ai.models}, {@code crm.control}'s commands and trigger
 * overrides). They are applied as they arrive, not in event time, and they are mostly silent: a stream that emitted
 * no watermark would hold its consumer's event time at its minimum for ever (an operator's watermark is the least of
 * its inputs'), and no decay timer or absence trigger would fire.
 * So they declare, from the start, that they hold event time back not at all.
 */
public final class ControlWatermarks {

    private ControlWatermarks() {
    }

    public static <T> WatermarkStrategy<T> neverHoldBack() {
        return WatermarkStrategy.forGenerator(context -> new EndOfTime<>());
    }

    private static final class EndOfTime<T> implements WatermarkGenerator<T> {
        @Override
        public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            output.emitWatermark(new Watermark(Long.MAX_VALUE));
        }
    }
}
