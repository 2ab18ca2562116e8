package dev.rbee.contract.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CancelReasonTest {
    @Test
    void aWorkerReadsMissingOrUnknownReasonsAsAPlainCancelRequest() {
        assertEquals(CancelReason.CLIENT_DISCONNECTED, CancelReason.fromWire("client_disconnected"));
        assertEquals("client disconnected", CancelReason.CLIENT_DISCONNECTED.words());
        assertEquals(CancelReason.CANCEL_REQUEST, CancelReason.fromWire(null));
        assertEquals(CancelReason.CANCEL_REQUEST, CancelReason.fromWire("'; rm -rf /"));
    }
}
