package com.performanceos.ledger.imports;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportCsvReaderTests {

	@Test
	void readsQuotedFieldsDoubledQuotesEmbeddedLineBreaksAndCrLf() throws Exception {
		List<List<String>> records = read("a;b;c\r\n\"x;1\";\"say \"\"hi\"\"\";\"two\nlines\"\r\n\r\n d ;;\n", ';');
		assertThat(records).containsExactly(List.of("a", "b", "c"), List.of("x;1", "say \"hi\"", "two\nlines"), List.of("d", "", ""));
	}

	@Test
	void refusesAnUnclosedQuote() {
		assertThatThrownBy(() -> read("a,b\n\"open,2\n", ',')).isInstanceOf(CsvReader.MalformedException.class);
	}

	@Test
	void parsesAmountsAndDatesStrictlyAsDeclared() {
		ImportOptions french = new ImportOptions(';', true, "dd/MM/yyyy");
		assertThat(french.amount("1 234,50")).hasValueSatisfying(amount -> assertThat(amount).isEqualByComparingTo("1234.50"));
		assertThat(french.amount("1234.50")).isEmpty();
		assertThat(french.date("29/02/2028", french.dateFormatter())).isPresent();
		assertThat(french.date("30/02/2026", french.dateFormatter())).isEmpty();
		assertThat(ImportOptions.DEFAULT.amount("-12.5")).hasValueSatisfying(amount -> assertThat(amount).isEqualByComparingTo("-12.5"));
	}

	private static List<List<String>> read(String text, char delimiter) throws Exception {
		CsvReader reader = new CsvReader(new StringReader(text), delimiter);
		List<List<String>> records = new ArrayList<>();
		for (List<String> record = reader.next(); record != null; record = reader.next()) {
			records.add(record);
		}
		return records;
	}

}
