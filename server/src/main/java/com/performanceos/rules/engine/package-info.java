/** The evaluation core of the rules engine: compiled, side-effect-free, deterministic evaluation of rule artifacts, with values as plain JSON-shaped Java objects. */
@NullMarked
package com.performanceos.rules.engine;

import org.jspecify.annotations.NullMarked;
