package com.crmautopilot.operators.profile;

/**
 * The engagement counted in one bucket of event time (one minute by default). A Flink POJO: public no-arg
 * constructor and public fields, so it evolves with the profile state. Add new counters as new fields.
 */
public class WindowBucket {

    /** Bucket start, epoch millis, aligned to the bucket size. */
    public long start;
    public int emailsSent;
    public int emailOpens;
    public int emailClicks;
    public int emailReplies;
    public int webVisits;
    public int contentDownloads;
    public int demoRequests;
    public int formSubmits;
    public int callsMeetings;

    public WindowBucket() {
    }

    public WindowBucket(long start) {
        this.start = start;
    }
}
