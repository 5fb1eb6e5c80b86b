/** Probe-style tests of the running server as a hostile or careless client would call it. */
@NullMarked
package com.performanceos.security;

import org.jspecify.annotations.NullMarked;
