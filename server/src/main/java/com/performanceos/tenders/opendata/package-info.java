/**
 * Open data of signed contracts: DECP 2.0.3 (French essential data) and OCDS 1.1.5 release packages, each record
 * validated against the published JSON Schema before it leaves, streamed with bounded memory and digest-audited.
 */
@NullMarked
package com.performanceos.tenders.opendata;

import org.jspecify.annotations.NullMarked;
