/** Organisations identified by SIRET: the buyers (public bodies) and the companies that bid. */
@NullMarked
package com.performanceos.tenders.organisations;

import org.jspecify.annotations.NullMarked;
