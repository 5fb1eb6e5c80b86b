/** Decision graphs in the GoRules JDM model: import, export and evaluation of input, table, expression, switch, sub-decision and output nodes. */
@NullMarked
package com.performanceos.rules.engine.graphs;

import org.jspecify.annotations.NullMarked;
