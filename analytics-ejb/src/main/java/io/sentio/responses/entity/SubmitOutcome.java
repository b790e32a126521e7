package io.sentio.responses.entity;

/** Whether a submission was stored now or had been stored before with the same answers. */
public enum SubmitOutcome {
    CREATED,
    ALREADY_STORED
}
