package com.performanceos.platform.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the event a record is: the past-tense type stored in the outbox and matched by sinks and
 * subscribers (e.g. {@code ledger.AccountCreated}). The record, owned by its publisher, is the
 * only place the name is written; consumers name the record class.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

	/** The event's type name. */
	String value();

}
