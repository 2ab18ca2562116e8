package dev.rbee.desktop.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.desktop.shell.QueenConnection;
import dev.rbee.desktop.testing.RealQueen;
import dev.rbee.keeper.KeeperEnvironment;
import dev.rbee.keeper.queen.QueenLifecycleListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The view model against a real queen (with its real hive and demo:tiny worker), without the toolkit: a
 * single-thread executor plays the FX thread, and the test reads properties only through it.
 */
class PlaygroundStreamingTest {
    private static RealQueen queen;
    private static QueenConnection connection;
    private final ExecutorService ui = Executors.newSingleThreadExecutor();
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    @BeforeAll
    static void startQueen() throws Exception {
        queen = RealQueen.start();
        connection = new QueenConnection(queen.keeperEnvironment(), QueenLifecycleListener.SILENT);
    }

    @AfterAll
    static void stopQueen() throws Exception {
        connection.close();
        assertTrue(queen.answers(), "the app never stops a queen it did not start");
        queen.close();
    }

    @Test
    void anAnswerStreamsInWithTimeToFirstTokenAndSpeed() throws Exception {
        PlaygroundViewModel vm = viewModel();
        AtomicInteger updates = new AtomicInteger();
        onUi(() -> {
            vm.answerProperty().addListener((observable, before, now) -> updates.incrementAndGet());
            vm.promptProperty().set("The bees");
            vm.maxTokensProperty().set("12");
            vm.seedProperty().set("42");
            vm.run();
            return null;
        });
        awaitEnd(vm, 180);
        assertEquals("", onUi(() -> vm.errorProperty().get()));
        assertFalse(onUi(() -> vm.answerProperty().get()).isEmpty());
        assertTrue(updates.get() >= 3, "the answer arrived in pieces, not at once: " + updates.get());
        assertTrue(onUi(() -> vm.timeToFirstTokenProperty().get()).matches("\\d+ ms"));
        assertTrue(onUi(() -> vm.tokensPerSecondProperty().get()).matches("\\d+\\.\\d tokens/s"));
        assertEquals("Done: 12 tokens (MAX_TOKENS)", onUi(() -> vm.statusProperty().get()));
    }

    @Test
    void cancelStopsTheStreamInTheMiddle() throws Exception {
        PlaygroundViewModel vm = viewModel();
        onUi(() -> {
            vm.promptProperty().set("A long story");
            vm.maxTokensProperty().set("100000");
            vm.run();
            return null;
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (onUi(() -> vm.answerProperty().get()).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(onUi(() -> vm.answerProperty().get()).isEmpty(), "no token arrived");
        onUi(() -> {
            vm.cancel();
            return null;
        });
        awaitEnd(vm, 10);
        assertEquals("Cancelled", onUi(() -> vm.statusProperty().get()));
        assertEquals("", onUi(() -> vm.errorProperty().get()));
        assertEquals("", onUi(() -> vm.tokensPerSecondProperty().get()));
    }

    private PlaygroundViewModel viewModel() {
        KeeperEnvironment env = queen.keeperEnvironment();
        return new PlaygroundViewModel(connection::session, env.home(), background, ui);
    }

    private void awaitEnd(PlaygroundViewModel vm, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (onUi(() -> vm.runningProperty().get()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(onUi(() -> vm.runningProperty().get()), "the run did not end within " + seconds + " s; status "
                + onUi(() -> vm.statusProperty().get()));
    }

    private <T> T onUi(Callable<T> read) throws Exception {
        return ui.submit(read).get(10, TimeUnit.SECONDS);
    }
}
