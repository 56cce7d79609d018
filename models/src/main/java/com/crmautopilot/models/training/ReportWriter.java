package com.crmautopilot.models.training;

import com.crmautopilot.models.scoring.FeatureImportance;
import com.crmautopilot.models.scoring.Metrics;
import com.crmautopilot.models.scoring.ModelCard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code report.html}: one self-contained page (inline SVG, no scripts, no external files) with the holdout
 * metrics, the ROC curves of the model and the baseline, the reliability diagram before and after calibration,
 * the tiers, and the top features by gain.
 */
final class ReportWriter {

    private static final int SIZE = 300;
    private static final int PAD = 40;

    private ReportWriter() {
    }

    record Curves(List<double[]> roc, List<double[]> baselineRoc, List<BinaryMetrics.Bin> calibrated,
                  List<BinaryMetrics.Bin> uncalibrated, Map<String, Double> calibrationLogLoss) {
    }

    static void write(Path file, ModelCard card, Curves curves, List<String> warnings) {
        try {
            Files.writeString(file, render(card, curves, warnings));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static String render(ModelCard card, Curves curves, List<String> warnings) {
        Metrics m = card.metrics();
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(card.version())).append("</title>\n<style>")
                .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1000px}")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 10px;text-align:left}")
                .append("th{background:#f4f4f4}.plots{display:flex;gap:2em;flex-wrap:wrap}figure{margin:0}")
                .append("figcaption{font-size:0.9em;color:#555}.bar{background:#3b7dd8;height:12px}")
                .append("</style></head><body>\n");
        h.append("<h1>Model ").append(esc(card.version())).append("</h1>\n");
        h.append("<p>Predicts <b>").append(esc(card.label())).append("</b> from ").append(card.featureSpec().size())
                .append(" features with ").append(card.numTrees()).append(" trees. Trained ")
                .append(esc(String.valueOf(card.createdAt()))).append(" on ").append(esc(card.trainingData().source()))
                .append(" (").append(card.trainingData().rows()).append(" rows, ").append(esc(card.trainingData().from()))
                .append(" to ").append(esc(card.trainingData().to())).append("), split: <b>")
                .append(esc(m.split())).append("</b>")
                .append(card.trainingData().testFrom() == null ? "" : ", holdout from " + esc(card.trainingData().testFrom()))
                .append(".</p>\n");

        h.append("<h2>Holdout metrics</h2>\n<table><tr><th>metric</th><th>value</th></tr>\n");
        row(h, "AUC", m.auc());
        row(h, "Logistic baseline AUC", m.baselineAuc());
        row(h, "Oracle AUC (true probabilities)", m.oracleAuc());
        row(h, "Precision at p &ge; " + fmt(m.decisionThreshold()), m.precision());
        row(h, "Recall at p &ge; " + fmt(m.decisionThreshold()), m.recall());
        row(h, "Precision of the hot tier", m.precisionHot());
        row(h, "Recall of the hot tier", m.recallHot());
        row(h, "Share of rows hot", m.hotShare());
        row(h, "Log loss", m.logLoss());
        row(h, "Brier score", m.brier());
        row(h, "ECE (calibrated)", m.ece());
        row(h, "ECE (uncalibrated)", m.eceUncalibrated());
        row(h, "Positive rate", m.positiveRate());
        h.append("<tr><td>Rows: train / test</td><td>").append(m.nTrain()).append(" / ").append(m.nTest()).append("</td></tr>\n");
        h.append("</table>\n");

        h.append("<div class=\"plots\">\n<figure>").append(rocSvg(curves))
                .append("<figcaption>ROC on the holdout: model (blue), logistic baseline (orange).</figcaption></figure>\n");
        h.append("<figure>").append(reliabilitySvg(curves))
                .append("<figcaption>Reliability on the holdout: calibrated (blue), uncalibrated (grey); the diagonal is perfect.")
                .append("</figcaption></figure>\n</div>\n");

        h.append("<h2>Calibration and tiers</h2>\n<p>Chosen calibration: <b>").append(esc(card.calibration().method()))
                .append("</b>. Cross-validated log loss on the validation rows:");
        curves.calibrationLogLoss().forEach((method, loss) -> h.append(" ").append(esc(method)).append(" ").append(fmt(loss)).append(";"));
        h.append("</p>\n<p>Hot from p &ge; ").append(fmt(card.tierThresholds().hot())).append(", warm from p &ge; ")
                .append(fmt(card.tierThresholds().warm())).append(", cold below.</p>\n");

        h.append("<h2>Top features by gain</h2>\n<table><tr><th>feature</th><th>share of gain</th><th></th></tr>\n");
        double top = card.topFeatures().isEmpty() ? 1 : card.topFeatures().get(0).share();
        for (FeatureImportance f : card.topFeatures()) {
            h.append("<tr><td>").append(esc(f.feature())).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.1f%%", 100 * f.share()))
                    .append("</td><td style=\"width:300px\"><div class=\"bar\" style=\"width:")
                    .append(String.format(Locale.ROOT, "%.1f", top == 0 ? 0 : 100 * f.share() / top)).append("%\"></div></td></tr>\n");
        }
        h.append("</table>\n");
        if (!warnings.isEmpty()) {
            h.append("<h2>Data warnings</h2>\n<ul>\n");
            warnings.forEach(w -> h.append("<li>").append(esc(w)).append("</li>\n"));
            h.append("</ul>\n");
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void row(StringBuilder h, String name, Double value) {
        if (value != null) {
            h.append("<tr><td>").append(name).append("</td><td>").append(fmt(value)).append("</td></tr>\n");
        }
    }

    private static String rocSvg(Curves c) {
        StringBuilder s = frame("false positive rate", "true positive rate");
        s.append(line(0, 0, 1, 1, "#bbb", true));
        s.append(polyline(c.baselineRoc(), "#e08a2c"));
        s.append(polyline(c.roc(), "#3b7dd8"));
        return s.append("</svg>").toString();
    }

    private static String reliabilitySvg(Curves c) {
        StringBuilder s = frame("predicted probability", "observed rate");
        s.append(line(0, 0, 1, 1, "#bbb", true));
        s.append(binLine(c.uncalibrated(), "#999"));
        s.append(binLine(c.calibrated(), "#3b7dd8"));
        return s.append("</svg>").toString();
    }

    private static String binLine(List<BinaryMetrics.Bin> bins, String colour) {
        StringBuilder s = new StringBuilder(polyline(bins.stream().map(b -> new double[]{b.meanProbability(), b.outcomeRate()}).toList(), colour));
        int most = bins.stream().mapToInt(BinaryMetrics.Bin::count).max().orElse(1);
        for (BinaryMetrics.Bin b : bins) {
            double r = 2 + 5 * Math.sqrt((double) b.count() / most);
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"><title>%d rows</title></circle>",
                    x(b.meanProbability()), y(b.outcomeRate()), r, colour, b.count()));
        }
        return s.toString();
    }

    private static StringBuilder frame(String xLabel, String yLabel) {
        int full = SIZE + 2 * PAD;
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-size=\"11\">",
                full, full, full, full));
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#333\"/>",
                PAD, PAD, SIZE, SIZE));
        for (int i = 0; i <= 4; i++) {
            double v = i / 4.0;
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.2f</text>", x(v), PAD + SIZE + 14, v));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.2f</text>", PAD - 4, y(v) + 4, v));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>", PAD + SIZE / 2, PAD + SIZE + 30, xLabel));
        s.append(String.format(Locale.ROOT, "<text transform=\"translate(12,%d) rotate(-90)\" text-anchor=\"middle\">%s</text>", PAD + SIZE / 2, yLabel));
        return s;
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, boolean dashed) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"%s/>",
                x(x1), y(y1), x(x2), y(y2), colour, dashed ? " stroke-dasharray=\"4 3\"" : "");
    }

    private static String polyline(List<double[]> points, String colour) {
        StringBuilder s = new StringBuilder("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour).append("\" points=\"");
        for (double[] p : points) {
            s.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(p[0]), y(p[1])));
        }
        return s.append("\"/>").toString();
    }

    private static double x(double v) {
        return PAD + v * SIZE;
    }

    private static double y(double v) {
        return PAD + (1 - v) * SIZE;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
