package com.crmautopilot.cep.deal;

/**
 * Per tenant and stage: the most recent completed stay durations in a ring buffer of fixed capacity, so the median
 * follows the tenant's current pace and the state has a fixed size. A Flink POJO.
 */
public class StageSample {

    public String tenantId;
    public String stage;
    /** Ring buffer of durations in millis; only the first {@link #size} entries are filled. */
    public long[] durations = new long[0];
    public int size;
    /** Where the next duration goes. */
    public int next;
    /** The median last broadcast, or -1 when none was. */
    public long emittedMedian = -1;
    public long lastStayAt;
    /** The cleanup timer, or null. */
    public Long timerAt;

    public StageSample() {
    }
}
