package io.sentio.satisfaction.control;

import io.sentio.satisfaction.entity.IndicatorMoments;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A numeric CSV test resource: header names and rows. */
record TestData(List<String> names, double[][] rows) {

    static TestData load(String resource) {
        try (var in = TestData.class.getResourceAsStream("/satisfaction/" + resource);
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> header = Arrays.asList(reader.readLine().strip().split(","));
            var rows = new ArrayList<double[]>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(Arrays.stream(line.strip().split(",")).mapToDouble(Double::parseDouble).toArray());
                }
            }
            return new TestData(header, rows.toArray(double[][]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    IndicatorMoments moments() {
        IndicatorMoments m = IndicatorMoments.of(names);
        for (double[] row : rows) {
            m.add(row);
        }
        return m;
    }

    int column(String name) {
        return names.indexOf(name);
    }
}
