/**
 * Clarification questions on published tenders: asked by vendors until the closing day the rules set, answered by the
 * buyer and published to every vendor alike, without the asker's identity.
 */
@NullMarked
package com.performanceos.tenders.questions;

import org.jspecify.annotations.NullMarked;
