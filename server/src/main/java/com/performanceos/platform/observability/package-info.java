/** Operations: health of every dependency, request metrics and trace ids in structured logs. */
@NullMarked
package com.performanceos.platform.observability;

import org.jspecify.annotations.NullMarked;
