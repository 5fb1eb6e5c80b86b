package com.performanceos.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each table belongs to one package, which alone names it in SQL: other packages read its data
 * through the owner's published facade ({@code AccountDirectory}, {@code JournalPosting}...) or its
 * events, so a table's shape can change behind one package. The test reads every string literal
 * of the main sources and fails on a table named outside its owner: there are no exceptions.
 */
class TableOwnershipTests {

	private static final Path MAIN = Path.of("src/main/java/com/performanceos");

	private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	/** The owner of every table (a package below {@code com.performanceos}); a new table must be added here. */
	static final Map<String, String> OWNERS = owners();

	private static final Pattern CREATE_TABLE = Pattern.compile("CREATE TABLE (?:IF NOT EXISTS )?(\\w+)");

	private static final Pattern RENAME_TABLE = Pattern.compile("ALTER TABLE (\\w+) RENAME TO (\\w+)");

	private static final Pattern STRING_LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);

	@Test
	void everyTableOfTheMigrationsHasOneDeclaredOwner() throws IOException {
		Set<String> created = new TreeSet<>();
		Map<String, String> renamed = new LinkedHashMap<>();
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			for (Path file : files.toList()) {
				String migration = Files.readString(file);
				Matcher matcher = CREATE_TABLE.matcher(migration);
				while (matcher.find()) {
					created.add(matcher.group(1));
				}
				Matcher renames = RENAME_TABLE.matcher(migration);
				while (renames.find()) {
					renamed.put(renames.group(1), renames.group(2));
				}
			}
		}
		// A table handed to another owner takes its name (V30: ledger_deal became the sales module's sales_deal).
		renamed.forEach((from, to) -> {
			created.remove(from);
			created.add(to);
		});
		assertThat(OWNERS.keySet()).containsExactlyInAnyOrderElementsOf(created);
	}

	@Test
	void onlyTheOwnerOfATableNamesItInSql() {
		assertThat(crossReads()).as("tables named outside their owning package (read through the owner's facade instead)").isEmpty();
	}

	/** Every "table <- package" pair where a package other than the owner names the table in a string literal. */
	static Set<String> crossReads() {
		Set<String> found = new TreeSet<>();
		try (Stream<Path> files = Files.walk(MAIN)) {
			for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
				String pkg = MAIN.relativize(file.getParent()).toString().replace('/', '.');
				String literals = literals(Files.readString(file));
				OWNERS.forEach((table, owner) -> {
					if (!pkg.equals(owner) && !pkg.startsWith(owner + ".") && Pattern.compile("\\b" + table + "\\b").matcher(literals).find()) {
						found.add(table + " <- " + pkg);
					}
				});
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return found;
	}

	private static String literals(String source) {
		List<String> literals = new ArrayList<>();
		Matcher matcher = STRING_LITERAL.matcher(source);
		while (matcher.find()) {
			literals.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
		}
		return String.join("\n", literals);
	}

	private static Map<String, String> owners() {
		Map<String, String> owners = new LinkedHashMap<>();
		owners.put("idempotency_key", "platform.idempotency");
		owners.put("audit_chain_head", "platform.audit");
		owners.put("audit_log", "platform.audit");
		owners.put("outbox_event", "platform.events");
		owners.put("outbox_delivery", "platform.events");
		owners.put("outbox_parked", "platform.events");
		owners.put("demo_seed", "platform.demo");
		owners.put("platform_job", "platform.jobs");
		owners.put("ledger_account", "ledger.accounts");
		owners.put("ledger_account_mapping", "ledger.mappings");
		owners.put("ledger_period", "ledger.periods");
		owners.put("ledger_close_certificate", "ledger.periods");
		owners.put("ledger_journal_entry", "ledger.journal");
		owners.put("ledger_journal_line", "ledger.journal");
		owners.put("ledger_journal_line_dimension", "ledger.journal");
		owners.put("ledger_dimension", "ledger.dimensions");
		owners.put("ledger_dimension_member", "ledger.dimensions");
		owners.put("ledger_import", "ledger.imports");
		owners.put("ledger_import_line_source", "ledger.imports");
		owners.put("sales_deal", "rules.sales");
		owners.put("sales_quota", "rules.sales");
		owners.put("ledger_bank_account", "ledger.bank");
		owners.put("ledger_bank_aggregator_route", "ledger.bank");
		owners.put("ledger_bank_rule", "ledger.bank");
		owners.put("ledger_bank_transaction", "ledger.bank");
		owners.put("ledger_invoice", "ledger.receivables.invoices");
		owners.put("ledger_invoice_payment", "ledger.receivables.invoices");
		owners.put("ledger_escalation_rule", "ledger.receivables.escalation");
		owners.put("ledger_escalation_task", "ledger.receivables.escalation");
		owners.put("ledger_escalation_notification", "ledger.receivables.escalation");
		owners.put("ledger_escalation_tenant", "ledger.receivables.escalation");
		owners.put("rules_rule", "rules.registry");
		owners.put("rules_version", "rules.registry");
		owners.put("rules_transition", "rules.registry");
		owners.put("rules_duty_separation", "rules.registry");
		owners.put("rules_evaluation", "rules.registry");
		owners.put("scenarios_scenario", "scenarios.planning");
		owners.put("scenarios_driver_change", "scenarios.planning");
		owners.put("scenarios_version", "scenarios.planning");
		owners.put("scenarios_share_link", "scenarios.sharing");
		owners.put("scenarios_recurring_decision", "scenarios.planning");
		owners.put("scenarios_backtest", "scenarios.planning");
		owners.put("scenarios_dunning_cadence", "scenarios.dunning");
		owners.put("scenarios_dunning_tenant", "scenarios.dunning");
		owners.put("scenarios_dunning_contact", "scenarios.dunning");
		owners.put("scenarios_dunning_message", "scenarios.dunning");
		owners.put("scenarios_dunning_stop", "scenarios.dunning");
		owners.put("scenarios_dunning_webhook", "scenarios.dunning");
		owners.put("scenarios_dunning_webhook_tenant", "scenarios.dunning");
		owners.put("scenarios_dunning_push", "scenarios.dunning");
		owners.put("reference_value", "platform.reference");
		owners.put("tenders_organisation", "tenders.organisations");
		owners.put("tenders_tender", "tenders.procurement");
		owners.put("tenders_lot", "tenders.procurement");
		owners.put("tenders_criterion", "tenders.procurement");
		owners.put("tenders_tender_key", "tenders.bids");
		owners.put("tenders_bid", "tenders.bids");
		owners.put("tenders_offer", "tenders.evaluation");
		owners.put("tenders_evaluator", "tenders.evaluation");
		owners.put("tenders_score", "tenders.evaluation");
		owners.put("tenders_award", "tenders.evaluation");
		owners.put("tenders_contract", "tenders.contracts");
		owners.put("tenders_contract_amendment", "tenders.contracts");
		owners.put("ai_tenant_module", "platform.ai");
		owners.put("ai_budget", "platform.ai");
		owners.put("ai_budget_alert", "platform.ai");
		owners.put("ai_usage", "platform.ai");
		owners.put("ai_request", "platform.ai");
		owners.put("ai_queue_tenant", "platform.ai");
		owners.put("ai_outage", "platform.ai");
		owners.put("rules_proposal", "rules.proposals");
		owners.put("sales_rep", "rules.sales");
		owners.put("sales_rep_manager", "rules.sales");
		owners.put("sales_deal_credit", "rules.sales");
		owners.put("sales_deal_cancellation", "rules.sales");
		owners.put("commission_assignment", "rules.commissions.plans");
		owners.put("commission_run", "rules.commissions.runs");
		owners.put("commission_line", "rules.commissions.runs");
		owners.put("commission_rep_total", "rules.commissions.runs");
		owners.put("commission_inquiry", "rules.commissions.disputes");
		owners.put("commission_inquiry_message", "rules.commissions.disputes");
		owners.put("commission_adjustment", "rules.commissions.disputes");
		owners.put("commission_contest", "rules.commissions.contests");
		owners.put("commission_approval", "rules.commissions.approval");
		owners.put("commission_approval_step", "rules.commissions.approval");
		owners.put("commission_approval_tenant", "rules.commissions.approval");
		owners.put("commission_shadow", "rules.commissions.shadow");
		owners.put("commission_shadow_rep", "rules.commissions.shadow");
		owners.put("tenders_watch_search", "tenders.watch");
		owners.put("tenders_watch_tenant", "tenders.watch");
		owners.put("tenders_notice", "tenders.watch");
		owners.put("tenders_watch_watermark", "tenders.watch");
		owners.put("tenders_watch_match", "tenders.watch");
		owners.put("tenders_watch_digest", "tenders.watch");
		owners.put("tenders_question", "tenders.questions");
		owners.put("sales_crm_connection", "rules.sales.crm");
		owners.put("sales_crm_sync", "rules.sales.crm");
		owners.put("sales_crm_skipped_record", "rules.sales.crm");
		owners.put("ai_tenant_model", "platform.ai");
		owners.put("rules_model_switch", "rules.proposals");
		owners.put("rules_recertification", "rules.proposals");
		owners.put("commission_proof_pack", "rules.commissions.proof");
		return Map.copyOf(owners);
	}

}
