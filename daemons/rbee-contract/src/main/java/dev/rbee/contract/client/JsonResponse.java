package dev.rbee.contract.client;

import java.net.http.HttpHeaders;

/** A 2xx answer with its status, for endpoints whose status carries meaning (201 vs 200, 202 vs 200). */
public record JsonResponse<T>(int status, HttpHeaders headers, T body) {
}
