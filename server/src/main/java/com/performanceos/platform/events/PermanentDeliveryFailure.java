package com.performanceos.platform.events;

import org.jspecify.annotations.Nullable;

/**
 * Thrown (or signalled) by an {@link OutboxSink} that refuses events for a reason retrying cannot fix: data it cannot
 * represent, a payload it cannot read. The relay then finds the refused events among the batch, delivers the others,
 * and parks each refused one (with this message as its reason) until an ADMIN replays it after a fix. Any other error
 * counts as transient: the batch is retried whole with backoff.
 *
 * <p>The message is shown to the tenant's ADMIN ({@code parkedEvents}): it should say what is wrong with the event's
 * data, not describe the sink's infrastructure.
 */
public class PermanentDeliveryFailure extends RuntimeException {

	public PermanentDeliveryFailure(String message, Throwable cause) {
		super(message, cause);
	}

	public PermanentDeliveryFailure(String message) {
		super(message);
	}

	/** Whether {@code error} or one of its causes is a permanent refusal. */
	static boolean isPermanent(Throwable error) {
		return permanentCause(error) != null;
	}

	/** The permanent refusal among {@code error} and its causes, or null when there is none. */
	static @Nullable PermanentDeliveryFailure permanentCause(Throwable error) {
		@Nullable Throwable current = error;
		for (int depth = 0; current != null && depth < 16; depth++) {
			if (current instanceof PermanentDeliveryFailure permanent) {
				return permanent;
			}
			current = current.getCause();
		}
		return null;
	}

}
