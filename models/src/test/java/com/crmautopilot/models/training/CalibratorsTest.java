package com.crmautopilot.models.training;

import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.scoring.Calibration;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class CalibratorsTest {

    /** Margins of an over-confident model: the true log-odds are half the margin, shifted down. */
    private static double trueProbability(double margin) {
        return Calibration.sigmoid(0.5 * margin - 1.0);
    }

    private record Sample(double[] margins, int[] labels) {
    }

    private static Sample sample(int n, long seed) {
        Random random = new Random(seed);
        double[] m = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            m[i] = 3 * random.nextGaussian();
            y[i] = random.nextDouble() < trueProbability(m[i]) ? 1 : 0;
        }
        return new Sample(m, y);
    }

    private static double[] apply(Calibration c, double[] margins) {
        double[] p = new double[margins.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = c.probability(margins[i]);
        }
        return p;
    }

    @Test
    void bothCalibrationsAreMonotoneInTheMargin() {
        Sample s = sample(5000, 1);
        for (Calibration c : new Calibration[]{Calibrators.platt(s.margins(), s.labels()), Calibrators.isotonic(s.margins(), s.labels())}) {
            double previous = -1;
            for (double m = -15; m <= 15; m += 0.01) {
                double p = c.probability(m);
                assertThat(p).as("%s at %s", c.method(), m).isGreaterThanOrEqualTo(previous).isBetween(0.0, 1.0);
                previous = p;
            }
        }
    }

    @Test
    void plattRecoversTheTrueCurve() {
        Sample s = sample(20000, 2);

        Calibration.Platt platt = Calibrators.platt(s.margins(), s.labels());

        assertThat(platt.a()).isCloseTo(0.5, org.assertj.core.api.Assertions.within(0.05));
        assertThat(platt.b()).isCloseTo(-1.0, org.assertj.core.api.Assertions.within(0.08));
    }

    @Test
    void calibrationCutsTheCalibrationErrorOnFreshData() {
        Sample fitOn = sample(8000, 3);
        Sample fresh = sample(8000, 4);
        double raw = BinaryMetrics.ece(apply(new Calibration.Sigmoid(), fresh.margins()), fresh.labels());

        Calibrators.Choice choice = Calibrators.choose(fitOn.margins(), fitOn.labels(), 42);
        double calibrated = BinaryMetrics.ece(apply(choice.calibration(), fresh.margins()), fresh.labels());

        assertThat(raw).isGreaterThan(0.1);
        assertThat(calibrated).isLessThan(0.03).isLessThan(raw / 4);
        assertThat(choice.calibration().method()).isIn("platt", "isotonic");
        assertThat(choice.crossValidatedLogLoss().get("sigmoid"))
                .isGreaterThan(choice.crossValidatedLogLoss().get(choice.calibration().method()));
    }

    @Test
    void isotonicKeepsTheRankingBetweenItsKnots() {
        Sample s = sample(5000, 5);
        Calibration.Isotonic isotonic = Calibrators.isotonic(s.margins(), s.labels());

        double[] knots = isotonic.margins();
        for (int i = 1; i < knots.length; i++) {
            assertThat(knots[i]).isGreaterThan(knots[i - 1]);
        }
        assertThat(BinaryMetrics.auc(apply(isotonic, s.margins()), s.labels()))
                .isCloseTo(BinaryMetrics.auc(s.margins(), s.labels()), org.assertj.core.api.Assertions.within(0.005));
    }

    @Test
    void calibrationsRoundTripThroughJsonByMethod() {
        Sample s = sample(2000, 6);
        for (Calibration c : new Calibration[]{new Calibration.Sigmoid(), Calibrators.platt(s.margins(), s.labels()),
                Calibrators.isotonic(s.margins(), s.labels())}) {
            String json = Json.write(c);

            assertThat(json).contains("\"method\":\"" + c.method() + "\"");
            assertThat(Json.read(json, Calibration.class)).isEqualTo(c);
        }
    }
}
