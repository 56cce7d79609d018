package com.crmautopilot.operators.suggest;

import com.crmautopilot.simulator.SimulatorConfig;
import com.crmautopilot.simulator.world.World;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The learning simulation over 10 simulated weeks: 3 tenants of 8 reps, about 19 candidates per rep per week. The
 * figures are logged (target/surefire-reports/...-output.txt) and asserted.
 */
class LearningSimulationTest {

    private static final Logger LOG = LoggerFactory.getLogger(LearningSimulationTest.class);
    private static final int WEEKS = 10;

    private static LearningSimulation.Result withLearning;
    private static LearningSimulation.Result withoutLearning;

    @BeforeAll
    static void simulate() {
        SimulatorConfig config = SimulatorConfig.builder().seed(42).tenants(3).repsPerTenant(8).leadsPerTenant(10)
                .accountsPerTenant(5).campaignsPerTenant(0).days(7).build();
        World world = World.build(config);
        LearningSimulation simulation = new LearningSimulation(world.reps(), world.feedbackOracle(),
                SuggestionPlanner.defaults(), config.start(), config.seed());
        withLearning = simulation.run(WEEKS, true);
        withoutLearning = simulation.run(WEEKS, false);
        LOG.info("Pushed-suggestion acceptance by week, with learning: {}", describe(withLearning));
        LOG.info("Pushed-suggestion acceptance by week, without learning: {}", describe(withoutLearning));
        System.out.printf("learning simulation (%d weeks): with learning %s; without %s%n", WEEKS,
                describe(withLearning), describe(withoutLearning));
    }

    @Test
    void acceptanceOfPushedSuggestionsRisesOverTheWeeksWithLearning() {
        double firstWeeks = (withLearning.weeks().get(0).pushedAcceptance() + withLearning.weeks().get(1).pushedAcceptance()) / 2;
        double lastWeeks = (withLearning.weeks().get(WEEKS - 1).pushedAcceptance()
                + withLearning.weeks().get(WEEKS - 2).pushedAcceptance()) / 2;

        assertThat(lastWeeks).isGreaterThan(firstWeeks + 0.05);
    }

    @Test
    void withLearningTheLastWeekBeatsTheRunWithoutAndTheSeedsTarget() {
        assertThat(withLearning.last().pushedAcceptance())
                .isGreaterThan(withoutLearning.last().pushedAcceptance())
                .isGreaterThan(withoutLearning.overallPushedAcceptance())
                .isGreaterThan(0.40);
    }

    @Test
    void learningDemotesToTheDigestRatherThanDropping() {
        for (LearningSimulation.Week week : withLearning.weeks()) {
            // Every candidate reaches the rep somewhere: pushed, or in the digest (a push may go to both).
            assertThat(week.reached()).isEqualTo(week.candidates());
        }
        assertThat(withLearning.last().digested()).isGreaterThan(withoutLearning.last().digested());
    }

    private static String describe(LearningSimulation.Result result) {
        return result.weeks().stream()
                .map(w -> String.format("w%d %.1f%% of %d pushed (%d to digest)", w.week(), 100 * w.pushedAcceptance(),
                        w.pushed(), w.digested()))
                .collect(Collectors.joining(", ", "[", "]"))
                + String.format(" overall %.1f%%", 100 * result.overallPushedAcceptance());
    }
}
