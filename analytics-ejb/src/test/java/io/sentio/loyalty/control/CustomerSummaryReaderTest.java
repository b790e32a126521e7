package io.sentio.loyalty.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sentio.loyalty.entity.CustomerSummaries;
import io.sentio.loyalty.entity.InvalidLoyaltyDataException;
import org.junit.jupiter.api.Test;

class CustomerSummaryReaderTest {

    private static final String HEADER = "customer_id,frequency,recency,T,monetary\n";

    @Test
    void readsRowsInAnyColumnOrder() {
        CustomerSummaries s = CustomerSummaryReader.read(
                "\uFEFFmonetary,T,recency,frequency,customer_id,extra\n22.35,38.86,30.43,2,\"a,1\",x\n"
                + "\n0,38.86,0,0,b,y\r\n");
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.id(0)).isEqualTo("a,1");
        assertThat(s.frequency(0)).isEqualTo(2);
        assertThat(s.recency(0)).isEqualTo(30.43);
        assertThat(s.age(0)).isEqualTo(38.86);
        assertThat(s.monetary(0)).isEqualTo(22.35);
        assertThat(s.id(1)).isEqualTo("b");
    }

    @Test
    void readsTheCdnowFile() {
        CustomerSummaries cdnow = CdnowData.summaries();
        assertThat(cdnow.size()).isEqualTo(2357);
        long repeaters = java.util.stream.IntStream.range(0, cdnow.size()).filter(i -> cdnow.frequency(i) > 0)
                .count();
        assertThat(repeaters).isEqualTo(946); // FHL 2005b: 946 of 2,357 customers made repeat purchases
    }

    private static InvalidLoyaltyDataException failure(String csv) {
        return catchThrowableOfType(InvalidLoyaltyDataException.class, () -> CustomerSummaryReader.read(csv));
    }

    @Test
    void namesLineAndColumnOfBadCells() {
        InvalidLoyaltyDataException e = failure(HEADER + "a,1,2,3,4\nb,1,x,3,4\n");
        assertThat(e.line()).contains(3L);
        assertThat(e.column()).contains("recency");
        assertThat(e.getMessage()).contains("line 3").contains("'x' is not a number");

        assertThat(failure(HEADER + "a,1,2,3,-4\n").getMessage()).contains("line 2", "monetary", "negative");
        assertThat(failure(HEADER + "a,1,5,3,4\n").getMessage()).contains("line 2", "recency", "exceeds T");
        assertThat(failure(HEADER + "a,1.5,2,3,4\n").getMessage()).contains("frequency", "not an integer");
        assertThat(failure(HEADER + "a,0,2,3,4\n").getMessage()).contains("recency", "must be 0");
        assertThat(failure(HEADER + "a,1,,3,4\n").getMessage()).contains("recency", "empty");
        assertThat(failure(HEADER + "a,1,NaN,3,4\n").getMessage()).contains("recency", "not a number");
        assertThat(failure(HEADER + "a,1,2,3\n").getMessage()).contains("line 2", "4 cells");
        assertThat(failure(HEADER + "a,1,2,3,4\na,1,2,3,4\n").getMessage()).contains("line 3", "repeated");
        assertThat(failure(HEADER + "a,2.0,2,3,4\n")).isNull(); // an integral decimal is an integer
    }

    @Test
    void rejectsBadHeadersAndEmptyFiles() {
        InvalidLoyaltyDataException e = failure("customer_id,frequency,recency\na,1,2\n");
        assertThat(e.line()).contains(1L);
        assertThat(e.getMessage()).contains("'T'", "'monetary'");
        assertThat(failure("").getMessage()).contains("header");
        assertThat(failure(HEADER).getMessage()).contains("no customer rows");
        assertThat(failure(HEADER + "\"a,1,2,3,4\n").getMessage()).contains("malformed");
    }
}
