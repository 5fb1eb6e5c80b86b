/** The GoRules ZEN expression and unary-test language, interpreted in exact decimal arithmetic, so JDM graphs imported from GoRules keep their meaning. */
@NullMarked
package com.performanceos.rules.engine.zen;

import org.jspecify.annotations.NullMarked;
