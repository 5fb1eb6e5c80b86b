/** Seeds the demo tenant of the embedded default once, with data each domain contributes. */
@NullMarked
package com.performanceos.platform.demo;

import org.jspecify.annotations.NullMarked;
