package dev.rbee.keeper.fleet;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Whether a process is still there: by pid when it runs on this machine, else by whether anything still answers at
 * its health URL (any HTTP answer counts, even 401: the process is alive). A refused or timed-out connection means
 * gone.
 */
public interface Liveness {
    boolean alive(FleetProcess process);

    static Liveness real() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        return process -> process.pid() != null
                ? ProcessHandle.of(process.pid()).map(ProcessHandle::isAlive).orElse(false)
                : answers(http, process.url());
    }

    private static boolean answers(HttpClient http, String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build();
            http.send(request, HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
