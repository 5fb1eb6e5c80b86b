package com.performanceos.contract;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.UUID;

/** Codes and keys no earlier run (nor another suite on the same server) has used. */
final class UniqueCodes {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private UniqueCodes() {
	}

	/** An account code (at most 20 letters, digits, dots or dashes): the prefix and 10 random characters. */
	static String accountCode(String prefix) {
		return prefix + "-" + random(10);
	}

	static String idempotencyKey() {
		return "contract-" + UUID.randomUUID();
	}

	static String random(int length) {
		StringBuilder text = new StringBuilder(length);
		for (int index = 0; index < length; index++) {
			text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return text.toString();
	}

	/** A French IBAN with a random bank account number and correct mod-97 check digits. */
	static String frenchIban() {
		StringBuilder bban = new StringBuilder(23);
		for (int index = 0; index < 23; index++) {
			bban.append(RANDOM.nextInt(10));
		}
		// Check digits: 98 minus (BBAN + "FR00", letters as numbers A=10...) mod 97. F=15, R=27.
		BigInteger number = new BigInteger(bban + "152700");
		int check = 98 - number.mod(BigInteger.valueOf(97)).intValue();
		return "FR" + String.format("%02d", check) + bban;
	}

}
