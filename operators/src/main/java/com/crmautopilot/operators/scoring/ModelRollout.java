package com.crmautopilot.operators.scoring;

import com.crmautopilot.models.control.ModelAnnouncement;
import com.crmautopilot.models.scoring.FeatureSpec;
import com.crmautopilot.models.scoring.GradientBoostedModel;
import com.crmautopilot.models.scoring.Model;

import java.util.function.Function;

/**
 * Decides what an announcement on {@code ai.models} does, without Flink: a new version is read, loaded and checked
 * before it can become active; a version the tenant already knows (or the job's default model) is re-activated
 * without any bytes, which is how rollbacks are announced. A model is refused when its files cannot be read, when
 * they are not the version or family announced, or when its feature spec does not have the shape the job encodes
 * (names and types in order, {@link FeatureSpec#compatibleWith}).
 */
public final class ModelRollout {

    private final String modelName;
    private final FeatureSpec servedShape;

    /**
     * @param modelName   the family this job serves, e.g. {@code lead-score}
     * @param servedShape the spec rows are encoded with; a model must be compatible with it
     */
    public ModelRollout(String modelName, FeatureSpec servedShape) {
        this.modelName = modelName;
        this.servedShape = servedShape;
    }

    /**
     * @param current   the tenant's models, or null
     * @param known     a loaded model by version, for versions the job holds; null when it holds none
     * @param defaultModel the job's default model, or null
     */
    public RolloutDecision decide(ModelAnnouncement announcement, TenantModels current,
                                  Function<String, Model> known, Model defaultModel) {
        if (!modelName.equals(announcement.modelName())) {
            return new RolloutDecision.Ignore("model family " + announcement.modelName() + " is not " + modelName);
        }
        String version = announcement.version();
        String active = current != null && current.activeVersion != null ? current.activeVersion
                : defaultModel != null ? defaultModel.version() : null;
        if (version.equals(active)) {
            return new RolloutDecision.Unchanged(version);
        }
        if (announcement.isReactivation()) {
            if (defaultModel != null && version.equals(defaultModel.version())) {
                return new RolloutDecision.Activate(version, null, defaultModel, true);
            }
            Model model = current != null && current.knows(version) ? known.apply(version) : null;
            if (model == null) {
                return new RolloutDecision.Refuse("version " + version + " is not known for tenant "
                        + announcement.tenantId() + " and the announcement carries no model");
            }
            return new RolloutDecision.Activate(version, null, model, true);
        }
        ModelArtifact artifact;
        GradientBoostedModel model;
        try {
            artifact = ModelArtifacts.read(announcement);
            model = ModelArtifacts.load(artifact);
        } catch (IllegalArgumentException e) {
            return new RolloutDecision.Refuse(e.getMessage());
        }
        if (!version.equals(model.version())) {
            return new RolloutDecision.Refuse("announced as version " + version + " but the model is "
                    + model.version());
        }
        if (!modelName.equals(model.card().name())) {
            return new RolloutDecision.Refuse("announced as " + modelName + " but the model is a "
                    + model.card().name());
        }
        if (!servedShape.compatibleWith(model.spec())) {
            return new RolloutDecision.Refuse("its feature spec does not match the job's: "
                    + servedShape.shapeDifference(model.spec()));
        }
        boolean rollback = current != null && current.knows(version);
        return new RolloutDecision.Activate(version, artifact, model, rollback);
    }
}
