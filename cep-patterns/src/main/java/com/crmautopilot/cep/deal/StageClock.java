package com.crmautopilot.cep.deal;

/** Per deal: the stage it is in and since when, to measure the stay when it moves on. A Flink POJO. */
public class StageClock {

    public String stage;
    public long enteredAt;
    /** False while the clock was started by a stage change whose deal's creation has not arrived (out of order). */
    public boolean createdSeen;
    /** The time of the first stage change seen, while {@link #createdSeen} is false; else null. */
    public Long firstChangeAt;
    /** Won or lost: a tombstone until its timer, so signals arriving late cannot start a new clock. */
    public boolean closed;
    /** The one timer (cleanup), or null. */
    public Long timerAt;

    public StageClock() {
    }
}
