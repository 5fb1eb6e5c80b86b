/** Read-only links to a saved scenario version: random token stored hashed, expiry, revocation, one role, every access audited. */
@NullMarked
package com.performanceos.scenarios.sharing;

import org.jspecify.annotations.NullMarked;
