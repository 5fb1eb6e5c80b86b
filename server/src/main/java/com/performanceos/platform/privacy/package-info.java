/** Personal data at the source: detection (emails, IBANs), encryption at rest, masking and salted hashing. */
@NullMarked
package com.performanceos.platform.privacy;

import org.jspecify.annotations.NullMarked;
