/** DMN 1.5 decision tables: typed columns, unary-test cells, every hit policy, overlap and gap analysis, CSV import and export. */
@NullMarked
package com.performanceos.rules.engine.tables;

import org.jspecify.annotations.NullMarked;
