package dev.rbee.queen.install;

import dev.rbee.contract.ApiPaths;
import dev.rbee.contract.error.Component;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.queen.InstallRequest;
import dev.rbee.contract.queen.Node;
import dev.rbee.contract.sse.CompleteEvent;
import dev.rbee.contract.sse.ErrorEvent;
import dev.rbee.contract.sse.NarrationEvent;
import dev.rbee.contract.sse.ProgressEvent;
import dev.rbee.daemon.ClientGoneException;
import dev.rbee.daemon.Responses;
import dev.rbee.daemon.SseChannel;
import dev.rbee.queen.nodes.NodeRegistry;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v2/nodes/{name}/install} (api.md §5.1, §5.3): name checks answer as envelopes (400 localhost, 404),
 * everything after them is the install stream. Installs of one node run one after the other, so two of them never
 * swap directories under each other.
 */
public final class InstallRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(InstallRoutes.class);
    private static final String ACTOR = "queen-rbee";
    private static final long KEEP_ALIVE_MS = 10_000;

    private final NodeRegistry registry;
    private final NodeInstaller installer;
    private final Json json;
    private final Map<String, ReentrantLock> running = new ConcurrentHashMap<>();

    public InstallRoutes(NodeRegistry registry, NodeInstaller installer, Json json) {
        this.registry = registry;
        this.installer = installer;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.post(ApiPaths.NODE_INSTALL_TEMPLATE, this::install);
    }

    private void install(Context ctx) throws ClientGoneException {
        String name = ctx.pathParam(ApiPaths.PARAM_NAME);
        InstallRequest request = ctx.body().isBlank() ? InstallRequest.none()
                : Responses.body(ctx, json, InstallRequest.class);
        Node node = registry.requireRemote(name);
        SseChannel channel = SseChannel.open(ctx, json);
        ReentrantLock lock = running.computeIfAbsent(name, n -> new ReentrantLock());
        lock.lock();
        try {
            CompleteEvent done = installer.install(registry.find(name).orElse(node), request.acceptHostKey(),
                    events(channel));
            channel.send(done);
        } catch (RbeeException e) {
            LOG.warn("Install on {} failed: {} {}", name, e.code(), e.getMessage());
            channel.send(ErrorEvent.of(e.withComponentIfAbsent(Component.QUEEN)));
        } catch (ClientGoneException e) {
            LOG.info("The client of the install on {} left; the copy was aborted and its temporary directory removed",
                    name);
            return;
        } finally {
            lock.unlock();
        }
        channel.done();
    }

    private static NodeInstaller.Events events(SseChannel channel) {
        return new NodeInstaller.Events() {
            @Override
            public void narrate(String action, String human) throws ClientGoneException {
                channel.send(NarrationEvent.of(ACTOR, action, human));
            }

            @Override
            public void progress(ProgressEvent progress) throws ClientGoneException {
                channel.send(progress);
            }

            @Override
            public void keepAlive() throws ClientGoneException {
                channel.keepAliveIfIdle(KEEP_ALIVE_MS);
            }
        };
    }
}
