package dev.rbee.desktop.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.contract.RbeeHome;
import dev.rbee.contract.hive.Model;
import dev.rbee.keeper.KeeperErrors;
import dev.rbee.keeper.QueenUrl;
import dev.rbee.keeper.queen.QueenSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** The models view model without a toolkit or queen: form checks, rows and the delete confirmation. */
class ModelsViewModelTest {
    @TempDir
    Path home;
    final AtomicInteger queenCalls = new AtomicInteger();
    final Supplier<QueenSession> noQueen = () -> {
        queenCalls.incrementAndGet();
        throw KeeperErrors.queenUnreachable(QueenUrl.resolve(null, Map.of(), "http://127.0.0.1:1"));
    };

    ModelsViewModel vm() {
        ModelsViewModel vm = new ModelsViewModel(noQueen, new RbeeHome(home), Runnable::run, Runnable::run);
        vm.showCatalog("localhost", List.of(tiny()));
        return vm;
    }

    static Model tiny() {
        return new Model("demo-tiny", "demo:tiny", "demo", "tiny", "tiny.gguf", "/rbee/models/demo/tiny.gguf",
                1_234_567L, null, null, "llama", 0);
    }

    @Test
    void theCatalogShowsAsRowsWithSizeSourceAndState() {
        ModelRow row = vm().rows().getFirst();
        assertEquals("demo-tiny", row.id());
        assertEquals("demo:tiny", row.model());
        assertEquals("1.2 MB", row.size());
        assertEquals("demo", row.source());
        assertEquals("/rbee/models/demo/tiny.gguf", row.path());
        assertEquals("downloaded", row.state());
    }

    @Test
    void aCatalogOfAnotherNodeIsDropped() {
        ModelsViewModel vm = vm();
        vm.showCatalog("laptop", List.of());
        assertEquals(1, vm.rows().size());
    }

    @Test
    void downloadChecksTheReferenceBeforeContactingQueen() {
        ModelsViewModel vm = vm();
        vm.download();
        assertTrue(vm.errorProperty().get().startsWith("❌ Enter a model reference"), vm.errorProperty().get());
        vm.referenceProperty().set("hf:not a ref");
        vm.download();
        assertTrue(vm.errorProperty().get().contains("(INVALID_MODEL_REF)"), vm.errorProperty().get());
        assertEquals(0, queenCalls.get());
        assertFalse(vm.downloadingProperty().get());
    }

    @Test
    void aDownloadThatCannotReachQueenShowsTheSpecsErrorAndDropsItsRow() {
        ModelsViewModel vm = vm();
        vm.referenceProperty().set("demo:tiny");
        vm.download();
        assertEquals(1, queenCalls.get());
        assertTrue(vm.errorProperty().get().contains("QUEEN_UNREACHABLE"), vm.errorProperty().get());
        assertFalse(vm.downloadingProperty().get());
        assertEquals(List.of("downloaded"), vm.rows().stream().map(ModelRow::state).toList());
    }

    @Test
    void deleteAsksFirstWithTheEntrysSize() {
        ModelsViewModel vm = vm();
        vm.askDelete(vm.rows().getFirst());
        assertEquals("Delete demo-tiny (1.2 MB) from localhost?", vm.questionProperty().get());
        vm.cancelDelete();
        assertEquals("", vm.questionProperty().get());
        assertEquals(0, queenCalls.get(), "cancelled: nothing sent");
        vm.askDelete(vm.rows().getFirst());
        vm.confirmDelete();
        assertEquals(1, queenCalls.get(), "confirmed: the delete goes to queen");
        assertEquals("", vm.questionProperty().get());
        assertTrue(vm.errorProperty().get().contains("QUEEN_UNREACHABLE"), vm.errorProperty().get());
    }

    @Test
    void deleteNeedsASelection() {
        ModelsViewModel vm = vm();
        vm.askDelete(null);
        assertEquals("Select a model to delete", vm.errorProperty().get());
        assertEquals("", vm.questionProperty().get());
    }

    @Test
    void theDownloadRowShowsItsPercentage() {
        ModelRow row = ModelRow.downloading("hf:org/repo:Q4", 250, 1000);
        assertEquals("downloading 25%", row.state());
        assertEquals("hf", row.source());
    }
}
