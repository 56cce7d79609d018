package com.crmautopilot.models.training;

import com.crmautopilot.models.scoring.Calibration;
import com.crmautopilot.models.scoring.LeadFeatures;
import com.crmautopilot.models.scoring.RawFeatures;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded lead snapshots in the lead-scoring template's layout, with a known conversion probability: engagement,
 * a fresh demo request, fast replies, executives at larger companies and some industries raise it; silence lowers
 * it. About a tenth of the values are missing, as in real CRMs.
 */
final class SyntheticLeads {

    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final String[] INDUSTRIES = {"software", "retail", "finance", "health", "energy", "media", "public", "travel"};
    private static final double[] INDUSTRY_EFFECT = {0.6, -0.4, 0.3, 0.1, -0.2, 0.0, -0.6, -0.3};
    private static final String[] SENIORITIES = {"junior", "mid", "senior", "exec"};
    private static final String[] COUNTRIES = {"US", "GB", "DE", "FR", "BR"};
    private static final String[] SOURCES = {"web", "event", "partner", "outbound", "webinar"};

    private SyntheticLeads() {
    }

    static Dataset generate(int n, long seed) {
        Random r = new Random(seed);
        List<RawFeatures> rows = new ArrayList<>(n);
        int[] labels = new int[n];
        double[] truth = new double[n];
        long[] times = new long[n];
        int width = LeadFeatures.template().size();
        for (int i = 0; i < n; i++) {
            RawFeatures raw = RawFeatures.empty(width);
            double[] x = raw.numbers();
            String[] c = raw.categories();
            double size = Math.exp(3 + 2 * r.nextGaussian());
            int industry = r.nextInt(INDUSTRIES.length);
            int seniority = r.nextInt(SENIORITIES.length);
            int sent = r.nextInt(12);
            int opens = (int) Math.round(sent * r.nextDouble());
            int clicks = (int) Math.round(opens * r.nextDouble() * 0.6);
            int visits = poisson(r, 2.5);
            int downloads = poisson(r, 0.6);
            boolean demo = r.nextDouble() < 0.12;
            double daysSinceDemo = demo ? 30 * r.nextDouble() : Double.NaN;
            double firstTouch = 180 * r.nextDouble();
            double lastActivity = firstTouch * r.nextDouble();
            int replies = poisson(r, 0.4);
            double responseHours = replies > 0 ? Math.exp(1 + 1.5 * r.nextGaussian()) : Double.NaN;

            x[0] = missing(r, 0.1) ? Double.NaN : Math.round(size);
            c[1] = missing(r, 0.05) ? null : INDUSTRIES[industry];
            c[2] = missing(r, 0.1) ? null : SENIORITIES[seniority];
            c[3] = COUNTRIES[r.nextInt(COUNTRIES.length)];
            x[4] = opens;
            x[5] = clicks;
            x[6] = sent == 0 ? Double.NaN : (double) clicks / sent;
            x[7] = replies;
            x[8] = visits;
            x[9] = downloads;
            x[10] = poisson(r, 0.2);
            x[11] = poisson(r, 0.3);
            x[12] = demo ? 1 : 0;
            x[13] = daysSinceDemo;
            x[14] = firstTouch;
            x[15] = missing(r, 0.1) ? Double.NaN : lastActivity * 0.8;
            x[16] = lastActivity;
            x[17] = responseHours;
            c[18] = SOURCES[r.nextInt(SOURCES.length)];
            c[19] = "K-" + r.nextInt(20);

            // Steps, decay, saturation and an interaction: what trees capture and a linear model cannot.
            double logit = -2.6
                    + (demo ? 2.5 * Math.exp(-daysSinceDemo / 7) : 0)
                    + (visits >= 3 ? 1.0 : 0)
                    + 0.8 * Math.log1p(downloads)
                    + 0.15 * clicks
                    + 0.6 * Math.min(replies, 2)
                    + (replies > 0 && responseHours < 4 ? 0.6 : 0)
                    + (seniority == 3 && size > 200 ? 1.4 : 0.15 * seniority)
                    + 1.5 * INDUSTRY_EFFECT[industry]
                    - 1.5 * Math.min(1, lastActivity / 45);
            truth[i] = Calibration.sigmoid(logit);
            labels[i] = r.nextDouble() < truth[i] ? 1 : 0;
            times[i] = START.plus(Duration.ofMinutes((long) i * 17)).toEpochMilli();
            rows.add(raw);
        }
        return Dataset.fromRawFeatures("synthetic-leads", LeadFeatures.template(), rows, labels)
                .labelName("converted_30d")
                .times("snapshot_at", times)
                .trueProbabilities(truth)
                .build();
    }

    private static boolean missing(Random r, double rate) {
        return r.nextDouble() < rate;
    }

    private static int poisson(Random r, double mean) {
        double l = Math.exp(-mean);
        int k = 0;
        double p = r.nextDouble();
        while (p > l) {
            k++;
            p *= r.nextDouble();
        }
        return k;
    }
}
