package dev.rbee.engine.demo;

import dev.rbee.engine.gguf.LlamaModelSpec;
import dev.rbee.engine.gguf.RandomLlamaGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The built-in {@code demo:tiny} model: generated on first use under the models directory, so a machine without
 * network access can run the whole inference path. It has random weights; its output is meaningless.
 */
public final class DemoModels {
    public static final String DEMO_TINY_REF = "demo:tiny";
    public static final String DEMO_TINY_FILE = "demo-tiny.gguf";

    private DemoModels() {
    }

    public static Path demoTinyPath(Path modelsDir) {
        return modelsDir.resolve("demo").resolve(DEMO_TINY_FILE);
    }

    /** Returns the demo model's path, writing the file first when it is not there yet. */
    public static Path ensureDemoTiny(Path modelsDir) throws IOException {
        Path path = demoTinyPath(modelsDir);
        if (!Files.isRegularFile(path)) {
            new RandomLlamaGenerator().write(LlamaModelSpec.demoTiny(), path);
        }
        return path;
    }
}
