package com.performanceos.platform.validation;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** E-mail addresses as every domain accepts them: one bare address, as Jakarta Mail checks it. */
public final class EmailAddresses {

	/** RFC 5321's longest forward path. */
	public static final int LENGTH_MAX = 254;

	private EmailAddresses() {
	}

	/** One bare address (no display name, no list), valid by RFC 822 rules as Jakarta Mail checks them. */
	public static boolean isPlain(String email) {
		if (email.isBlank() || email.length() > LENGTH_MAX) {
			return false;
		}
		try {
			InternetAddress address = new InternetAddress(email, true);
			return address.getAddress().equals(email) && address.getPersonal() == null;
		}
		catch (AddressException ex) {
			return false;
		}
	}

}
