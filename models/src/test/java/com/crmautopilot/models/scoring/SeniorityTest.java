package com.crmautopilot.models.scoring;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SeniorityTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "CEO | EXEC",
            "Chief Revenue Officer | EXEC",
            "VP, Marketing | EXEC",
            "Senior Vice President of Sales | EXEC",
            "Co-Founder & CTO | EXEC",
            "Owner | EXEC",
            "Managing Director | EXEC",
            "Director of Engineering | SENIOR",
            "Head of Growth | SENIOR",
            "Sr. Data Engineer | SENIOR",
            "Senior Manager, IT | SENIOR",
            "Principal Architect | SENIOR",
            "Team Lead | SENIOR",
            "Marketing Manager | MID",
            "Software Engineer | MID",
            "Account Executive | MID",
            "Lead Generation Specialist | MID",
            "Junior Analyst | JUNIOR",
            "Jr. Developer | JUNIOR",
            "Marketing Intern | JUNIOR",
            "Sales Associate | JUNIOR",
            "Graduate Trainee | JUNIOR",
            "Executive Assistant to the CEO | JUNIOR",
            "Assistant to the VP | JUNIOR"})
    void parsesSeniorityFromTitles(String title, Seniority expected) {
        assertThat(Seniority.parse(title)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "--"})
    void aBlankTitleHasNoSeniority(String title) {
        assertThat(Seniority.parse(title)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"vp sales", "VP SALES", "  Vp   Sales  "})
    void ignoresCaseAndSpacing(String title) {
        assertThat(Seniority.parse(title)).isEqualTo(Seniority.EXEC);
    }
}
