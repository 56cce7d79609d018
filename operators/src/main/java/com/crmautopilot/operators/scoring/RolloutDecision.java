package com.crmautopilot.operators.scoring;

import com.crmautopilot.models.scoring.Model;

/** What a model announcement does to a tenant's models. */
public sealed interface RolloutDecision {

    /** For a model family this job does not serve. */
    record Ignore(String why) implements RolloutDecision {
    }

    /** The announced version is already the active one. */
    record Unchanged(String version) implements RolloutDecision {
    }

    /**
     * Make {@code version} active and rescore the tenant's leads.
     *
     * @param artifact to store, or null when the version is already held (a rollback) or is the default model
     * @param model    the loaded model
     * @param rollback the version was known before
     */
    record Activate(String version, ModelArtifact artifact, Model model, boolean rollback) implements RolloutDecision {
    }

    /** Not served: the reason goes to the log and to a dead letter, and the tenant keeps its model. */
    record Refuse(String reason) implements RolloutDecision {
    }
}
