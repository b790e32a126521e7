package io.sentio.loyalty.control;

import io.sentio.loyalty.entity.CustomerSummaries;
import io.sentio.loyalty.entity.InvalidLoyaltyDataException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the fixed CLV input file {@code customer_id,frequency,recency,T,monetary} (RFC 4180 CSV, header line
 * required; columns in any order, matched case-insensitively; extra columns ignored; blank lines skipped) into
 * {@link CustomerSummaries}.
 *
 * <p>Fails fast on the first bad cell with an {@link InvalidLoyaltyDataException} carrying the 1-based line
 * number and the column name: missing columns in the header or in a row, empty cells, cells that are not plain
 * decimal numbers (so no NaN, Infinity or hex), negative values, a non-integer frequency, recency &gt; T,
 * recency &ne; 0 with frequency 0, repeated customer ids, or no data rows. Stateless and thread-safe.
 */
public final class CustomerSummaryReader {

    /** The required columns, in their canonical order. */
    public static final List<String> COLUMNS = List.of("customer_id", "frequency", "recency", "T", "monetary");

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false).setTrim(true).get();

    private CustomerSummaryReader() {
    }

    public static CustomerSummaries read(String csv) {
        if (csv == null) {
            throw new InvalidLoyaltyDataException("csv must not be null", 0, "csv");
        }
        return read(new StringReader(csv));
    }

    /** Reads the whole input; the caller closes the reader. */
    public static CustomerSummaries read(Reader input) {
        try (CSVParser parser = CSVParser.builder().setReader(input).setFormat(FORMAT).get()) {
            return parse(parser);
        } catch (CSVException e) {
            throw malformed(e);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CSVException malformedCsv) {
                throw malformed(malformedCsv); // the record iterator wraps parse errors
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InvalidLoyaltyDataException malformed(CSVException e) {
        return new InvalidLoyaltyDataException("malformed CSV: " + e.getMessage(), 0, null);
    }

    private static CustomerSummaries parse(CSVParser parser) {
        int[] index = null;
        int headerSize = 0;
        SummaryColumns columns = new SummaryColumns();
        Set<String> ids = new HashSet<>();
        long previousEnd = parser.getCurrentLineNumber();
        for (CSVRecord record : parser) {
            long line = previousEnd + 1;
            previousEnd = parser.getCurrentLineNumber();
            if (isBlank(record)) {
                continue;
            }
            if (index == null) {
                index = header(record, line);
                headerSize = record.size();
                continue;
            }
            if (record.size() != headerSize) {
                throw new InvalidLoyaltyDataException("line " + line + ": " + record.size()
                        + " cells, but the header has " + headerSize, line, null);
            }
            String id = record.get(index[0]);
            if (id.isEmpty()) {
                throw cell(line, "customer_id", "is empty");
            }
            if (!ids.add(id)) {
                throw cell(line, "customer_id", "'" + id + "' is repeated");
            }
            double frequency = number(record.get(index[1]), line, "frequency");
            if (frequency != Math.rint(frequency) || frequency > Integer.MAX_VALUE) {
                throw cell(line, "frequency", "'" + record.get(index[1]) + "' is not an integer");
            }
            double recency = number(record.get(index[2]), line, "recency");
            double age = number(record.get(index[3]), line, "T");
            double monetary = number(record.get(index[4]), line, "monetary");
            if (recency > age) {
                throw cell(line, "recency", recency + " exceeds T (" + age + ")");
            }
            if (frequency == 0 && recency != 0) {
                throw cell(line, "recency", "must be 0 when frequency is 0 (was " + recency + ")");
            }
            columns.add(id, (int) frequency, recency, age, monetary);
        }
        if (index == null) {
            throw new InvalidLoyaltyDataException("empty file: the header line " + String.join(",", COLUMNS)
                    + " is required", 1, null);
        }
        if (columns.size() == 0) {
            throw new InvalidLoyaltyDataException("no customer rows after the header", 0, null);
        }
        return columns.toSummaries();
    }

    private static int[] header(CSVRecord record, long line) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i);
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            String key = name.trim().toLowerCase(Locale.ROOT);
            if (positions.put(key, i) != null && isRequired(key)) {
                throw new InvalidLoyaltyDataException("line " + line + ": column '" + name + "' appears twice",
                        line, name);
            }
        }
        int[] index = new int[COLUMNS.size()];
        StringBuilder missing = new StringBuilder();
        for (int c = 0; c < COLUMNS.size(); c++) {
            Integer at = positions.get(COLUMNS.get(c).toLowerCase(Locale.ROOT));
            if (at == null) {
                missing.append(missing.isEmpty() ? "" : ", ").append('\'').append(COLUMNS.get(c)).append('\'');
            } else {
                index[c] = at;
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidLoyaltyDataException("line " + line + ": header lacks column(s) " + missing
                    + "; expected " + String.join(",", COLUMNS), line, missing.toString().replace("'", ""));
        }
        return index;
    }

    private static boolean isRequired(String key) {
        return COLUMNS.stream().anyMatch(c -> c.equalsIgnoreCase(key));
    }

    private static double number(String text, long line, String column) {
        if (text.isEmpty()) {
            throw cell(line, column, "is empty");
        }
        if (!DECIMAL.matcher(text).matches()) {
            throw cell(line, column, "'" + text + "' is not a number");
        }
        double v = Double.parseDouble(text);
        if (!Double.isFinite(v)) {
            throw cell(line, column, "'" + text + "' is out of range");
        }
        if (v < 0) {
            throw cell(line, column, "'" + text + "' is negative");
        }
        return v == 0 ? 0 : v; // no -0.0
    }

    private static InvalidLoyaltyDataException cell(long line, String column, String reason) {
        return new InvalidLoyaltyDataException("line " + line + ", column '" + column + "': " + reason, line,
                column);
    }

    private static boolean isBlank(CSVRecord record) {
        return record.size() == 0 || (record.size() == 1 && record.get(0).isEmpty());
    }

    /** Growable primitive columns. */
}
