/** The HTTP edge: trace ids, request size limits and GraphQL-shaped answers to malformed requests. */
@NullMarked
package com.performanceos.platform.web;

import org.jspecify.annotations.NullMarked;
