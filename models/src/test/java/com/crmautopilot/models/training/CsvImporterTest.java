package com.crmautopilot.models.training;

import com.crmautopilot.models.scoring.FeatureType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvImporterTest {

    private static Dataset parse(String text, CsvOptions options) {
        return CsvImporter.parse(text, "test.csv", options);
    }

    private static CsvOptions label(String column) {
        return CsvOptions.label(column).build();
    }

    // ---- the quirks of real exports

    @Test
    void readsQuotedFieldsWithSeparatorsDoubledQuotesAndLineBreaksInside() {
        Dataset data = parse("name,note,y\n"
                + "\"Smith, Jane\",\"said \"\"hi\"\"\",1\n"
                + "\"Lee\",\"two\nlines\",0\n", label("y"));

        assertThat(data.column("name").texts()).containsExactly("Smith, Jane", "Lee");
        assertThat(data.column("note").texts()).containsExactly("said \"hi\"", "two\nlines");
        assertThat(data.labels()).containsExactly(1, 0);
    }

    @Test
    void readsCrlfLineEndsWithoutStrayCarriageReturns() {
        Dataset data = parse("a,b,y\r\n1,x,yes\r\n2,z,no\r\n", label("y"));

        assertThat(data.column("b").texts()).containsExactly("x", "z");
        assertThat(data.column("a").numbers()).containsExactly(1, 2);
        assertThat(data.labels()).containsExactly(1, 0);
    }

    @Test
    void ignoresATrailingEmptyHeaderColumn() {
        Dataset data = parse("a,b,y,\n1,x,1,\n2,z,0,\n", label("y"));

        assertThat(data.columns()).extracting(Column::name).containsExactly("a", "b");
    }

    @Test
    void readsARealisticCrmExportWithEveryQuirkAtOnce() throws URISyntaxException {
        Path file = Path.of(getClass().getResource("/training/crm-export.csv").toURI());

        Dataset data = CsvImporter.read(file, CsvOptions.label("Converted").id("Lead ID").time("Created").build());

        assertThat(data.size()).isEqualTo(6);
        assertThat(data.labels()).containsExactly(1, 0, 0, 1, 0, 0);
        assertThat(data.ids()).containsExactly("L-1", "L-2", "L-3", "L-4", "L-5", "L-6");
        assertThat(data.times()[0]).isEqualTo(Instant.parse("2024-01-03T00:00:00Z").toEpochMilli());
        assertThat(data.columns()).extracting(Column::name)
                .containsExactly("Company Size", "Industry", "Lead Source", "Title, as entered");
        assertThat(data.column("Company Size").type()).isEqualTo(FeatureType.NUMERIC);
        assertThat(data.column("Company Size").numbers()).containsExactly(120, Double.NaN, 15, 8000, Double.NaN, 340);
        assertThat(data.column("Industry").texts()).containsExactly("Software", null, "Retail", "Software", "Finance", "Retail");
        assertThat(data.column("Title, as entered").texts()).contains("VP, Sales", "Engineer \"II\"", "Head of\r\nMarketing");
    }

    @ParameterizedTest
    @ValueSource(strings = {",", ";", "\t", "|"})
    void detectsTheSeparator(String separator) {
        String text = String.join(separator, "age", "job", "y") + "\n"
                + String.join(separator, "31", "\"admin, senior\"", "no") + "\n"
                + String.join(separator, "45", "technician", "yes") + "\n";

        Dataset data = parse(text, label("y"));

        assertThat(data.column("job").texts()).containsExactly("admin, senior", "technician");
        assertThat(data.column("age").numbers()).containsExactly(31, 45);
    }

    @Test
    void aGivenSeparatorOverridesDetection() {
        // Comma and pipe split these lines equally well, and detection prefers the comma; the file means the pipe.
        String text = "amount,eur|y\n1,5|yes\n3,25|no\n";

        Dataset data = parse(text, CsvOptions.label("y").separator('|').build());

        assertThat(data.columns()).extracting(Column::name).containsExactly("amount,eur");
        assertThat(data.column("amount,eur").texts()).containsExactly("1,5", "3,25");
        assertThatThrownBy(() -> parse(text, label("y"))).hasMessageContaining("no label column 'y'");
    }

    @Test
    void readsTheDefaultPlaceholdersAsMissingButNotUnknown() {
        Dataset data = parse("""
                industry,y
                Select,1
                NA,0
                n/a,1
                NULL,0
                ,1
                unknown,0
                retail,1
                """, label("y"));

        assertThat(data.column("industry").texts()).containsExactly(null, null, null, null, null, "unknown", "retail");
    }

    @Test
    void readsOnlyTheConfiguredPlaceholdersAsMissing() {
        Dataset data = parse("industry,y\nunknown,1\nSelect,0\n", CsvOptions.label("y").placeholders(Set.of("unknown")).build());

        assertThat(data.column("industry").texts()).containsExactly(null, "Select");
    }

    @Test
    void infersNumericBooleanAndCategoricalColumns() {
        Dataset data = parse("""
                size,opted_in,city,score,y
                10,yes,Lyon,1e3,1
                -2.5,no,Paris,.5,0
                ,yes,7,NA,1
                """, label("y"));

        assertThat(data.column("size").type()).isEqualTo(FeatureType.NUMERIC);
        assertThat(data.column("size").numbers()).containsExactly(10, -2.5, Double.NaN);
        assertThat(data.column("opted_in").type()).isEqualTo(FeatureType.BOOLEAN);
        assertThat(data.column("opted_in").numbers()).containsExactly(1, 0, 1);
        assertThat(data.column("city").type()).isEqualTo(FeatureType.CATEGORICAL);
        assertThat(data.column("score").numbers()).containsExactly(1000, 0.5, Double.NaN);
    }

    @Test
    void typeOverridesWin() {
        Dataset data = parse("zip,size,y\n02134,12,1\n75001,x,0\n",
                CsvOptions.label("y").type("zip", FeatureType.CATEGORICAL).type("size", FeatureType.NUMERIC).build());

        assertThat(data.column("zip").texts()).containsExactly("02134", "75001");
        assertThat(data.column("size").numbers()).containsExactly(12, Double.NaN);
        assertThat(data.warnings()).anyMatch(w -> w.contains("'size'") && w.contains("missing"));
    }

    @Test
    void dropsTheNamedColumnsAndKeepsIdAndTimeOutOfTheFeatures() {
        Dataset data = parse("id,when,duration,age,y\na,2024-01-01T10:00:00Z,300,40,1\nb,2024-01-02 11:30:00,20,50,0\n",
                CsvOptions.label("y").id("id").time("when").drop("duration").build());

        assertThat(data.columns()).extracting(Column::name).containsExactly("age");
        assertThat(data.times()).containsExactly(Instant.parse("2024-01-01T10:00:00Z").toEpochMilli(),
                Instant.parse("2024-01-02T11:30:00Z").toEpochMilli());
    }

    @Test
    void rowOrderAsTimeIsAnOptionForFilesAlreadyInDateOrder() {
        assertThat(parse("a,y\n1,1\n2,0\n", CsvOptions.label("y").rowOrderIsTime(true).build()).rowOrderIsTime()).isTrue();
        assertThat(parse("a,y\n1,1\n2,0\n", label("y")).rowOrderIsTime()).isFalse();
    }

    // ---- labels

    @ParameterizedTest
    @CsvSource({"yes,no", "Yes,No", "true,false", "TRUE,FALSE", "1,0", "1.0,0.0", "y,n"})
    void mapsBinaryLabelWords(String positive, String negative) {
        Dataset data = parse("a,y\n1," + positive + "\n2," + negative + "\n3," + positive + "\n", label("y"));

        assertThat(data.labels()).containsExactly(1, 0, 1);
    }

    @Test
    void aNamedPositiveValueMakesAnyTwoValuedLabelBinary() {
        Dataset data = parse("a,stage\n1,won\n2,lost\n3,won\n", CsvOptions.label("stage").positiveLabel("won").build());

        assertThat(data.labels()).containsExactly(1, 0, 1);
    }

    @Test
    void leavesOutRowsWithoutALabelAndSaysSo() {
        Dataset data = parse("a,y\n1,yes\n2,\n3,no\n", label("y"));

        assertThat(data.labels()).containsExactly(1, 0);
        assertThat(data.column("a").numbers()).containsExactly(1, 3);
        assertThat(data.warnings()).contains("1 rows have no label and were left out");
    }

    // ---- errors a person must fix

    @Test
    void aMissingLabelColumnNamesTheColumnsThereAre() {
        assertThatThrownBy(() -> parse("age,job,outcome\n1,x,yes\n", label("y")))
                .isInstanceOf(DataImportException.class)
                .hasMessage("test.csv has no label column 'y'. Its columns are: age, job, outcome.");
    }

    @Test
    void aMissingLabelColumnInAOneColumnReadingHintsAtTheSeparator() {
        assertThatThrownBy(() -> parse("age:job:y\n1:x:yes\n", label("y")))
                .isInstanceOf(DataImportException.class)
                .hasMessageContaining("is the separator right? Set it with --sep");
    }

    @Test
    void aLabelWithMoreThanTwoValuesIsRejectedWithTheValuesSeen() {
        assertThatThrownBy(() -> parse("a,y\n1,won\n2,lost\n3,open\n", label("y")))
                .isInstanceOf(DataImportException.class)
                .hasMessageContaining("the label column 'y' is not binary: line 2 has 'won'")
                .hasMessageContaining("'won', 'lost', 'open'")
                .hasMessageContaining("--positive");
    }

    @Test
    void aNumericLabelOtherThanZeroOrOneIsNotBinary() {
        assertThatThrownBy(() -> parse("a,y\n1,0\n2,1\n3,2\n", label("y")))
                .isInstanceOf(DataImportException.class)
                .hasMessageContaining("line 4 has '2'");
    }

    @Test
    void aLabelWithASingleClassHasNothingToLearn() {
        assertThatThrownBy(() -> parse("a,y\n1,no\n2,no\n", label("y")))
                .isInstanceOf(DataImportException.class)
                .hasMessageContaining("single class: every labelled row is negative");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n\n", "\uFEFF", "   \r\n"})
    void anEmptyFileIsRejected(String text) {
        assertThatThrownBy(() -> parse(text, label("y")))
                .isInstanceOf(DataImportException.class)
                .hasMessage("test.csv is empty");
    }

    @Test
    void aHeaderWithoutRowsIsRejected() {
        assertThatThrownBy(() -> parse("a,y\r\n", label("y")))
                .isInstanceOf(DataImportException.class)
                .hasMessage("test.csv has a header but no data rows");
    }

    @Test
    void aRowWiderThanTheHeaderIsRejectedWithItsLine() {
        assertThatThrownBy(() -> parse("a,y\n1,yes\n2,no,extra\n", label("y")))
                .isInstanceOf(DataImportException.class)
                .hasMessageContaining("line 3 has 3 fields but the header has 2");
    }

    @Test
    void anUnclosedQuoteIsRejectedWithTheLineItStartsOn() {
        assertThatThrownBy(() -> parse("a,y\n1,yes\n\"oops,no\n", label("y")))
                .isInstanceOf(DataImportException.class)
                .hasMessageContaining("starting on line 3 is never closed");
    }

    @Test
    void anUnknownDropColumnIsRejected() {
        assertThatThrownBy(() -> parse("a,y\n1,yes\n2,no\n", CsvOptions.label("y").drop("duration").build()))
                .isInstanceOf(DataImportException.class)
                .hasMessageContaining("no drop column 'duration'");
    }

    @Test
    void anUnreadableTimeIsRejectedWithItsLine() {
        assertThatThrownBy(() -> parse("when,y\n2024-01-01,yes\nlast tuesday,no\n", CsvOptions.label("y").time("when").build()))
                .isInstanceOf(DataImportException.class)
                .hasMessageContaining("line 3: 'last tuesday' in the time column 'when' is not a date or time");
    }

    @Test
    void aMissingFileIsReportedPlainly() {
        assertThatThrownBy(() -> CsvImporter.read(Path.of("no-such-file.csv"), label("y")))
                .isInstanceOf(DataImportException.class)
                .hasMessage("there is no file no-such-file.csv");
    }
}
