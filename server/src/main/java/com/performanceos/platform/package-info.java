/** Cross-cutting platform services every domain stands on: security, GraphQL conventions, audit, events, analytics. */
@NullMarked
package com.performanceos.platform;

import org.jspecify.annotations.NullMarked;
