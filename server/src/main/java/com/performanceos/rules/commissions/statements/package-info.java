/**
 * Statement documents: a rep's month as a PDF with an attainment chart, with the same visibility as the GraphQL
 * statement and its digest audited.
 */
@NullMarked
package com.performanceos.rules.commissions.statements;

import org.jspecify.annotations.NullMarked;
