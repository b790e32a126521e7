package io.sentio.loyalty.control;

import io.sentio.loyalty.entity.CustomerSummaries;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the CDNOW calibration summary from test resources (see loyalty/PROVENANCE.md). */
final class CdnowData {

    private static CustomerSummaries cached;

    private CdnowData() {
    }

    static synchronized CustomerSummaries summaries() {
        if (cached == null) {
            try (Reader in = new InputStreamReader(
                    CdnowData.class.getResourceAsStream("/loyalty/cdnow_summary.csv"), StandardCharsets.UTF_8)) {
                cached = CustomerSummaryReader.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return cached;
    }
}
