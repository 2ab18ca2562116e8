package dev.rbee.engine.gguf;

import static dev.rbee.engine.gguf.GgufFixtures.descriptorOffset;
import static dev.rbee.engine.gguf.GgufFixtures.offsetField;
import static dev.rbee.engine.gguf.GgufFixtures.putInt;
import static dev.rbee.engine.gguf.GgufFixtures.putLong;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Damaged files always give a {@link GgufFormatException} whose message says what is wrong, never another error. */
class GgufCorruptionTest {
    private static final String LAST = "blk.1.ffn_down.weight";

    @TempDir
    Path dir;
    byte[] good;
    GgufInfo goodInfo;

    @BeforeEach
    void writeModel() throws Exception {
        Path file = GgufFixtures.write(dir, "good.gguf", GgufFixtures.small(GgmlType.Q8_0));
        good = Files.readAllBytes(file);
        goodInfo = new GgufReader().read(file);
    }

    private GgufFormatException rejected(byte[] bytes) throws IOException {
        Path file = GgufFixtures.copyWith(dir, "bad.gguf", bytes);
        return assertThrows(GgufFormatException.class, () -> new GgufReader().read(file));
    }

    private GgufFormatException truncatedAt(int length) throws IOException {
        return rejected(Arrays.copyOf(good, length));
    }

    @Test
    void truncationInsideTheHeaderSaysWhereTheFileEnds() throws Exception {
        for (int cut : new int[] {5, 12, 20, 30, 200, 2000}) {
            String message = truncatedAt(cut).getMessage();
            assertTrue(message.contains("truncated") && message.contains("file ends at byte " + cut)
                    || message.contains("corrupt"), cut + ": " + message);
        }
    }

    @Test
    void truncationInsideTheTensorDescriptors() throws Exception {
        int first = descriptorOffset(good, "token_embd.weight");
        for (int cut : new int[] {first + 3, first + 12, offsetField(good, LAST, 2) + 4}) {
            String message = truncatedAt(cut).getMessage();
            assertTrue(message.contains("truncated") || message.contains("corrupt"), message);
        }
    }

    @Test
    void truncationInsideTheDataNamesTheFirstTensorThatDoesNotFit() throws Exception {
        long embdBytes = goodInfo.tensor("token_embd.weight").orElseThrow().byteSize().orElseThrow();
        String message = truncatedAt((int) (goodInfo.dataOffset() + embdBytes - 1)).getMessage();
        assertTrue(message.contains("tensor 'token_embd.weight' (Q8_0, " + embdBytes + " bytes"), message);
        assertTrue(truncatedAt(good.length - 1).getMessage().contains("tensor '" + LAST + "'"));
        assertTrue(truncatedAt((int) goodInfo.dataOffset()).getMessage().contains("past the end of the file"));
    }

    @Test
    void noTruncationOfTheHeaderEscapesAsAnotherException() throws Exception {
        for (int cut = 0; cut < goodInfo.dataOffset() + 64; cut += 7) {
            truncatedAt(cut);
        }
    }

    @Test
    void emptyFileIsNotGguf() throws Exception {
        assertTrue(truncatedAt(0).getMessage().contains("bad magic"));
    }

    @ParameterizedTest
    @ValueSource(longs = {Long.MAX_VALUE, 1L << 40, 100_000_000L})
    void impossibleTensorCountIsRejectedBeforeAllocating(long count) throws Exception {
        byte[] bytes = good.clone();
        putLong(bytes, 8, count);
        assertTrue(rejected(bytes).getMessage().contains("tensor count"));
    }

    @Test
    void oneTensorTooManyReadsDataAsADescriptorAndFails() throws Exception {
        byte[] bytes = good.clone();
        putLong(bytes, 8, goodInfo.tensorCount() + 1);
        rejected(bytes);
    }

    @Test
    void impossibleMetadataCountIsRejected() throws Exception {
        byte[] bytes = good.clone();
        Arrays.fill(bytes, 16, 24, (byte) 0x7f);
        assertTrue(rejected(bytes).getMessage().contains("metadata count"));
    }

    @Test
    void oneMetadataEntryTooManyFails() throws Exception {
        byte[] bytes = good.clone();
        putLong(bytes, 16, goodInfo.metadata().size() + 1);
        rejected(bytes);
    }

    @Test
    void hugeStringLengthIsRejected() throws Exception {
        byte[] bytes = good.clone();
        putLong(bytes, 24, 1L << 50); // length of the first key
        assertTrue(rejected(bytes).getMessage().contains("metadata key length"));
    }

    @Test
    void hugeVocabularyArrayLengthIsRejected() throws Exception {
        byte[] bytes = good.clone();
        int key = indexOf(bytes, "tokenizer.ggml.tokens");
        putLong(bytes, key + "tokenizer.ggml.tokens".length() + 8, Long.MAX_VALUE / 2);
        assertTrue(rejected(bytes).getMessage().contains("array length"));
    }

    @Test
    void unknownValueTypeIsRejected() throws Exception {
        byte[] bytes = good.clone();
        int key = indexOf(bytes, "general.architecture");
        putInt(bytes, key + "general.architecture".length(), 77);
        assertTrue(rejected(bytes).getMessage().contains("unknown value type 77"));
    }

    @Test
    void tensorOffsetPastTheEndIsRejected() throws Exception {
        byte[] bytes = good.clone();
        putLong(bytes, offsetField(bytes, LAST, 2), 1L << 40);
        String message = rejected(bytes).getMessage();
        assertTrue(message.contains("tensor '" + LAST + "'") && message.contains("past the end"), message);
    }

    @Test
    void unalignedTensorOffsetIsRejected() throws Exception {
        byte[] bytes = good.clone();
        putLong(bytes, offsetField(bytes, LAST, 2), 33);
        assertTrue(rejected(bytes).getMessage().contains("not a multiple of the alignment"));
    }

    @Test
    void tooManyDimensionsAreRejected() throws Exception {
        byte[] bytes = good.clone();
        putInt(bytes, descriptorOffset(bytes, LAST) + 8 + LAST.length(), 5);
        assertTrue(rejected(bytes).getMessage().contains("5 dimensions"));
    }

    @Test
    void dimensionsWhoseProductOverflowAreRejected() throws Exception {
        byte[] bytes = good.clone();
        int dims = descriptorOffset(bytes, LAST) + 8 + LAST.length() + 4;
        putLong(bytes, dims, 1L << 40);
        putLong(bytes, dims + 8, 1L << 40);
        assertTrue(rejected(bytes).getMessage().contains("impossible dimensions"));
    }

    @Test
    void rowsThatAreNotWholeBlocksAreRejected() throws Exception {
        byte[] bytes = good.clone();
        putInt(bytes, offsetField(bytes, LAST, 2) - 4, 12); // Q4_K: 256-value blocks, rows here have 128
        assertTrue(rejected(bytes).getMessage().contains("not a multiple of the block size 256"));
    }

    @Test
    void implausibleTypeIdIsRejected() throws Exception {
        byte[] bytes = good.clone();
        putInt(bytes, offsetField(bytes, LAST, 2) - 4, 5000);
        assertTrue(rejected(bytes).getMessage().contains("unknown ggml type 5000"));
    }

    @Test
    void typeOfUnknownSizeIsReportedAndOnlyItsStartChecked() throws Exception {
        byte[] bytes = good.clone();
        int typeField = offsetField(bytes, LAST, 2) - 4;
        putInt(bytes, typeField, 40);
        Path file = GgufFixtures.copyWith(dir, "nvfp4.gguf", bytes);
        GgufTensor t = new GgufReader().read(file).tensor(LAST).orElseThrow();
        assertEquals("NVFP4", t.typeName());
        assertTrue(t.byteSize().isEmpty());
        putLong(bytes, typeField + 4, 1L << 40);
        assertTrue(rejected(bytes).getMessage().contains("size unknown"));
    }

    @Test
    void badMagicAndVersionsAreNamed() throws Exception {
        byte[] bytes = good.clone();
        bytes[0] = 'X';
        assertTrue(rejected(bytes).getMessage().contains("not a GGUF file (bad magic)"));
        bytes = good.clone();
        putInt(bytes, 4, 1);
        assertTrue(rejected(bytes).getMessage().contains("unsupported GGUF version 1"));
        putInt(bytes, 4, Integer.reverseBytes(3));
        assertTrue(rejected(bytes).getMessage().contains("big-endian"));
    }

    @Test
    void duplicateKeyAndBadAlignmentAreRejected() throws Exception {
        Path dup = dir.resolve("dup.gguf");
        new GgufWriter().putString("general.architecture", "llama").putString("general.architecture", "x").writeTo(dup);
        assertTrue(assertThrows(GgufFormatException.class, () -> new GgufReader().read(dup)).getMessage()
                .contains("appears twice"));
        Path align = dir.resolve("align.gguf");
        new GgufWriter().putUInt32("general.alignment", 24).writeTo(align);
        assertTrue(assertThrows(GgufFormatException.class, () -> new GgufReader().read(align)).getMessage()
                .contains("not a power of two"));
    }

    @Test
    void randomByteDamageInTheHeaderNeverEscapesAsAnotherException() throws Exception {
        SplittableRandom random = new SplittableRandom(2024);
        Path file = dir.resolve("fuzz.gguf");
        int headerEnd = (int) goodInfo.dataOffset();
        for (int i = 0; i < 400; i++) {
            byte[] bytes = good.clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                bytes[random.nextInt(headerEnd)] = (byte) random.nextInt(256);
            }
            Files.write(file, bytes);
            try {
                new GgufReader().read(file);
            } catch (GgufFormatException expected) {
                assertTrue(!expected.getMessage().isBlank());
            } catch (RuntimeException | IOException e) {
                fail("damage round " + i + " escaped as " + e, e);
            }
        }
    }

    private static int indexOf(byte[] bytes, String text) {
        byte[] what = text.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + what.length <= bytes.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (bytes[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError(text + " not found");
    }
}
