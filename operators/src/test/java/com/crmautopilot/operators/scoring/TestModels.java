package com.crmautopilot.operators.scoring;

import com.crmautopilot.models.control.ModelAnnouncement;
import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.output.LeadProfile;
import com.crmautopilot.models.scoring.Calibration;
import com.crmautopilot.models.scoring.GradientBoostedModel;
import com.crmautopilot.models.scoring.LeadFeatures;
import com.crmautopilot.models.scoring.RawFeatures;
import com.crmautopilot.models.training.Dataset;
import com.crmautopilot.models.training.Trainer;
import com.crmautopilot.models.training.TrainerConfig;
import com.crmautopilot.models.training.TrainingResult;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Small real models for scoring tests, trained once per JVM with the project's own trainer on synthetic leads
 * whose conversion follows a known logit: recent demo requests, visits, clicks, replies, seniority and software
 * raise it; silence lowers it. Training reads features through {@link LeadFeatures#from}, like serving.
 */
final class TestModels {

    static final String NAME = "lead-score";
    private static final Instant ANNOUNCED = Instant.parse("2026-02-01T00:00:00Z");
    private static final String[] INDUSTRIES = {"software", "retail", "finance", "government", "health"};
    private static final String[] TITLES = {"Intern", "Analyst", "Marketing Manager", "Director of Sales", "CEO"};
    private static final double[] TITLE_EFFECT = {-0.7, -0.4, 0, 0.5, 1.0};
    private static final double[] INDUSTRY_EFFECT = {0.6, -0.2, 0.2, -0.8, 0};

    private static ModelArtifact first;
    private static ModelArtifact second;
    private static ModelArtifact third;

    private TestModels() {
    }

    /** Version one. */
    static synchronized ModelArtifact v1() {
        if (first == null) {
            first = train(1);
        }
        return first;
    }

    /** Another sample, other trees: another version. */
    static synchronized ModelArtifact v2() {
        if (second == null) {
            second = train(2);
        }
        return second;
    }

    static synchronized ModelArtifact v3() {
        if (third == null) {
            third = train(3);
        }
        return third;
    }

    static GradientBoostedModel load(ModelArtifact artifact) {
        return ModelArtifacts.load(artifact);
    }

    static ModelAnnouncement announce(String tenant, ModelArtifact artifact) {
        return ModelAnnouncement.inline(tenant, NAME, artifact.version, artifact.modelJson, artifact.modelUbj, ANNOUNCED);
    }

    /** v1's trees under a spec whose last feature has another name: a model for some other job's features. */
    static ModelAnnouncement incompatible(String tenant) {
        ModelArtifact v1 = v1();
        try {
            ObjectNode card = (ObjectNode) Json.mapper().readTree(v1.modelJson);
            card.put("version", "lead-score-renamed-campaign");
            ObjectNode last = (ObjectNode) card.get("feature_spec").get("features")
                    .get(LeadFeatures.template().size() - 1);
            last.put("name", "campaign_name");
            byte[] json = Json.mapper().writeValueAsBytes(card);
            return ModelAnnouncement.inline(tenant, NAME, "lead-score-renamed-campaign", json, v1.modelUbj, ANNOUNCED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ModelArtifact train(long seed) {
        Random random = new Random(seed);
        int n = 3000;
        List<RawFeatures> rows = new ArrayList<>(n);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            Example example = example(random);
            rows.add(example.features);
            labels[i] = random.nextDouble() < Calibration.sigmoid(example.logit) ? 1 : 0;
        }
        Dataset data = Dataset.fromRawFeatures("synthetic-profiles-" + seed, LeadFeatures.template(), rows, labels)
                .labelName("converted_30d").build();
        TrainerConfig config = TrainerConfig.builder().maxRounds(40).earlyStoppingRounds(10).maxDepth(4)
                .threads(1).seed(seed).build();
        try {
            Path dir = Files.createTempDirectory("scoring-test-model-" + seed + "-");
            dir.toFile().deleteOnExit();
            TrainingResult result = new Trainer(config, (step, done, total) -> { }).train(data, dir);
            return ModelArtifacts.fromDirectory(result.directory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Example(RawFeatures features, double logit) {
    }

    private static Example example(Random r) {
        Instant now = TestProfiles.T0.plus(Duration.ofHours(r.nextInt(24 * 90)));
        int title = r.nextInt(TITLES.length);
        int industry = r.nextInt(INDUSTRIES.length);
        int size = (int) Math.round(Math.exp(1 + 2.5 * r.nextDouble() * 2));
        int sent = r.nextInt(8);
        int opens = (int) Math.round(sent * r.nextDouble());
        int clicks = (int) Math.round(opens * r.nextDouble() * 0.7);
        int replies = r.nextDouble() < 0.2 ? 1 + r.nextInt(2) : 0;
        int visits = r.nextInt(10);
        int downloads = r.nextDouble() < 0.3 ? 1 + r.nextInt(3) : 0;
        boolean demo = r.nextDouble() < 0.2;
        double demoDays = 40 * r.nextDouble();
        double quietDays = 60 * r.nextDouble() * r.nextDouble();
        Instant lastActivity = now.minus(Duration.ofMinutes((long) (quietDays * 1440)));
        TestProfiles builder = TestProfiles.lead("synthetic").at(now).title(TITLES[title]).companySize(size)
                .industry(INDUSTRIES[industry]).emails(sent, opens, clicks, replies).visits(visits)
                .downloads(downloads).events(1 + sent + visits + downloads)
                .firstTouchAt(lastActivity.minus(Duration.ofDays(r.nextInt(60)))).lastActivityAt(lastActivity)
                .touchedAt(lastActivity);
        if (demo) {
            builder.demo(now.minus(Duration.ofMinutes((long) (demoDays * 1440))));
        }
        if (replies > 0) {
            builder.responseHours(1 + 30 * r.nextDouble());
        }
        LeadProfile profile = builder.build();
        double logit = -2.3
                + (demo ? 2.5 * Math.exp(-demoDays / 7) : 0)
                + 0.2 * visits
                + 0.3 * clicks
                + 0.5 * Math.min(replies, 2)
                + 0.4 * downloads
                + TITLE_EFFECT[title]
                + INDUSTRY_EFFECT[industry]
                + (size > 200 ? 0.4 : size < 10 ? -0.5 : 0)
                - 1.8 * Math.min(1, quietDays / 30);
        return new Example(LeadFeatures.from(profile, now), logit);
    }
}
