package com.crmautopilot.simulator.noise;

import com.crmautopilot.models.event.EventType;
import com.crmautopilot.models.output.DeadLetterReason;
import com.crmautopilot.simulator.SimulatedRecord;
import com.crmautopilot.simulator.SimulatorConfig;
import com.crmautopilot.simulator.engine.CleanEvent;
import com.crmautopilot.simulator.engine.EventEngine;
import com.crmautopilot.simulator.random.Rng;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Turns the clean, ordered stream into the stream a real topic would carry, without losing anything from it:
 * <ul>
 *   <li>out of order: a record is held back by d in [1 ms, maxLateness] of event time, and released before the
 *       first record whose time is past its own plus d. Everything emitted before it therefore has an event time
 *       at most d after its own: its lateness never exceeds the bound;</li>
 *   <li>duplicates: a byte-identical copy of a record emitted on time is held back the same way;</li>
 *   <li>malformed: an extra, broken record (see {@link Malformer}) is emitted right after its clean original.
 *       Reasons take turns over every malformed {@link DeadLetterReason}, from a seeded starting point, so that
 *       any ten consecutive defects cover all ten reasons.</li>
 * </ul>
 */
public final class NoiseInjector {

    /** A record on its way out, with the truth bookkeeping to run when it is emitted. */
    public static final class Outgoing {
        public final SimulatedRecord record;
        /** The clean event's type; null for a malformed record. */
        public final EventType type;
        final Runnable onEmitted;
        /** Shared between an original and its duplicate: the original's line, once it has one. */
        final long[] originalLine;

        Outgoing(SimulatedRecord record, EventType type, Runnable onEmitted, long[] originalLine) {
            this.record = record;
            this.type = type;
            this.onEmitted = onEmitted;
            this.originalLine = originalLine;
        }

        /** Tells the record its line (1-based position in the stream) and runs its truth bookkeeping. */
        public void emittedAt(long line) {
            if (!record.duplicate()) {
                originalLine[0] = line;
            }
            if (onEmitted != null) {
                onEmitted.run();
            }
        }

        /** For a duplicate: the line of the original it copies. */
        public long originalLine() {
            return originalLine[0];
        }
    }

    private record Held(long releaseAt, long sequence, Outgoing outgoing) implements Comparable<Held> {
        @Override
        public int compareTo(Held other) {
            int byTime = Long.compare(releaseAt, other.releaseAt);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    public static final List<DeadLetterReason> MALFORMED_REASONS =
            Arrays.stream(DeadLetterReason.values()).filter(DeadLetterReason::isMalformed).toList();

    private final EventEngine source;
    private final Rng rng;
    private final double outOfOrder;
    private final double duplicates;
    private final double malformed;
    private final long maxLatenessMillis;
    private final int reasonOffset;
    private final ArrayDeque<Outgoing> ready = new ArrayDeque<>();
    private final PriorityQueue<Held> held = new PriorityQueue<>();
    private long heldSequence;
    private int defectsMade;
    private boolean sourceDone;

    public NoiseInjector(SimulatorConfig config, EventEngine source) {
        this.source = source;
        this.rng = Rng.derive(config.seed(), "noise");
        this.outOfOrder = config.outOfOrderFraction();
        this.duplicates = config.duplicateFraction();
        this.malformed = config.malformedFraction();
        this.maxLatenessMillis = config.maxLateness().toMillis();
        this.reasonOffset = rng.nextInt(MALFORMED_REASONS.size());
    }

    /** The next record to emit, or null when the stream is over. */
    public Outgoing next() {
        while (ready.isEmpty()) {
            if (sourceDone) {
                Held last = held.poll();
                return last == null ? null : last.outgoing();
            }
            CleanEvent event = source.next();
            if (event == null) {
                sourceDone = true;
                continue;
            }
            while (!held.isEmpty() && held.peek().releaseAt() < event.timeMillis()) {
                ready.add(held.poll().outgoing());
            }
            accept(event);
        }
        return ready.poll();
    }

    private void accept(CleanEvent event) {
        SimulatedRecord record = new SimulatedRecord(event.key(), event.bytes(), event.tenantId(), event.eventId(),
                event.timeMillis(), null, false);
        long[] line = new long[1];
        Outgoing clean = new Outgoing(record, event.type(), event.onEmitted(), line);
        if (outOfOrder > 0 && rng.chance(outOfOrder)) {
            hold(clean, event.timeMillis());
        } else {
            ready.add(clean);
            if (duplicates > 0 && rng.chance(duplicates)) {
                SimulatedRecord copy = new SimulatedRecord(record.key(), record.value(), record.tenantId(),
                        record.eventId(), record.eventTimeMillis(), null, true);
                hold(new Outgoing(copy, event.type(), null, line), event.timeMillis());
            }
        }
        if (malformed > 0 && rng.chance(malformed)) {
            ready.add(malformedBeside(event));
        }
    }

    private void hold(Outgoing outgoing, long eventTime) {
        long delay = 1 + rng.nextLong(maxLatenessMillis);
        held.add(new Held(eventTime + delay, heldSequence++, outgoing));
    }

    private Outgoing malformedBeside(CleanEvent event) {
        int turn = reasonOffset + defectsMade++;
        DeadLetterReason reason = MALFORMED_REASONS.get(turn % MALFORMED_REASONS.size());
        int variant = turn / MALFORMED_REASONS.size();
        String badId = source.nextDefectId(event.tenantId());
        Malformer.Malformed broken = Malformer.corrupt(reason, event.bytes(), event.type(), badId, variant);
        SimulatedRecord record = new SimulatedRecord(event.key(), broken.bytes(), event.tenantId(), broken.eventId(),
                event.timeMillis(), reason, false);
        return new Outgoing(record, null, null, new long[1]);
    }
}
