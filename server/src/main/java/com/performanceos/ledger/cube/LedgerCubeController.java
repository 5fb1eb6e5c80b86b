package com.performanceos.ledger.cube;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingFieldSelectionSet;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.BatchMaps;
import com.performanceos.ledger.accounts.Account;
import com.performanceos.ledger.accounts.AccountDirectory;
import com.performanceos.ledger.accounts.AccountsByKey;
import com.performanceos.ledger.cube.LedgerCubeTypes.Cell;
import com.performanceos.ledger.cube.LedgerCubeTypes.PostedLine;
import com.performanceos.ledger.cube.LedgerCubeTypes.Row;
import com.performanceos.ledger.imports.ImportLineage;
import com.performanceos.ledger.journal.JournalEntries;
import com.performanceos.ledger.journal.JournalEntry;
import com.performanceos.ledger.journal.JournalLines;
import com.performanceos.platform.graphql.Connection;
import com.performanceos.platform.graphql.ErrorCode;
import com.performanceos.platform.graphql.GraphQlException;
import com.performanceos.platform.graphql.PageRequest;
import com.performanceos.platform.security.Viewer;
import com.performanceos.platform.tenancy.TenantDatabase;

/** {@code ledgerCube} and its drill-down from any cell to the posted lines in PostgreSQL. */
@Controller
class LedgerCubeController {

	private final LedgerCubeService cubes;

	private final TenantDatabase database;

	private final AccountDirectory accounts;

	private final JournalEntries entries;

	private final ImportLineage lineage;

	private final JournalLines journalLines;

	LedgerCubeController(LedgerCubeService cubes, TenantDatabase database, AccountDirectory accounts, JournalEntries entries,
			ImportLineage lineage, JournalLines journalLines) {
		this.cubes = cubes;
		this.database = database;
		this.accounts = accounts;
		this.entries = entries;
		this.lineage = lineage;
		this.journalLines = journalLines;
	}

	/**
	 * The cube, with its rows' accounts attached by one lookup when the query selects them: a cube
	 * by account × month has thousands of rows, and a DataLoader call per row cost more than the
	 * lookup itself (bench/README.md, cube benchmark).
	 */
	@QueryMapping
	Mono<LedgerCubeTypes.Cube> ledgerCube(@Argument LedgerCubeTypes.Input input, @ContextValue(Viewer.CONTEXT_KEY) Viewer viewer,
			DataFetchingFieldSelectionSet selection) {
		Mono<LedgerCubeTypes.Cube> cube = Mono.defer(() -> cubes.query(viewer, input));
		return selection.contains("rows/account") ? cube.flatMap(answer -> withAccounts(answer, viewer)) : cube;
	}

	private Mono<LedgerCubeTypes.Cube> withAccounts(LedgerCubeTypes.Cube cube, Viewer viewer) {
		Set<UUID> keys = new LinkedHashSet<>();
		cube.rows().forEach(row -> {
			if (row.accountKey() != null) {
				keys.add(row.accountKey());
			}
		});
		if (keys.isEmpty()) {
			return Mono.just(cube);
		}
		return accounts.load(viewer, keys).map(found -> new LedgerCubeTypes.Cube(cube.engine(), cube.cached(), cube.rows().stream()
			.map(row -> row.accountKey() == null ? row : row.withAccount(found.get(row.accountKey())))
			.toList()));
	}

	@SchemaMapping(typeName = "PostedLine", field = "account")
	CompletableFuture<@Nullable Account> lineAccount(PostedLine line, DataLoader<UUID, Account> accountsByKey) {
		return AccountsByKey.load(accountsByKey, line.accountKey());
	}

	@BatchMapping(typeName = "PostedLine", field = "entry")
	Mono<Map<PostedLine, JournalEntry>> lineEntry(List<PostedLine> lines, GraphQLContext context) {
		return BatchMaps.toOne(lines, PostedLine::entryKey, keys -> entries.load(context.get(Viewer.CONTEXT_KEY), keys));
	}

	/**
	 * One lineage lookup for the drilled-down lines of the response (in batches of the lookup's
	 * limit, which aliased drill-downs could exceed); lines no import posted stay without a source.
	 */
	@BatchMapping(typeName = "PostedLine", field = "source", maxBatchSize = ImportLineage.KEYS_MAX)
	Mono<Map<PostedLine, ImportLineage.LineSource>> lineSource(List<PostedLine> lines, GraphQLContext context) {
		return BatchMaps.toOne(lines, PostedLine::entryKey, keys -> lineage.ofEntries(context.get(Viewer.CONTEXT_KEY), keys),
				(line, source) -> source.line(line.lineNumber()));
	}

	@SchemaMapping(typeName = "LedgerCubeRow", field = "lines")
	Mono<Connection<PostedLine>> lines(Row row, @Argument @Nullable Integer first, @Argument @Nullable String after,
			@ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		Cell cell = row.cell();
		if (cell.rowsInCube() > LedgerCubeTypes.MAX_DRILL_DOWN_ROWS) {
			return Mono.error(new GraphQlException(ErrorCode.BAD_USER_INPUT, "Drill down on cubes of at most "
					+ LedgerCubeTypes.MAX_DRILL_DOWN_ROWS + " rows; this one has " + cell.rowsInCube() + ": narrow the query"));
		}
		PageRequest page = PageRequest.of(first, after, null, null);
		if (page.cursorKey() != null && !page.cursorKey().matches("\\d{4}-\\d{2}-\\d{2}\\|[0-9a-f-]{36}\\|\\d{1,9}")) {
			return Mono.error(new GraphQlException(ErrorCode.BAD_USER_INPUT, "Not a posted line cursor"));
		}
		JournalLines.Cursor cursor = null;
		if (page.cursorKey() != null) {
			String[] parts = page.cursorKey().split("\\|");
			cursor = new JournalLines.Cursor(LocalDate.parse(parts[0]), UUID.fromString(parts[1]), Integer.parseInt(parts[2]));
		}
		JournalLines.Filter filter = new JournalLines.Filter(cell.from(), cell.to(), cell.accountKey(), cell.currency(), cell.accountFilter(),
				cell.currencyFilter());
		JournalLines.Cursor from = cursor;
		return database.run(viewer.tenant(), tx -> journalLines.page(tx, filter, from, page.size()))
			.map(found -> Connection.fromKeyset(page, found.lines().stream().map(LedgerCubeController::toPostedLine).toList(),
					line -> line.effectiveDate() + "|" + line.entryKey() + "|" + line.lineNumber(), found.totalCount()));
	}

	private static PostedLine toPostedLine(JournalLines.Line line) {
		return new PostedLine(line.entryKey(), line.lineNumber(), line.accountKey(), line.side(), line.amount(), line.effectiveDate(),
				line.batchKey() == null ? null : line.batchKey().toString());
	}

}
