package com.performanceos.rules.engine.tables;

import java.util.ArrayList;
import java.util.List;

import com.performanceos.rules.engine.JsonValues;
import com.performanceos.rules.engine.RuleDefinitionException;
import com.performanceos.rules.engine.zen.ZenExpression;

/**
 * Decision tables as CSV (RFC 4180), so they can be edited in a spreadsheet:
 *
 * <pre>
 * hitPolicy,FIRST,name,rates
 * input:Amount:NUMBER:deal.amount,input:Region:STRING:deal.region,output:rate:NUMBER:15|12|10|5,description
 * &gt;= 10000,"""FR""",10,large French deals
 * </pre>
 *
 * Input headings carry the column's expression, output headings the optional output values in
 * priority order (ZEN literals separated by {@code |}). Export then import gives the same table.
 */
public final class TableCsv {

	/** Larger CSV text is refused before parsing. */
	public static final int LENGTH_MAX = 5_000_000;

	private TableCsv() {
	}

	public static String export(TableDefinition table) {
		StringBuilder csv = new StringBuilder();
		line(csv, List.of("hitPolicy", table.hitPolicy().name(), "name", table.name()));
		List<String> header = new ArrayList<>();
		for (TableDefinition.InputColumn input : table.inputs()) {
			header.add("input:" + input.name() + ":" + input.type() + ":" + input.expression());
		}
		for (TableDefinition.OutputColumn output : table.outputs()) {
			String values = String.join("|", output.values().stream().map(JsonValues::write).toList());
			header.add("output:" + output.name() + ":" + output.type() + (values.isEmpty() ? "" : ":" + values));
		}
		header.add("description");
		line(csv, header);
		for (TableDefinition.Rule rule : table.rules()) {
			List<String> cells = new ArrayList<>(rule.inputEntries());
			cells.addAll(rule.outputEntries());
			cells.add(rule.description() == null ? "" : rule.description());
			line(csv, cells);
		}
		return csv.toString();
	}

	/** @throws RuleDefinitionException naming the line when the CSV is not a table */
	public static TableDefinition parse(String csv) {
		if (csv.length() > LENGTH_MAX) {
			throw RuleDefinitionException.of("csv", "longer than " + LENGTH_MAX + " characters");
		}
		List<List<String>> lines = records(csv);
		if (lines.size() < 2 || lines.getFirst().size() < 4 || !lines.getFirst().get(0).equals("hitPolicy")) {
			throw RuleDefinitionException.of("line 1", "expected hitPolicy,<policy>,name,<name>");
		}
		HitPolicy policy;
		try {
			policy = HitPolicy.fromSymbol(lines.getFirst().get(1));
		}
		catch (IllegalArgumentException ex) {
			throw RuleDefinitionException.of("line 1", ex.getMessage());
		}
		List<TableDefinition.InputColumn> inputs = new ArrayList<>();
		List<TableDefinition.OutputColumn> outputs = new ArrayList<>();
		boolean described = false;
		for (String heading : lines.get(1)) {
			String[] parts = heading.split(":", 4);
			if (parts[0].equals("input") && parts.length == 4) {
				inputs.add(new TableDefinition.InputColumn(parts[1], parts[3], type(parts[2])));
			}
			else if (parts[0].equals("output") && parts.length >= 3) {
				outputs.add(new TableDefinition.OutputColumn(parts[1], type(parts[2]), parts.length == 4 ? values(parts[3]) : List.of()));
			}
			else if (heading.equals("description")) {
				described = true;
			}
			else {
				throw RuleDefinitionException.of("line 2", "unknown heading '" + heading + "'");
			}
		}
		List<TableDefinition.Rule> rules = new ArrayList<>();
		int width = inputs.size() + outputs.size() + (described ? 1 : 0);
		for (int line = 2; line < lines.size(); line++) {
			List<String> cells = lines.get(line);
			if (cells.size() != width) {
				throw RuleDefinitionException.of("line " + (line + 1), "has " + cells.size() + " cells, the heading has " + width);
			}
			String description = described && !cells.getLast().isEmpty() ? cells.getLast() : null;
			rules.add(new TableDefinition.Rule(cells.subList(0, inputs.size()),
					cells.subList(inputs.size(), inputs.size() + outputs.size()), description));
		}
		return new TableDefinition(lines.getFirst().get(3), policy, inputs, outputs, rules);
	}

	private static ColumnType type(String name) {
		try {
			return ColumnType.valueOf(name);
		}
		catch (IllegalArgumentException ex) {
			throw RuleDefinitionException.of("line 2", "unknown column type '" + name + "'");
		}
	}

	private static List<Object> values(String text) {
		List<Object> values = new ArrayList<>();
		for (String literal : text.split("\\|")) {
			ZenExpression expression = ZenExpression.compile(literal);
			Object value = expression.literalValue();
			if (!expression.isLiteral() || value == null) {
				throw RuleDefinitionException.of("line 2", "output value '" + literal + "' is not a literal");
			}
			values.add(value);
		}
		return values;
	}

	private static void line(StringBuilder csv, List<String> cells) {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				csv.append(',');
			}
			String cell = cells.get(i);
			if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
				csv.append('"').append(cell.replace("\"", "\"\"")).append('"');
			}
			else {
				csv.append(cell);
			}
		}
		csv.append("\r\n");
	}

	private static List<List<String>> records(String csv) {
		List<List<String>> records = new ArrayList<>();
		List<String> record = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		boolean any = false;
		for (int i = 0; i < csv.length(); i++) {
			char c = csv.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
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
				any = true;
			}
			else if (c == ',') {
				record.add(cell.toString());
				cell.setLength(0);
				any = true;
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
					i++;
				}
				if (any || !cell.isEmpty()) {
					record.add(cell.toString());
					records.add(record);
				}
				record = new ArrayList<>();
				cell.setLength(0);
				any = false;
			}
			else {
				cell.append(c);
				any = true;
			}
		}
		if (any || !cell.isEmpty()) {
			record.add(cell.toString());
			records.add(record);
		}
		return records;
	}

}
