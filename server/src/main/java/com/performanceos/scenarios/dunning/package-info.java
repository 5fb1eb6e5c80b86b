/** Dunning: reminder cadences per customer segment, e-mailed (SMTP) or texted (an SMS provider's API) at most once each, stopped on payment or dispute, and the DSO they move. */
@NullMarked
package com.performanceos.scenarios.dunning;

import org.jspecify.annotations.NullMarked;
