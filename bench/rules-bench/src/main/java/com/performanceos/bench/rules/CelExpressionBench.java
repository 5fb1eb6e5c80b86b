package com.performanceos.bench.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import com.performanceos.rules.engine.expressions.CelExpressions;
import com.performanceos.rules.engine.expressions.CompiledExpression;
import com.performanceos.rules.engine.expressions.VariableType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A five-clause commission eligibility condition in CEL: evaluations per second on one thread over seeded deals
 * ({@code evaluate}, throughput), and the time to type-check and compile it once, what saving a version costs
 * ({@code compile}, average time).
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CelExpressionBench {

	static final String ELIGIBILITY = "stage == 'CLOSED_WON' && amount >= 1000000 && region in ['FR', 'DE', 'ES'] "
			+ "&& !(product in excludedProducts) && discountPercent <= 20";

	static final Map<String, VariableType> VARIABLES = Map.of("stage", VariableType.STRING, "amount", VariableType.MONEY, "region",
			VariableType.STRING, "product", VariableType.STRING, "excludedProducts", VariableType.STRING_LIST, "discountPercent",
			VariableType.INT);

	private CompiledExpression expression;

	private List<Map<String, Object>> deals;

	private int next;

	@Setup
	public void load() {
		this.expression = CelExpressions.compile(ELIGIBILITY, VARIABLES, VariableType.BOOL);
		Random random = new Random(20261205);
		String[] stages = { "CLOSED_WON", "CLOSED_LOST", "NEGOTIATION" };
		String[] regions = { "FR", "DE", "ES", "IT", "US" };
		String[] products = { "ARR", "SERVICES", "HARDWARE" };
		this.deals = new ArrayList<>();
		for (int i = 0; i < 10_000; i++) {
			this.deals.add(Map.of("stage", stages[random.nextInt(3)], "amount", BigDecimal.valueOf(random.nextInt(5_000_000_00), 2),
					"region", regions[random.nextInt(5)], "product", products[random.nextInt(3)], "excludedProducts",
					List.of("HARDWARE"), "discountPercent", BigDecimal.valueOf(random.nextInt(40))));
		}
	}

	@Benchmark
	@BenchmarkMode(Mode.Throughput)
	public Object evaluate() {
		Map<String, Object> deal = this.deals.get(this.next);
		this.next = this.next + 1 == this.deals.size() ? 0 : this.next + 1;
		return this.expression.evaluate(deal);
	}

	@Benchmark
	@BenchmarkMode(Mode.AverageTime)
	@OutputTimeUnit(TimeUnit.MICROSECONDS)
	public Object compile() {
		return CelExpressions.compile(ELIGIBILITY, VARIABLES, VariableType.BOOL);
	}

}
