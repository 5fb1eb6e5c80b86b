/** Detection of recurring flows (rent, payroll, subscriptions) in bank transaction history. */
@NullMarked
package com.performanceos.scenarios.recurring;

import org.jspecify.annotations.NullMarked;
