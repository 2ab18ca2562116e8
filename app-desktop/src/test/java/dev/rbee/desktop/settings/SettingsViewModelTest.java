package dev.rbee.desktop.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.contract.RbeeHome;
import dev.rbee.keeper.KeeperConfigLoader;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Settings without the toolkit: config.toml read into the fields, checked, written back. */
class SettingsViewModelTest {
    @TempDir
    Path dir;

    private SettingsViewModel vm(Map<String, String> env) {
        return new SettingsViewModel(new RbeeHome(dir), env, new SimpleBooleanProperty(), Runnable::run, Runnable::run);
    }

    @Test
    void savedValuesAreInConfigTomlAndTheScreenSaysWhenTheyApply() throws Exception {
        Files.writeString(dir.resolve("config.toml"), "[defaults]\nmodel = \"demo:tiny\"\n");
        SettingsViewModel vm = vm(Map.of());
        vm.load();
        assertEquals("In use: http://127.0.0.1:8080 (the default)", vm.effectiveProperty().get());
        vm.queenUrlProperty().set(" http://10.0.0.2:8080 ");
        vm.apiKeyProperty().set("s3cret");
        vm.save();
        assertEquals("", vm.errorProperty().get());
        assertEquals("✅ Saved to " + dir.resolve("config.toml") + ". " + SettingsViewModel.APPLIES_LATER,
                vm.messageProperty().get());
        var config = KeeperConfigLoader.load(dir.resolve("config.toml")).config();
        assertEquals("http://10.0.0.2:8080", config.queenUrl());
        assertEquals("s3cret", config.apiKey());
        assertEquals("demo:tiny", config.defaults().model());
        assertEquals("In use: http://10.0.0.2:8080 (from config.toml)", vm.effectiveProperty().get());
    }

    @Test
    void aBadUrlOrKeyIsRefusedBeforeAnythingIsWritten() {
        SettingsViewModel vm = vm(Map.of("RBEE_QUEEN_URL", "http://env:1"));
        vm.load();
        assertTrue(vm.effectiveProperty().get().startsWith("In use: http://env:1 (from RBEE_QUEEN_URL"));
        vm.queenUrlProperty().set("ftp://nope");
        vm.save();
        assertTrue(vm.errorProperty().get().contains("Invalid queen URL 'ftp://nope'"), vm.errorProperty().get());
        assertTrue(vm.errorProperty().get().contains("USAGE_ERROR"), vm.errorProperty().get());
        vm.queenUrlProperty().set("");
        vm.apiKeyProperty().set("two words");
        vm.save();
        assertEquals("❌ The API key cannot contain spaces or line breaks", vm.errorProperty().get());
        assertTrue(Files.notExists(dir.resolve("config.toml")));
    }

    @Test
    void aBrokenConfigShowsItsLineAndIsNotOverwritten() throws Exception {
        Files.writeString(dir.resolve("config.toml"), "queen_url = 42\n");
        SettingsViewModel vm = vm(Map.of());
        vm.load();
        assertTrue(vm.errorProperty().get().contains("line 1"), vm.errorProperty().get());
        vm.apiKeyProperty().set("k");
        vm.save();
        assertTrue(vm.errorProperty().get().contains("CONFIG_INVALID"), vm.errorProperty().get());
        assertEquals("queen_url = 42\n", Files.readString(dir.resolve("config.toml")));
    }
}
