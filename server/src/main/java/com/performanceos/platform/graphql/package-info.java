/** Schema wiring: scalars, global ids, connections, user errors and the central error mapping. */
@NullMarked
package com.performanceos.platform.graphql;

import org.jspecify.annotations.NullMarked;
