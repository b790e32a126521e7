package io.sentio.responses.control;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * CSV for spreadsheets, safe against formula injection (OWASP "CSV Injection"): a text cell starting with
 * {@code = + - @}, tab or carriage return is prefixed with an apostrophe, so a respondent's comment such as
 * {@code =HYPERLINK(...)} is shown as text, never evaluated. Numbers are written as numbers.
 */
public final class CsvExport implements AutoCloseable {

    private final CSVPrinter printer;

    public CsvExport(Writer out, List<String> header) throws IOException {
        this.printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get());
    }

    /** Writes one row; nulls become empty cells. */
    public void row(List<?> cells) {
        try {
            printer.printRecord(cells.stream().map(CsvExport::cell).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text a cell holds: numbers as they are, text neutralised if a spreadsheet would read a formula. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String text = value instanceof List<?> list ? String.join(";", list.stream().map(String::valueOf).toList())
                : value.toString();
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
