package dev.rbee.queen.tasks;

import dev.rbee.contract.queen.Job;

/**
 * A job as it ended, for metrics: the Job record plus the timings it does not carry. {@code inferenceSeconds} runs
 * from {@code started} to the terminal event, {@code firstTokenSeconds} from {@code started} to the first token (both
 * null when that never happened); {@code downloadOutcome} is {@code completed} or {@code failed} when the job had to
 * fetch its model, else null.
 */
public record FinishedJob(Job job, Double inferenceSeconds, Double firstTokenSeconds, String downloadOutcome) {
}
