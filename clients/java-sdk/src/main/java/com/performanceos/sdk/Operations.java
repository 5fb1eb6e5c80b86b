package com.performanceos.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.performanceos.sdk.generated.types.AccountBalanceConnection;
import com.performanceos.sdk.generated.types.AccountConnection;
import com.performanceos.sdk.generated.types.AccountCreatedEvent;
import com.performanceos.sdk.generated.types.CreateAccountPayload;
import com.performanceos.sdk.generated.types.JournalEntryConnection;
import com.performanceos.sdk.generated.types.LedgerCube;
import com.performanceos.sdk.generated.types.PostJournalEntriesPayload;
import com.performanceos.sdk.generated.types.PostJournalEntryPayload;
import com.performanceos.sdk.generated.types.ReverseJournalEntryPayload;
import com.performanceos.sdk.generated.types.Viewer;

/**
 * The operations the SDKs ship: the documents of {@code api-schema/operations/}, packaged verbatim
 * in this jar and checked against the schema when the SDK is built. Sending these exact documents
 * keeps their persisted-query hashes identical in every SDK.
 */
public final class Operations {

	public static final Operation<Viewer> VIEWER = load("viewer.graphql", "Viewer", Viewer.class);

	public static final Operation<AccountConnection> ACCOUNTS = load("accounts.graphql", "Accounts",
			AccountConnection.class);

	public static final Operation<CreateAccountPayload> CREATE_ACCOUNT = load("accounts.graphql", "CreateAccount",
			CreateAccountPayload.class);

	public static final Operation<AccountCreatedEvent> ACCOUNT_CREATED = load("accounts.graphql", "AccountCreated",
			AccountCreatedEvent.class);

	public static final Operation<JournalEntryConnection> JOURNAL_ENTRIES = load("journal.graphql", "JournalEntries",
			JournalEntryConnection.class);

	public static final Operation<PostJournalEntryPayload> POST_JOURNAL_ENTRY = load("journal.graphql",
			"PostJournalEntry", PostJournalEntryPayload.class);

	public static final Operation<PostJournalEntriesPayload> POST_JOURNAL_ENTRIES = load("journal.graphql",
			"PostJournalEntries", PostJournalEntriesPayload.class);

	public static final Operation<ReverseJournalEntryPayload> REVERSE_JOURNAL_ENTRY = load("journal.graphql",
			"ReverseJournalEntry", ReverseJournalEntryPayload.class);

	public static final Operation<AccountBalanceConnection> ACCOUNT_BALANCES = load("journal.graphql",
			"AccountBalances", AccountBalanceConnection.class);

	public static final Operation<LedgerCube> LEDGER_CUBE = load("analytics.graphql", "LedgerCube", LedgerCube.class);

	private Operations() {
	}

	/** Reads {@code file} from the operations packaged with the SDK and takes one operation out of it. */
	static <T> Operation<T> load(String file, String operationName, Class<T> resultType) {
		return Operation.of(resource(file), operationName, resultType);
	}

	static String resource(String file) {
		String path = "operations/" + file;
		try (InputStream in = Operations.class.getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("The SDK jar lacks " + path + ": it was built without api-schema/operations");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + path + " from the SDK jar", ex);
		}
	}

}
