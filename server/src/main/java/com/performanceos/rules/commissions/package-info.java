/**
 * Sales commissions (issue 10): plans governed by the rules registry, calculation runs with traces, statements.
 */
@NullMarked
package com.performanceos.rules.commissions;

import org.jspecify.annotations.NullMarked;
