package com.performanceos.sdk;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.jspecify.annotations.Nullable;

/** The JSON mapping of the API's scalars and the reading of errors and cost out of a response. */
final class Json {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private static final TypeReference<List<Object>> LIST = new TypeReference<>() {
	};

	private Json() {
	}

	/**
	 * {@code Decimal} travels as a string ({@code "12.50"}, the server refuses floats), {@code Date}
	 * and {@code DateTime} as ISO 8601 text with their offset kept; unknown fields are ignored so a
	 * field added to the schema never breaks a client built before it; unset input fields are left
	 * out. A concrete type that implements an interface is read without {@code __typename}.
	 */
	static ObjectMapper newMapper() {
		SimpleModule decimals = new SimpleModule("performance-os-decimal");
		decimals.addSerializer(BigDecimal.class, new DecimalAsString());
		return JsonMapper.builder()
			.addModule(new JavaTimeModule())
			.addModule(decimals)
			.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
			.enable(MapperFeature.USE_BASE_TYPE_AS_DEFAULT_IMPL)
			.defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS))
			.build();
	}

	/** The {@code errors} of a response; empty when there are none. */
	static List<GraphQlError> errors(ObjectMapper json, JsonNode errors) {
		List<GraphQlError> result = new ArrayList<>();
		if (!errors.isArray()) {
			return result;
		}
		for (JsonNode error : errors) {
			JsonNode extensions = error.path("extensions");
			result.add(new GraphQlError(error.path("message").asText(""), text(extensions, "code"),
					text(extensions, "traceId"),
					error.path("path").isArray() ? json.convertValue(error.path("path"), LIST) : List.of(),
					extensions.isObject() ? json.convertValue(extensions, MAP) : Map.of()));
		}
		return result;
	}

	/** The response's {@code extensions.cost}, or null when it has none or it is malformed. */
	static @Nullable Cost cost(JsonNode response) {
		JsonNode cost = response.path("extensions").path("cost");
		if (!cost.isObject()) {
			return null;
		}
		Instant resetAt = null;
		String reset = text(cost, "resetAt");
		if (reset != null) {
			try {
				resetAt = Instant.parse(reset);
			}
			catch (DateTimeParseException ex) {
				resetAt = null;
			}
		}
		return new Cost(cost.path("requested").asLong(), cost.path("actual").asLong(), cost.path("limit").asLong(),
				cost.path("remaining").asLong(), resetAt);
	}

	static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isValueNode() && !value.isNull() ? value.asText() : null;
	}

	/** Writes {@code BigDecimal} as a plain decimal string ({@code "1000"}, never {@code "1E+3"}). */
	private static final class DecimalAsString extends StdSerializer<BigDecimal> {

		private static final long serialVersionUID = 1L;

		DecimalAsString() {
			super(BigDecimal.class);
		}

		@Override
		public void serialize(BigDecimal value, JsonGenerator generator, SerializerProvider provider) throws IOException {
			generator.writeString(value.toPlainString());
		}

	}

}
