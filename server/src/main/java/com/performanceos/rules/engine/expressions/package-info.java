/** Rule expressions in Google CEL: declared, typed inputs; type-checked at compile; evaluated under a step limit and a deadline. */
@NullMarked
package com.performanceos.rules.engine.expressions;

import org.jspecify.annotations.NullMarked;
