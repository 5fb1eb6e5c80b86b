package com.performanceos.rules.engine.graphs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.performanceos.rules.engine.RuleEvaluationException;
import com.performanceos.rules.engine.zen.ZenExpression;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * JDM transform attributes of a node: which part of the input it reads ({@code inputField}),
 * once or once per array element ({@code executionMode}), where its output goes
 * ({@code outputPath}) and whether the input passes through merged with it.
 */
record Transform(@Nullable ZenExpression inputField, @Nullable String outputPath, boolean loop, boolean passThrough) {

	static Transform of(JsonNode content) {
		String inputField = text(content, "inputField");
		String outputPath = text(content, "outputPath");
		boolean loop = "loop".equals(text(content, "executionMode"));
		boolean passThrough = content.path("passThrough").asBoolean(false);
		return new Transform(inputField == null ? null : ZenExpression.compile(inputField), outputPath, loop, passThrough);
	}

	private static @Nullable String text(JsonNode content, String field) {
		JsonNode node = content.get(field);
		return node == null || node.isNull() || node.asString().isBlank() ? null : node.asString();
	}

	@Nullable Object apply(@Nullable Object nodeInput, Run run, UnaryOperator<@Nullable Object> body) {
		Object input = this.inputField == null ? nodeInput : this.inputField.evaluate(nodeInput, null, run.nodes(), run.context());
		Object output;
		if (this.loop) {
			if (!(input instanceof List<?> elements)) {
				throw new RuleEvaluationException(RuleEvaluationException.Code.EVALUATION_ERROR,
						"loop execution expects an array");
			}
			List<@Nullable Object> outputs = new ArrayList<>(elements.size());
			for (Object element : elements) {
				Object result = body.apply(element);
				outputs.add(this.passThrough ? Variables.merge(element, result) : result);
			}
			output = outputs;
		}
		else {
			output = body.apply(input);
		}
		if (this.outputPath != null) {
			Map<String, @Nullable Object> wrapped = new LinkedHashMap<>();
			Variables.dotInsert(wrapped, this.outputPath, output);
			output = wrapped;
		}
		if (this.passThrough) {
			output = Variables.merge(nodeInput, output);
		}
		return output;
	}

}
