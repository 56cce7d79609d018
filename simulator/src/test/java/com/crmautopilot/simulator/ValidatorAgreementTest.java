package com.crmautopilot.simulator;

import com.crmautopilot.models.output.DeadLetterReason;
import com.crmautopilot.models.validation.EventValidator;
import com.crmautopilot.models.validation.ValidationResult;
import com.crmautopilot.models.validation.ValidatorConfig;
import com.crmautopilot.simulator.noise.NoiseInjector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator and the validator agree: clean records are valid, each defect is rejected for its own reason. */
class ValidatorAgreementTest {

    private static SimulatorConfig config;
    private static List<SimulatedRecord> records;
    private static EventValidator validator;

    @BeforeAll
    static void simulate() {
        config = SmallWorlds.noisyMonth();
        records = SmallWorlds.records(config);
        // The validator's clock stands at the end of the simulated period: every clean event is in its past.
        validator = new EventValidator(ValidatorConfig.defaults(), Clock.fixed(config.end(), ZoneOffset.UTC));
    }

    @Test
    void everyCleanRecordAndDuplicateIsValidAndReadsBackAsTheSameEvent() {
        for (SimulatedRecord record : records) {
            if (record.isMalformed()) {
                continue;
            }
            ValidationResult result = validator.validate(record.value());
            assertThat(result).as(record.toString()).isInstanceOf(ValidationResult.Valid.class);
            var event = ((ValidationResult.Valid) result).event();
            assertThat(event.eventId()).isEqualTo(record.eventId());
            assertThat(event.tenantId()).isEqualTo(record.tenantId());
            assertThat(event.timestampMillis()).isEqualTo(record.eventTimeMillis());
        }
    }

    @Test
    void everyDefectIsRejectedForTheReasonItWasMadeFor() {
        Map<DeadLetterReason, Integer> seen = new EnumMap<>(DeadLetterReason.class);
        for (SimulatedRecord record : records) {
            if (!record.isMalformed()) {
                continue;
            }
            ValidationResult result = validator.validate(record.value());
            assertThat(result).as(record.toString()).isInstanceOf(ValidationResult.Invalid.class);
            assertThat(((ValidationResult.Invalid) result).reason()).as(record.toString()).isEqualTo(record.defect());
            seen.merge(record.defect(), 1, Integer::sum);
        }
        assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(NoiseInjector.MALFORMED_REASONS);
        // Enough of each reason that every recipe variant of it was exercised.
        assertThat(seen.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(10));
    }

    @Test
    void theValidatorReadsTheTenantAndEventIdOfDefectsThatCarryThem() {
        for (SimulatedRecord record : records) {
            if (record.isMalformed() && record.defect() != DeadLetterReason.NOT_JSON
                    && record.defect() != DeadLetterReason.OVERSIZED && record.eventId() != null) {
                var invalid = (ValidationResult.Invalid) validator.validate(record.value());
                assertThat(invalid.eventId()).as(record.toString()).isEqualTo(record.eventId());
            }
        }
    }
}
