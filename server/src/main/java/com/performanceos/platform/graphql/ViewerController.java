package com.performanceos.platform.graphql;

import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import com.performanceos.platform.security.Viewer;

/** {@code viewer}: who the token says the caller is. */
@Controller
class ViewerController {

	@QueryMapping
	Viewer viewer(@ContextValue(Viewer.CONTEXT_KEY) Viewer viewer) {
		return viewer;
	}

}
