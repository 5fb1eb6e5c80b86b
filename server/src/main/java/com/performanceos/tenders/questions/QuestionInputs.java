package com.performanceos.tenders.questions;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.performanceos.platform.idempotency.IdempotencyKeys;
import com.performanceos.tenders.TenderError;

/** {@code askQuestion} and {@code answerQuestion}: their inputs, checks and payload, as bound to the schema. */
final class QuestionInputs {

	static final String ASK_OPERATION = "tenders.askQuestion";

	static final int QUESTION_LENGTH_MAX = 4_000;

	static final int ANSWER_LENGTH_MAX = 10_000;

	/** Questions one tender may receive: bounds its list, which every vendor reads. */
	static final int QUESTIONS_PER_TENDER_MAX = 200;

	private QuestionInputs() {
	}

	/** Input of {@code askQuestion}. */
	record AskInput(String idempotencyKey, String tenderId, String question) {

		String fingerprint() {
			return toString();
		}

		List<TenderError> validate() {
			List<TenderError> errors = new ArrayList<>();
			IdempotencyKeys.problem(idempotencyKey).ifPresent(problem -> errors.add(TenderError.invalid("idempotencyKey", problem)));
			if (question.isBlank() || question.length() > QUESTION_LENGTH_MAX) {
				errors.add(TenderError.invalid("question", "A question has 1 to " + QUESTION_LENGTH_MAX + " characters"));
			}
			return errors;
		}

	}

	/** Input of {@code answerQuestion}. */
	record AnswerInput(String questionId, String answer) {

		List<TenderError> validate() {
			return answer.isBlank() || answer.length() > ANSWER_LENGTH_MAX
					? List.of(TenderError.invalid("answer", "An answer has 1 to " + ANSWER_LENGTH_MAX + " characters")) : List.of();
		}

	}

	/** The schema's {@code QuestionPayload}. */
	record Payload(@Nullable Question question, List<TenderError> userErrors) {

		static Payload of(Question question) {
			return new Payload(question, List.of());
		}

		static Payload failed(List<TenderError> errors) {
			return new Payload(null, errors);
		}

		static Payload failed(TenderError error) {
			return new Payload(null, List.of(error));
		}

		static Payload conflict() {
			return failed(TenderError.conflict());
		}

	}

}
