package dev.rbee.desktop.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.contract.RbeeHome;
import dev.rbee.contract.json.Json;
import dev.rbee.desktop.shell.QueenConnection;
import dev.rbee.keeper.KeeperEnvironment;
import dev.rbee.keeper.infer.InferenceOptions;
import dev.rbee.keeper.queen.QueenLifecycleListener;
import dev.rbee.keeper.queen.QueenSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** The view model without the toolkit: both executors run on the calling thread, so {@code run()} completes. */
class PlaygroundViewModelTest {
    @TempDir
    Path home;

    @Test
    void defaultsAreThoseOfTheCli() {
        PlaygroundViewModel vm = viewModel(() -> {
            throw new AssertionError("not used");
        });
        vm.promptProperty().set("hi");
        InferenceOptions options = vm.options();
        assertEquals("demo:tiny", options.model());
        assertEquals("localhost", options.node());
        assertEquals("20", options.maxTokens());
        assertEquals("0.7", options.temperature());
        assertEquals(null, options.topP(), "a blank field is 'not given'");
        assertEquals(List.of(), options.stop());
    }

    @Test
    void theDemoNoteFollowsTheModel() {
        PlaygroundViewModel vm = viewModel(() -> null);
        assertTrue(vm.demoModelProperty().get());
        vm.modelProperty().set("hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF");
        assertFalse(vm.demoModelProperty().get());
    }

    @Test
    void stopSequencesAreOnePerLineWithEscapes() {
        PlaygroundViewModel vm = viewModel(() -> null);
        vm.stopProperty().set("END\n\n\\n\\n");
        assertEquals(List.of("END", "\n\n"), vm.options().stop());
    }

    @Test
    void invalidFieldsAreReportedTogetherBeforeQueenIsContacted() {
        AtomicInteger opened = new AtomicInteger();
        PlaygroundViewModel vm = viewModel(() -> {
            opened.incrementAndGet();
            throw new AssertionError("queen must not be contacted");
        });
        vm.promptProperty().set("hello");
        vm.maxTokensProperty().set("many");
        vm.temperatureProperty().set("9");
        vm.run();
        String error = vm.errorProperty().get();
        assertTrue(error.startsWith("[rbee-keeper] ❌ Error: "), error);
        assertTrue(error.contains("--max-tokens") && error.contains("--temperature"), error);
        assertEquals(0, opened.get());
        assertFalse(vm.runningProperty().get());
        assertEquals("Failed", vm.statusProperty().get());
        assertEquals("", vm.answerProperty().get());
    }

    /** A remote URL nobody answers: the spec's message and suggestion, never a stack trace. */
    @Test
    void anUnreachableQueenShowsTheMessageAndTheSuggestion() {
        Map<String, String> env = Map.of("RBEE_HOME", home.toString(), "RBEE_QUEEN_URL", "http://192.0.2.1:9");
        QueenConnection queen = new QueenConnection(new KeeperEnvironment(env, new RbeeHome(home), home, new Json()),
                QueenLifecycleListener.SILENT);
        PlaygroundViewModel vm = viewModel(queen::session);
        vm.promptProperty().set("hello");
        vm.run();
        assertEquals("""
                [rbee-keeper] ❌ Error: Cannot connect to queen-rbee at http://192.0.2.1:9 (QUEEN_UNREACHABLE)
                💡 Check that queen-rbee runs on 192.0.2.1 and that --queen-url is right""",
                vm.errorProperty().get());
        assertFalse(vm.runningProperty().get());
    }

    @Test
    void aBrokenConfigFileIsShownAsTheCliShowsIt() throws Exception {
        java.nio.file.Files.writeString(home.resolve("config.toml"), "queen_url = [\n");
        QueenConnection queen = new QueenConnection(new KeeperEnvironment(Map.of("RBEE_HOME", home.toString()),
                new RbeeHome(home), home, new Json()), QueenLifecycleListener.SILENT);
        PlaygroundViewModel vm = viewModel(queen::session);
        vm.promptProperty().set("hello");
        vm.run();
        assertTrue(vm.errorProperty().get().contains("(CONFIG_INVALID)"), vm.errorProperty().get());
    }

    private PlaygroundViewModel viewModel(Supplier<QueenSession> sessions) {
        return new PlaygroundViewModel(sessions, new RbeeHome(home), Runnable::run, Runnable::run);
    }
}
