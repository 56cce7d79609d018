package com.crmautopilot.cli.upgrade;

import com.crmautopilot.models.scoring.ShippedModels;
import com.crmautopilot.simulator.SimulatorConfig;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The jobs the upgrade tests guard: one entry per job. Add an entry when a job is added; extend the entry when a job
 * gains outputs or state. Lead scoring serves the shipped model from the start ({@code scoring.default-model}); its
 * announcements and commands topics exist but stay empty.
 */
final class UpgradeJobs {

    /**
     * Set {@code -Dupgrade.leads-per-tenant=N} to run the tests over a bigger world, for the savepoint-size figures
     * (see deploy/UPGRADES.md); the default keeps the whole suite within a few minutes.
     */
    static final String LEADS_PER_TENANT_PROPERTY = "upgrade.leads-per-tenant";

    /** The validator names its clock in a FUTURE_TIMESTAMP dead letter: the one wall-clock value in the outputs. */
    private static final Pattern VALIDATOR_CLOCK = Pattern.compile("ahead of \\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z");

    static final UpgradeJobSpec LEAD_INTELLIGENCE = new UpgradeJobSpec(
            "lead-intelligence",
            "com.crmautopilot.jobs.LeadIntelligenceJob",
            // 20 days: shorter than the profile's 30-day window, so no window-expiry timer fires. Expiry profiles
            // are emitted when a periodic watermark passes the expiry, which no two runs time alike.
            SimulatorConfig.builder()
                    .seed(11).days(20).tenants(2).leadsPerTenant(leadsPerTenant(150))
                    .repsPerTenant(3).accountsPerTenant(30).campaignsPerTenant(2)
                    .build(),
            // About 4,000 records, of which the savepoint has seen 60%: some 200 KB per release.
            SimulatorConfig.builder()
                    .seed(11).days(10).tenants(2).leadsPerTenant(100)
                    .repsPerTenant(3).accountsPerTenant(30).campaignsPerTenant(2)
                    .build(),
            2,
            // One subtask: at parallelism 2 the dedupe stage (keyed by event id) hands a lead's events to the profile
            // stage over two channels, in whatever order they arrive, so the versioned profile snapshots of any two
            // runs differ (their final content does not). Upgrades and recovery work the same at any parallelism.
            1,
            run -> List.of(
                    "--kafka.bootstrap-servers", run.bootstrapServers(),
                    "--kafka.group-id", run.groupId(),
                    "--topics.events", run.inputTopic(),
                    "--topics.lead-profiles", run.outputTopic("ai.lead-profiles"),
                    "--topics.dead-letter", run.outputTopic("ai.dead-letter"),
                    "--topics.lead-scores", run.outputTopic("ai.lead-scores"),
                    "--topics.score-changes", run.outputTopic("ai.score-changes"),
                    "--scoring.default-model", ShippedModels.LEAD_CONVERSION,
                    // Longer than the world: a decay timer fires when a periodic watermark passes it, after whichever
                    // events happened to arrive first, so its score differs between two runs. Events still rescore.
                    "--scoring.max-rescore-interval", "30 d",
                    "--sink.transactional-id-prefix", run.transactionalIdPrefix(),
                    "--checkpoint.interval", "1 s"),
            List.of("ai.lead-profiles", "ai.dead-letter", "ai.lead-scores", "ai.score-changes"),
            value -> VALIDATOR_CLOCK.matcher(value).replaceAll("ahead of <validator clock>"),
            new UpgradeJobSpec.NextVersion(
                    Path.of("operators/src/main/java/com/crmautopilot/operators/profile/LeadProfileState.java"),
                    "com.crmautopilot.operators.profile.LeadProfileState",
                    "/** Added by the upgrade test's version N+1 only. */ public long upgradeMarker;",
                    "upgradeMarker",
                    "lead-profile",
                    "lead-profile",
                    List.of("tenantId", "leadId"),
                    "version",
                    "upgrade/lead-intelligence/LeadIntelligenceNextVersion.java",
                    "com.crmautopilot.upgradetest.LeadIntelligenceNextVersion",
                    "upgrade-probe-events-per-tenant"),
            "dedupe-events");

    static final List<UpgradeJobSpec> ALL = List.of(LEAD_INTELLIGENCE);

    private UpgradeJobs() {
    }

    private static int leadsPerTenant(int standard) {
        return Integer.getInteger(LEADS_PER_TENANT_PROPERTY, standard);
    }
}
