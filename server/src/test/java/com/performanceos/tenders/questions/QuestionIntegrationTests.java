package com.performanceos.tenders.questions;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import com.performanceos.platform.security.Role;
import com.performanceos.tenders.TenderScenario;
import com.performanceos.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Clarification questions: answers reach every vendor alike, nobody learns who asked, and the time limits hold. */
class QuestionIntegrationTests extends IntegrationTest {

	private static final String ASK = """
			mutation($input: AskQuestionInput!) { askQuestion(input: $input) {
			  question { id question askedByCaller answer } userErrors { code message field } } }""";

	private static final String ANSWER = """
			mutation($id: ID!, $answer: String!) { answerQuestion(input: { questionId: $id, answer: $answer }) {
			  question { id answer answeredAt } userErrors { code message field } } }""";

	private static final String QUESTIONS = """
			query($id: ID!) { node(id: $id) { ... on Tender { questions { id question answer askedByCaller } } } }""";

	@Test
	void anAnswerIsPublishedToEveryVendorWithoutTheAskersIdentityAndUnansweredQuestionsStayWithAskerAndBuyer() {
		var scenario = TenderScenario.publish(web, tokens, port, newTenant("qa"), "MAPA-QA-1", "MAPA", Duration.ofHours(2),
				List.of(TenderScenario.lot("Lot unique", "90000", "LOWEST_PRICE_RATIO")));
		var asker = scenario.vendor(newTenant("asker"), "73282932000074", true);
		var other = scenario.vendor(newTenant("other"), "44306184100047", false);
		var buyer = scenario.buyer("buyer", Role.BUYER);

		String answered = ask(asker, "q1", scenario.tenderId, "Les variantes sont-elles autorisées ?").path("askQuestion.question.id")
			.entity(String.class).get();
		ask(asker, "q2", scenario.tenderId, "Une visite du site est-elle obligatoire ?").path("askQuestion.userErrors").entityList(Object.class)
			.hasSize(0);
		// Replaying the key answers the same question; the buyer cannot ask on its own tender.
		ask(asker, "q1", scenario.tenderId, "Les variantes sont-elles autorisées ?").path("askQuestion.question.id").entity(String.class)
			.isEqualTo(answered);
		ask(scenario.buyer("vendor-too", Role.VENDOR), "own", scenario.tenderId, "?").path("askQuestion.userErrors[0].code").entity(String.class)
			.isEqualTo("INVALID_STATE");

		// Before the answer, the other vendor sees nothing; the buyer sees both, without who asked.
		other.document(QUESTIONS).variable("id", scenario.tenderId).execute().path("node.questions").entityList(Object.class).hasSize(0);
		buyer.document(QUESTIONS).variable("id", scenario.tenderId).execute().path("node.questions[*].askedByCaller").entityList(Boolean.class)
			.containsExactly(false, false);

		// Another buyer cannot answer it: to it the question does not exist.
		graphQl(newTenant("stranger"), Role.BUYER).document(ANSWER).variable("id", answered).variable("answer", "Non").execute().path("answerQuestion.userErrors[0].code")
			.entity(String.class).isEqualTo("NOT_FOUND");
		buyer.document(ANSWER).variable("id", answered).variable("answer", "Les variantes ne sont pas autorisées.").execute()
			.path("answerQuestion.question.answer").entity(String.class).isEqualTo("Les variantes ne sont pas autorisées.");
		buyer.document(ANSWER).variable("id", answered).variable("answer", "Finalement oui.").execute().path("answerQuestion.userErrors[0].code")
			.entity(String.class).isEqualTo("INVALID_STATE");

		var seenByOther = other.document(QUESTIONS).variable("id", scenario.tenderId).execute();
		seenByOther.path("node.questions[*].question").entityList(String.class).containsExactly("Les variantes sont-elles autorisées ?");
		seenByOther.path("node.questions[0].answer").entity(String.class).isEqualTo("Les variantes ne sont pas autorisées.");
		seenByOther.path("node.questions[0].askedByCaller").entity(Boolean.class).isEqualTo(false);
		asker.document(QUESTIONS).variable("id", scenario.tenderId).execute().path("node.questions[*].askedByCaller").entityList(Boolean.class)
			.containsExactly(true, true);
		// A stranger vendor reads the published answer like every other.
		assertThat(scenario.vendor(newTenant("late"), "21750001600019", false).document(QUESTIONS).variable("id", scenario.tenderId).execute()
			.path("node.questions[*].answer").entityList(String.class).get()).containsExactly("Les variantes ne sont pas autorisées.");
	}

	@Test
	void inAFormalisedProcedureQuestionsCloseSixDaysBeforeTheDeadline() {
		// An open procedure closing in two days: the additional-information time limit (6 days) has already begun.
		var scenario = TenderScenario.publish(web, tokens, port, newTenant("qa-open"), "AO-QA-2", "OPEN", Duration.ofDays(2),
				List.of(TenderScenario.lot("Lot unique", "90000", "LOWEST_PRICE_RATIO")));
		var vendor = scenario.vendor(newTenant("asker"), "73282932000074", true);

		ask(vendor, "late", scenario.tenderId, "Quel est le délai d'exécution ?").path("askQuestion.userErrors[0].code").entity(String.class)
			.isEqualTo("QUESTIONS_CLOSED")
			.path("askQuestion.userErrors[0].message").entity(String.class)
			.satisfies(message -> assertThat(message).contains("6 days before the deadline").contains("CCP R2132-6"));
	}

	private static GraphQlTester.Response ask(GraphQlTester vendor, String key, String tenderId, String question) {
		return vendor.document(ASK).variable("input", Map.of("idempotencyKey", key, "tenderId", tenderId, "question", question)).execute();
	}

}
