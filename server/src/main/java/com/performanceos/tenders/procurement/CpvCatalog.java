package com.performanceos.tenders.procurement;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The CPV 2008 nomenclature (Regulation (EC) No 213/2008), 9,454 codes with French and English
 * labels, read once from {@code tenders/cpv_2008_fr_en.csv} (see its origin in the ADR). A code is
 * accepted only as listed, check digit included: the check digit alone would let through codes the
 * nomenclature does not have.
 */
@Component
public final class CpvCatalog {

	static final String RESOURCE = "tenders/cpv_2008_fr_en.csv";

	/** The list has 9,454 codes; a much longer file is not the nomenclature. */
	private static final int CODES_MAX = 20_000;

	private final Map<String, CpvCode> codes;

	CpvCatalog() {
		this.codes = load();
	}

	/** The code as listed, if it is. */
	public Optional<CpvCode> find(String code) {
		return Optional.ofNullable(codes.get(code));
	}

	/** How many codes the nomenclature has. */
	public int size() {
		return codes.size();
	}

	private static Map<String, CpvCode> load() {
		Map<String, CpvCode> loaded = new HashMap<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(new ClassPathResource(RESOURCE).getInputStream(),
				StandardCharsets.UTF_8))) {
			String header = reader.readLine();
			if (!"code,label_fr,label_en".equals(header)) {
				throw new IllegalStateException(RESOURCE + " does not start with code,label_fr,label_en");
			}
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				List<String> cells = cells(line);
				if (cells.size() != 3 || loaded.size() >= CODES_MAX) {
					throw new IllegalStateException(RESOURCE + ": unexpected line " + (loaded.size() + 2));
				}
				loaded.put(cells.get(0), new CpvCode(cells.get(0), cells.get(1), cells.get(2)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Map.copyOf(loaded);
	}

	/** The cells of one RFC 4180 line (the file has no line breaks inside cells). */
	static List<String> cells(String line) {
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else {
				cell.append(c);
			}
		}
		cells.add(cell.toString());
		return cells;
	}

}
