package com.performanceos.scenarios.dunning;

/** The schema's {@code DunningChannel}: how a step's message goes out. */
enum DunningChannel {

	/** Through the SMTP server ({@link DunningMailer}) to the contact's e-mail address. */
	EMAIL,

	/** Through the SMS provider's API ({@link DunningSms}) to the contact's mobile number. */
	SMS

}
