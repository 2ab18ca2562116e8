package dev.rbee.contract.queen;

/** 201 (new) or 200 (same registration repeated). */
public record RegisterWorkerResponse(String workerId) {
}
