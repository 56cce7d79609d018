package com.crmautopilot.cli.upgrade;

import com.crmautopilot.simulator.SimulatorConfig;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One job the upgrade tests guard. Every test of {@link JobUpgradeTest} runs once per entry of
 * {@link UpgradeJobs#ALL}, so a new job joins by adding an entry, and a job that grows (new stages, outputs, state)
 * updates its entry.
 *
 * @param name         the job's name, also its directory under {@code savepoints/<version>/}
 * @param mainClass    version N's entry class in the shaded jar
 * @param world        the simulated history the job runs over. It must not reach an output that depends on when
 *                     a periodic watermark arrives (see {@code deploy/UPGRADES.md}), or two uninterrupted runs
 *                     would already differ
 * @param fixtureWorld the smaller history of the savepoint fixture each release commits (kept well under 1 MB)
 * @param partitions   partitions of the input topic
 * @param parallelism  the job's parallelism; it too must keep the outputs deterministic
 * @param arguments    the program arguments of one run: broker, topics, group, transactional id prefix
 * @param outputs      the outputs' logical names, each compared record by record
 * @param normalizer   blanks what legitimately differs between two runs over the same input (a wall-clock time
 *                     in a message), applied to every output value before comparing
 * @param nextVersion  how to build the test-only version N+1
 * @param removableUid the uid of an operator with state, which the refused-restore test takes away
 */
record UpgradeJobSpec(
        String name,
        String mainClass,
        SimulatorConfig world,
        SimulatorConfig fixtureWorld,
        int partitions,
        int parallelism,
        Function<JobRun, List<String>> arguments,
        List<String> outputs,
        UnaryOperator<String> normalizer,
        NextVersion nextVersion,
        String removableUid) {

    UpgradeJobSpec {
        outputs = List.copyOf(outputs);
    }

    List<String> arguments(JobRun run) {
        return arguments.apply(run);
    }

    @Override
    public String toString() {
        return name;
    }

    /**
     * The test-only version N+1: version N's shaded jar with one state POJO changed by an added field, and an entry
     * class that runs the same pipeline plus one stateful operator under a uid that N never had.
     *
     * @param stateSource       the POJO's source file, relative to the project root; read and changed at test time
     * @param stateClass        its class name
     * @param addedField        the field declaration added to it, e.g. {@code public long upgradeMarker;}
     * @param addedFieldName    that field's name
     * @param stateUid          the uid of the operator that keeps the POJO
     * @param stateName         the name of its state descriptor
     * @param identityFields    fields of the POJO that identify whose state it is (e.g. tenant and lead)
     * @param progressField     a field that only grows while the state lives (e.g. the profile's version)
     * @param entrySource       classpath resource of the N+1 entry class's source, compiled against the shaded jar
     * @param entryClass        that class's name
     * @param newUid            the uid of the operator only N+1 has
     */
    record NextVersion(
            Path stateSource,
            String stateClass,
            String addedField,
            String addedFieldName,
            String stateUid,
            String stateName,
            List<String> identityFields,
            String progressField,
            String entrySource,
            String entryClass,
            String newUid) {

        NextVersion {
            identityFields = List.copyOf(identityFields);
        }
    }
}
