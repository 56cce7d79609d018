package com.crmautopilot.simulator;

import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.util.Iterator;

import static org.assertj.core.api.Assertions.assertThat;

class DeterminismTest {

    @Test
    void sameConfigAndSeedGiveTheSameBytesRecordForRecord() {
        SimulatorConfig config = SmallWorlds.noisyMonth();
        Iterator<SimulatedRecord> first = new Simulator(config).start();
        Iterator<SimulatedRecord> second = new Simulator(config).start();
        long n = 0;
        while (first.hasNext()) {
            assertThat(second.hasNext()).isTrue();
            assertThat(second.next()).isEqualTo(first.next());
            n++;
        }
        assertThat(second.hasNext()).isFalse();
        assertThat(n).isGreaterThan(10_000);
    }

    @Test
    void twoRunsOfOneSimulatorAreIdenticalToo() throws Exception {
        Simulator simulator = new Simulator(SmallWorlds.month());
        assertThat(digest(simulator.start())).isEqualTo(digest(simulator.start()));
    }

    @Test
    void anotherSeedGivesAnotherWorld() throws Exception {
        SimulatorConfig config = SmallWorlds.month();
        String a = digest(new Simulator(config).start());
        String b = digest(new Simulator(config.toBuilder().seed(config.seed() + 1).build()).start());
        assertThat(b).isNotEqualTo(a);
    }

    @Test
    void noiseDrawsFromItsOwnStreamSoTheCleanStoryDoesNotDependOnIt() throws Exception {
        SimulatorConfig noisy = SmallWorlds.noisyMonth();
        String cleanOfNoisy = digest(new Simulator(noisy).records().filter(SimulatedRecord::isClean)
                .sorted(java.util.Comparator.comparing(SimulatedRecord::tenantId)
                        .thenComparing(SimulatedRecord::eventId)).iterator());
        String noiseless = digest(new Simulator(noisy.withoutNoise()).records()
                .sorted(java.util.Comparator.comparing(SimulatedRecord::tenantId)
                        .thenComparing(SimulatedRecord::eventId)).iterator());
        assertThat(cleanOfNoisy).isEqualTo(noiseless);
    }

    private static String digest(Iterator<SimulatedRecord> records) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        while (records.hasNext()) {
            SimulatedRecord r = records.next();
            sha.update(r.key().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update(r.value());
            sha.update((byte) '\n');
        }
        return java.util.HexFormat.of().formatHex(sha.digest());
    }
}
