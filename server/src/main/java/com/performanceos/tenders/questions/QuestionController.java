package com.performanceos.tenders.questions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.GraphQLContext;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import com.performanceos.platform.graphql.Caller;
import com.performanceos.platform.security.Viewer;
import com.performanceos.tenders.procurement.Tender;

/** GraphQL edge of clarification questions. */
@Controller
class QuestionController {

	private final QuestionService questions;

	QuestionController(QuestionService questions) {
		this.questions = questions;
	}

	@MutationMapping
	Mono<QuestionInputs.Payload> askQuestion(@Argument QuestionInputs.AskInput input, Caller caller) {
		return questions.ask(caller.viewer(), input, caller.sourceAddress());
	}

	@MutationMapping
	Mono<QuestionInputs.Payload> answerQuestion(@Argument QuestionInputs.AnswerInput input, Caller caller) {
		return questions.answer(caller.viewer(), input, caller.sourceAddress());
	}

	@BatchMapping(typeName = "Tender", field = "questions")
	Mono<Map<Tender, List<Question>>> questions(List<Tender> tenders, GraphQLContext context) {
		return questions.questions(context.get(Viewer.CONTEXT_KEY), tenders.stream().map(Tender::key).toList()).map(byTender -> {
			Map<Tender, List<Question>> result = new LinkedHashMap<>();
			tenders.forEach(tender -> result.put(tender, byTender.getOrDefault(tender.key(), List.of())));
			return result;
		});
	}

}
