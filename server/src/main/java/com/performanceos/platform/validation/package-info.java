/**
 * Input checks every edge applies alike (GraphQL, HTTP parameters, CSV imports, webhooks): the supported
 * calendar range and strict dates, and the control characters a string may hold.
 */
@NullMarked
package com.performanceos.platform.validation;

import org.jspecify.annotations.NullMarked;
