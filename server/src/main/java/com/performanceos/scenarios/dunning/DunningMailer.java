package com.performanceos.scenarios.dunning;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Hands dunning messages to the SMTP server (Jakarta Mail through Spring's {@link JavaMailSender}).
 * Jakarta Mail blocks, so sends run on the bounded elastic scheduler. Each message carries its id in
 * {@value #MESSAGE_ID_HEADER}, so a bounce report can name the message it is about.
 */
@Component
class DunningMailer {

	static final String MESSAGE_ID_HEADER = "X-Dunning-Message-Id";

	private final ObjectProvider<JavaMailSender> senders;

	private final DunningProperties settings;

	DunningMailer(ObjectProvider<JavaMailSender> senders, DunningProperties settings) {
		this.senders = senders;
		this.settings = settings;
	}

	/** Whether an SMTP server is configured. */
	boolean configured() {
		return senders.getIfAvailable() != null;
	}

	/** Completes when the SMTP server accepted the message; errors with its refusal otherwise. */
	Mono<Void> send(DunningMessage message) {
		return Mono.<Void>fromRunnable(() -> {
			JavaMailSender sender = senders.getObject();
			MimeMessage mime = sender.createMimeMessage();
			try {
				MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
				helper.setFrom(settings.from());
				helper.setTo(message.recipient());
				helper.setSubject(message.subject());
				helper.setText(message.body());
				mime.setHeader(MESSAGE_ID_HEADER, message.id());
			}
			catch (MessagingException ex) {
				throw new IllegalArgumentException("Cannot build the message " + message.id(), ex);
			}
			sender.send(mime);
		}).subscribeOn(Schedulers.boundedElastic());
	}

}
