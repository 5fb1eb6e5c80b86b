package com.performanceos.contract;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/** A subscriber that asks for every event and lets a test wait for them one at a time. */
final class EventCollector<T> implements Flow.Subscriber<T> {

	private final BlockingQueue<T> events = new LinkedBlockingQueue<>();

	private volatile Flow.@Nullable Subscription subscription;

	private volatile @Nullable Throwable failure;

	private volatile boolean completed;

	@Override
	public void onSubscribe(Flow.Subscription subscription) {
		this.subscription = subscription;
		subscription.request(Long.MAX_VALUE);
	}

	@Override
	public void onNext(T event) {
		events.add(event);
	}

	@Override
	public void onError(Throwable error) {
		failure = error;
	}

	@Override
	public void onComplete() {
		completed = true;
	}

	/** The next event, or null when none came within {@code timeout}; fails if the stream failed. */
	@Nullable T next(Duration timeout) throws InterruptedException {
		T event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
		if (event == null && failure != null) {
			throw new AssertionError("The subscription failed", failure);
		}
		return event;
	}

	@Nullable Throwable failure() {
		return failure;
	}

	boolean completed() {
		return completed;
	}

	void cancel() {
		Flow.Subscription current = subscription;
		if (current != null) {
			current.cancel();
		}
	}

}
