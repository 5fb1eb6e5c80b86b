-- Dunning by SMS (issue 12): a contact's mobile number, and what the SMS provider answered for a message.
-- The number is E.164 (a plus, the country code, at most 15 digits), the shape the provider's API takes; a contact
-- without one gets no SMS step (the step is recorded SKIPPED, with the reason).
ALTER TABLE scenarios_dunning_contact ADD COLUMN phone text CHECK (phone ~ '^\+[1-9][0-9]{1,14}$');

-- provider_ref is the provider's id of an accepted message (Twilio's `sid`), provider_code its error code when it
-- refused one (Twilio's `code`, 21211 for an invalid number): the statuses stay those of V110, a refusal is BOUNCED
-- (the number will not work: not retried) or FAILED (retried by the next run), the provider's message in status_reason.
ALTER TABLE scenarios_dunning_message ADD COLUMN provider_ref text;
ALTER TABLE scenarios_dunning_message ADD COLUMN provider_code text;
