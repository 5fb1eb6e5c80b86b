package com.performanceos.ledger.imports;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.GlobalId;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;

/**
 * Where imported journal entries came from, for other parts of the ledger (the cube's drill-down):
 * the import, its file's digest and the entry's rows in that file. Readers go through this lookup
 * rather than the lineage table, so the table stays this package's business.
 */
@Component
public final class ImportLineage {

	/** Keys per statement: a drill-down page of 100 cells × 100 lines stays one statement per 1,000 entries. */
	static final int KEYS_PER_STATEMENT = 1_000;

	/** Keys per call: the largest drill-down (100 cells × 100 lines) and no more. */
	public static final int KEYS_MAX = 10_000;

	private final TenantDatabase database;

	ImportLineage(TenantDatabase database) {
		this.database = database;
	}

	/**
	 * The source of each of these entries that an import posted, in one transaction of the viewer's
	 * tenant (row-level security hides other tenants' lineage); entries posted otherwise are absent.
	 */
	public Mono<Map<UUID, EntrySource>> ofEntries(Viewer viewer, Collection<UUID> entryKeys) {
		if (entryKeys.size() > KEYS_MAX) {
			return Mono.error(new IllegalArgumentException("At most " + KEYS_MAX + " entries per lineage lookup, not " + entryKeys.size()));
		}
		if (entryKeys.isEmpty()) {
			return Mono.just(Map.of());
		}
		List<UUID[]> slices = new ArrayList<>();
		List<UUID> keys = List.copyOf(entryKeys);
		for (int start = 0; start < keys.size(); start += KEYS_PER_STATEMENT) {
			slices.add(keys.subList(start, Math.min(start + KEYS_PER_STATEMENT, keys.size())).toArray(UUID[]::new));
		}
		return database.inTransaction(viewer.tenant(), db -> Flux.fromIterable(slices)
			.concatMap(slice -> db.sql("SELECT entry_id, import_id, file_sha256, first_row, last_row FROM ledger_import_line_source "
					+ "WHERE entry_id = ANY(:entries)")
				.bind("entries", slice)
				.map(row -> new EntrySource(row.get("entry_id", UUID.class), row.get("import_id", UUID.class),
						row.get("file_sha256", String.class), row.get("first_row", Integer.class), row.get("last_row", Integer.class)))
				.all())
			.collectMap(EntrySource::entryKey, source -> source, HashMap::new));
	}

	/**
	 * The rows of a file that became one journal entry. The importer requires an entry's rows to be
	 * contiguous and posts them in file order, so line n of the entry is row {@code firstRow + n - 1}.
	 *
	 * @param entryKey the entry
	 * @param importKey the import that posted it
	 * @param fileSha256 the imported file's SHA-256, hex
	 * @param firstRow the entry's first data row (1 = the first row after the header)
	 * @param lastRow its last data row
	 */
	public record EntrySource(UUID entryKey, UUID importKey, String fileSha256, int firstRow, int lastRow) {

		public EntrySource {
			if (firstRow < 1 || lastRow < firstRow) {
				throw new IllegalArgumentException("Rows " + firstRow + "-" + lastRow + " are not a range of data rows");
			}
		}

		/** The source of the entry's line {@code lineNumber} (from 1). */
		public LineSource line(int lineNumber) {
			if (lineNumber < 1 || lineNumber > lastRow - firstRow + 1) {
				throw new IllegalStateException("Entry " + entryKey + " came from rows " + firstRow + "-" + lastRow
						+ " and has no line " + lineNumber);
			}
			return new LineSource(importKey, fileSha256, firstRow + lineNumber - 1);
		}

	}

	/**
	 * The schema's {@code LineSource}: the file row one journal line was read from.
	 *
	 * @param importKey the import's primary key
	 * @param fileSha256 the file's SHA-256, hex
	 * @param rowNumber the data row (1 = the first row after the header)
	 */
	public record LineSource(UUID importKey, String fileSha256, int rowNumber) {

		/** The import's global id, the same as {@code Import.id}. */
		public String importId() {
			return GlobalId.encode(Import.TYPE_NAME, importKey);
		}

	}

}
