package com.performanceos.scenarios.dunning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The messages' texts, in French and English, per tone. Variables are the invoice's number, open
 * amount, currency and due date and the days overdue; dates are written as each language writes them.
 */
final class DunningTemplates {

	private DunningTemplates() {
	}

	record Rendered(String subject, String body) {
	}

	private record Template(String subject, String body) {
	}

	private static final Map<DunningTone, Template> FRENCH = Map.of(
			DunningTone.COURTESY, new Template("Facture {number} : échéance le {due}",
					"Bonjour,\n\nNous vous rappelons que la facture {number} de {amount} {currency} arrive à échéance le {due}.\n"
							+ "Si le règlement est déjà parti, merci de ne pas tenir compte de ce message.\n\nCordialement"),
			DunningTone.REMINDER, new Template("Relance : facture {number} échue depuis {days} jours",
					"Bonjour,\n\nSauf erreur de notre part, la facture {number} de {amount} {currency}, échue le {due}, "
							+ "reste impayée depuis {days} jours.\nMerci de procéder à son règlement dans les meilleurs délais.\n\nCordialement"),
			DunningTone.FORMAL_NOTICE, new Template("Mise en demeure : facture {number}",
					"Madame, Monsieur,\n\nMalgré nos relances, la facture {number} de {amount} {currency}, échue le {due}, reste impayée "
							+ "depuis {days} jours.\nNous vous mettons en demeure de la régler sous huit jours, faute de quoi nous engagerons "
							+ "une procédure de recouvrement.\n\nVeuillez agréer nos salutations distinguées"));

	private static final Map<DunningTone, Template> ENGLISH = Map.of(
			DunningTone.COURTESY, new Template("Invoice {number}: due on {due}",
					"Hello,\n\nA friendly reminder that invoice {number} for {amount} {currency} is due on {due}.\n"
							+ "If the payment is already on its way, please disregard this message.\n\nKind regards"),
			DunningTone.REMINDER, new Template("Reminder: invoice {number} is {days} days overdue",
					"Hello,\n\nOur records show invoice {number} for {amount} {currency}, due on {due}, unpaid for {days} days.\n"
							+ "Please arrange payment at your earliest convenience.\n\nKind regards"),
			DunningTone.FORMAL_NOTICE, new Template("Formal notice: invoice {number}",
					"Dear Sir or Madam,\n\nDespite our reminders, invoice {number} for {amount} {currency}, due on {due}, remains unpaid "
							+ "after {days} days.\nWe formally request payment within eight days, after which we will start collection "
							+ "proceedings.\n\nYours faithfully"));

	private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	static Rendered render(DunningTone tone, DunningLanguage language, String invoiceNumber, BigDecimal openAmount, String currency,
			LocalDate dueDate, LocalDate sentOn) {
		Template template = (language == DunningLanguage.FR ? FRENCH : ENGLISH).get(tone);
		String due = language == DunningLanguage.FR ? FRENCH_DATE.format(dueDate) : dueDate.toString();
		long days = Math.max(0, ChronoUnit.DAYS.between(dueDate, sentOn));
		return new Rendered(fill(template.subject(), invoiceNumber, openAmount, currency, due, days),
				fill(template.body(), invoiceNumber, openAmount, currency, due, days));
	}

	private static String fill(String text, String number, BigDecimal amount, String currency, String due, long days) {
		return text.replace("{number}", number)
			.replace("{amount}", amount.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString())
			.replace("{currency}", currency)
			.replace("{due}", due)
			.replace("{days}", Long.toString(days));
	}

}
