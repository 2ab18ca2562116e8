package dev.rbee.worker.inference;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InferFaultsTest {
    @Test
    void aBareFaultHitsEveryWorker() {
        assertTrue(InferFaults.appliesTo("", "cpu", 0));
        assertTrue(InferFaults.appliesTo("", "cuda", 1));
    }

    /** S159: the fault scoped to cuda:0 leaves the worker on cuda:1 healthy. */
    @Test
    void aScopedFaultHitsOnlyTheWorkerOnThatDevice() {
        assertTrue(InferFaults.appliesTo("cuda:0", "cuda", 0));
        assertFalse(InferFaults.appliesTo("cuda:0", "cuda", 1));
        assertFalse(InferFaults.appliesTo("cuda:0", "cpu", 0));
    }
}
