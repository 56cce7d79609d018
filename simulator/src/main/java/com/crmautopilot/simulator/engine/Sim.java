package com.crmautopilot.simulator.engine;

import com.crmautopilot.models.event.EventType;
import com.crmautopilot.simulator.world.Rhythm;

import java.time.Instant;
import java.time.ZoneId;

/** What every process of the simulation shares: the scheduler and the end of the period. */
final class Sim {

    static final long SECOND = 1000L;
    static final long MINUTE = 60 * SECOND;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;

    private final Scheduler scheduler;
    private final long endMillis;

    Sim(Scheduler scheduler, long endMillis) {
        this.scheduler = scheduler;
        this.endMillis = endMillis;
    }

    long now() {
        return scheduler.now();
    }

    long end() {
        return endMillis;
    }

    /** Schedules an event; work beyond the period is dropped at once, which keeps the queue small. */
    Draft emit(long time, TenantRuntime tenant, EventType type, Record payload) {
        Draft draft = new Draft(tenant, type, payload);
        if (time < endMillis) {
            scheduler.emit(time, draft);
        }
        return draft;
    }

    void at(long time, Scheduler.Action action) {
        if (time < endMillis) {
            scheduler.at(time, action);
        }
    }

    void at(Instant time, Scheduler.Action action) {
        at(time.toEpochMilli(), action);
    }

    /** Midnight starting the next local day. */
    static long nextLocalMidnight(long now, ZoneId zone) {
        return Instant.ofEpochMilli(now).atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone)
                .toInstant().toEpochMilli();
    }

    /** Moves a moment out of the night (23:00-07:00 local) into the next morning, when people read mail. */
    static long waking(long t, ZoneId zone, com.crmautopilot.simulator.random.Rng rng) {
        var local = Instant.ofEpochMilli(t).atZone(zone);
        int hour = local.getHour();
        if (hour >= 7 && hour < 23) {
            return t;
        }
        var day = hour >= 23 ? local.toLocalDate().plusDays(1) : local.toLocalDate();
        long morning = day.atTime(7, 0).atZone(zone).toInstant().toEpochMilli();
        return Math.max(t, morning + rng.nextLong(2 * HOUR));
    }

    static long workingHoursLater(long from, ZoneId zone, double hours) {
        return Rhythm.plusWorkingHours(Instant.ofEpochMilli(from), zone, hours).toEpochMilli();
    }
}
