package com.performanceos.ledger.receivables.workingcapital;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which pivot accounts feed the DIO ratio when a request does not say.
 *
 * @param inventoryAccountPrefixes account-code prefixes whose net balance at period end is the
 * inventory; {@code 3} is class 3 (stocks and work in progress) of the French PCG
 * @param costOfSalesAccountPrefixes account-code prefixes whose net debit movement over the period is
 * the cost of sales; {@code 60} is PCG purchases (consumed goods and materials)
 */
@ConfigurationProperties("performanceos.ledger.receivables.working-capital")
record WorkingCapitalProperties(@DefaultValue("3") List<String> inventoryAccountPrefixes,
		@DefaultValue("60") List<String> costOfSalesAccountPrefixes) {

	WorkingCapitalProperties {
		AccountPrefixes.requireValid(inventoryAccountPrefixes, "inventory-account-prefixes");
		AccountPrefixes.requireValid(costOfSalesAccountPrefixes, "cost-of-sales-account-prefixes");
		inventoryAccountPrefixes = List.copyOf(inventoryAccountPrefixes);
		costOfSalesAccountPrefixes = List.copyOf(costOfSalesAccountPrefixes);
	}

}
