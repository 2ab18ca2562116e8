package dev.rbee.keeper.queen;

import dev.rbee.contract.client.Endpoint;
import dev.rbee.contract.client.HttpJson;
import dev.rbee.contract.client.QueenClient;
import dev.rbee.contract.client.UnreachableException;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.queen.QueenHealth;
import dev.rbee.keeper.QueenUrl;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** One {@code GET /health} with a 1 s timeout and no retries (cli.md §4): is a queen there, something else, or nobody? */
public final class QueenProbe {
    public static final Duration TIMEOUT = Duration.ofSeconds(1);

    public enum Answer { QUEEN, FOREIGN, NOBODY }

    /** {@code health} is set only for {@link Answer#QUEEN}. */
    public record Result(Answer answer, QueenHealth health) {
        public boolean isQueen() {
            return answer == Answer.QUEEN;
        }
    }

    private final Json json;

    public QueenProbe(Json json) {
        this.json = json;
    }

    public Result probe(QueenUrl url) {
        Endpoint endpoint = Endpoint.of(url.text(), null, TIMEOUT, TIMEOUT);
        try {
            QueenHealth health = new QueenClient(new HttpJson(endpoint, json)).health();
            boolean queen = health != null && QueenHealth.OK.equals(health.status()) && health.version() != null;
            return queen ? new Result(Answer.QUEEN, health) : foreign();
        } catch (UnreachableException e) {
            // A reset or a silent listener still holds the port; only a refusal means the port is free.
            boolean held = e.kind() != UnreachableException.Kind.REFUSED && url.isLoopback() && portAccepts(url);
            return held ? foreign() : new Result(Answer.NOBODY, null);
        } catch (RbeeException e) {
            // An error answer, an unparsable one, or no answer within 1 s: the port is taken, not by a healthy queen.
            return foreign();
        }
    }

    private static Result foreign() {
        return new Result(Answer.FOREIGN, null);
    }

    private static boolean portAccepts(QueenUrl url) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(url.host(), url.port()), (int) TIMEOUT.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
