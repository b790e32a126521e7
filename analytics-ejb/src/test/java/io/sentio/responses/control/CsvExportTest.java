package io.sentio.responses.control;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvExportTest {

    @Test
    void formulaLikeTextIsNeutralisedAndEverythingElseIsKept() throws Exception {
        StringWriter out = new StringWriter();
        try (CsvExport csv = new CsvExport(out, List.of("id", "NPS", "COMMENT"))) {
            csv.row(List.of("r1", 9, "=HYPERLINK(\"http://evil\",\"click\")"));
            csv.row(List.of("r2", -3, "+1-555"));
            csv.row(Arrays.asList("r3", null, "@SUM(A1)"));
            csv.row(List.of("r4", 7, "fine, \"quoted\", with\nnewline"));
            csv.row(List.of("r5", 10, "-minus and \ttab"));
        }
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(out.toString())).getRecords();
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0).get("COMMENT")).isEqualTo("'=HYPERLINK(\"http://evil\",\"click\")");
        assertThat(rows.get(1).get("COMMENT")).isEqualTo("'+1-555");
        assertThat(rows.get(1).get("NPS")).as("numbers stay numbers").isEqualTo("-3");
        assertThat(rows.get(2).get("NPS")).isEmpty();
        assertThat(rows.get(2).get("COMMENT")).isEqualTo("'@SUM(A1)");
        assertThat(rows.get(3).get("COMMENT")).isEqualTo("fine, \"quoted\", with\nnewline");
        assertThat(rows.get(4).get("COMMENT")).isEqualTo("'-minus and \ttab");
    }
}
