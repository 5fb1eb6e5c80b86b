/** Exported documents: files written while hashed, sent with their SHA-256, and their writers. */
@NullMarked
package com.performanceos.platform.documents;

import org.jspecify.annotations.NullMarked;
