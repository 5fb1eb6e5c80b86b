package com.performanceos.rules.sales.crm;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.Parameter;

/** Binding values that may be null: R2DBC needs the type of a null. */
final class Parameters {

	private Parameters() {
	}

	static Parameter instant(@Nullable Instant value) {
		return value == null ? Parameter.empty(OffsetDateTime.class) : Parameter.from(value.atOffset(ZoneOffset.UTC));
	}

}
