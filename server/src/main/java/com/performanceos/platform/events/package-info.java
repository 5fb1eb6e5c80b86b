/** The transactional outbox, its relay to the sinks, and the cross-instance fan-out feeding subscriptions. */
@NullMarked
package com.performanceos.platform.events;

import org.jspecify.annotations.NullMarked;
