package dev.rbee.queen.tasks;

import dev.rbee.contract.client.Endpoint;
import dev.rbee.contract.client.HttpJson;
import dev.rbee.contract.client.WorkerClient;
import dev.rbee.contract.json.Json;
import java.time.Duration;

/** Clients for workers, all carrying the cluster secret. */
public final class WorkerClients {
    private final String secret;
    private final Json json;

    public WorkerClients(String secret, Json json) {
        this.secret = secret;
        this.json = json;
    }

    WorkerClient client(String url) {
        return new WorkerClient(new HttpJson(Endpoint.of(url, secret, Duration.ofSeconds(5), Duration.ofSeconds(10)),
                json));
    }
}
