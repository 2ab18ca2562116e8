package dev.rbee.hive.models;

import dev.rbee.contract.ModelRef;
import dev.rbee.contract.error.Component;
import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.hive.DownloadResponse;
import dev.rbee.contract.hive.Model;
import dev.rbee.contract.sse.CompleteEvent;
import dev.rbee.contract.sse.DownloadingEvent;
import dev.rbee.contract.sse.ErrorEvent;
import dev.rbee.contract.sse.NarrationEvent;
import dev.rbee.engine.demo.DemoModels;
import dev.rbee.hive.models.hub.FilePicker;
import dev.rbee.hive.models.hub.HubClient;
import dev.rbee.hive.models.hub.HubFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog side of the hive (api.md §6.1): what is downloaded, starting or joining downloads, and the file a
 * spawn loads. The synchronous part of a download (validate, list the hub, pick the file, check the disk) answers the
 * request; the transfer runs on its own thread and reports through its {@link Download}.
 */
public final class ModelService {
    private static final Logger LOG = LoggerFactory.getLogger(ModelService.class);

    private final ModelCatalog catalog;
    private final ModelFiles files;
    private final HubClient hub;
    private final Downloader downloader;
    private final Downloads downloads = new Downloads();
    private final DiskSpace disk;

    public ModelService(ModelCatalog catalog, Path modelsDir, HubClient hub, Downloader downloader, DiskSpace disk) {
        this.catalog = catalog;
        this.files = new ModelFiles(modelsDir);
        this.hub = hub;
        this.downloader = downloader;
        this.disk = disk;
    }

    public ModelCatalog catalog() {
        return catalog;
    }

    /** Names a quantization of the same repo that fits when a model is too big for RAM or VRAM (S064). */
    public SmallerQuantization smallerQuantization() {
        return new SmallerQuantization(hub);
    }

    public Downloads downloads() {
        return downloads;
    }

    /** 200 (already there: {@code local_path} set) or 202 (started or joined: {@code local_path} null). */
    public DownloadResponse download(String modelRef) {
        ModelRef ref = ModelRef.parse(modelRef);
        Optional<Model> cached = cached(ref);
        if (cached.isPresent()) {
            return present(ref, cached.get());
        }
        if (ref.isFile()) {
            return present(ref, register(ref));
        }
        if (ref.isDemo()) {
            return start(ref.raw(), ref.raw(), download -> generateDemo(ref, download));
        }
        HubFile file = FilePicker.pick(ref, hub.listing(ref));
        String key = ref.resolvedRef(file.name());
        Optional<Download> running = downloads.runningFor(key);
        if (running.isPresent()) {
            return new DownloadResponse(running.get().id(), null);
        }
        Optional<Model> sameFile = catalog.bySource(ModelRef.HF, ref.reference(), file.name()).filter(this::keep);
        if (sameFile.isPresent()) {
            return present(ref, sameFile.get());
        }
        Path target = files.hfTarget(ref, file.name());
        disk.require(file.sizeBytes() - Downloader.size(ModelFiles.partialOf(target)), files.modelsDir());
        return start(key, ref.raw(), download -> fetchFromHub(ref, file, target, download));
    }

    /** The file a spawn loads: {@code demo:} and {@code file:} are registered on first use, hf refs must be here. */
    public Path resolveForSpawn(String modelRef) {
        ModelRef ref = ModelRef.parse(modelRef);
        Optional<Model> cached = cached(ref);
        if (cached.isPresent()) {
            return Path.of(cached.get().localPath());
        }
        if (ref.isDemo()) {
            return Path.of(registerDemo(ref).localPath());
        }
        if (ref.isFile()) {
            return Path.of(register(ref).localPath());
        }
        throw RbeeException.of(ErrorCode.MODEL_NOT_FOUND, "Model '" + modelRef + "' is not in the catalog; download"
                + " it first", Map.of("model_ref", modelRef, "reason", "not_in_catalog"));
    }

    /** The catalog row a ref means right now, without asking the hub; rows whose file went away are dropped. */
    public Optional<Model> cached(ModelRef ref) {
        if (ref.isHf()) {
            List<Model> rows = catalog.byReference(ModelRef.HF, ref.reference()).stream().filter(this::keep).toList();
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            List<HubFile> known = rows.stream().map(m -> new HubFile(m.file(), m.sizeBytes(), m.sha256())).toList();
            try {
                String chosen = FilePicker.pick(ref, known).name();
                return rows.stream().filter(m -> m.file().equals(chosen)).findFirst();
            } catch (RbeeException notAmongThem) {
                return Optional.empty();
            }
        }
        String file = ref.isDemo() ? DemoModels.DEMO_TINY_FILE : ref.fileName().orElseThrow();
        return catalog.bySource(ref.provider(), ref.reference(), file).filter(this::keep);
    }

    private boolean keep(Model row) {
        if (ModelFiles.intact(row)) {
            return true;
        }
        LOG.warn("Catalog entry {} dropped: {} is missing or no longer {} bytes", row.id(), row.localPath(),
                row.sizeBytes());
        catalog.delete(row.id());
        return false;
    }

    private DownloadResponse present(ModelRef ref, Model model) {
        String key = ref.isHf() ? ref.resolvedRef(model.file()) : ref.raw();
        Download done = downloads.finishedNow(key, ref.raw(), CompleteEvent.download(model.localPath(), model.id()));
        return new DownloadResponse(done.id(), model.localPath());
    }

    private DownloadResponse start(String key, String modelRef, java.util.function.Consumer<Download> work) {
        Downloads.Joined joined = downloads.startOrJoin(key, modelRef, download ->
                Thread.ofVirtual().name("download-" + download.id()).start(() -> runToEnd(download, work)));
        return new DownloadResponse(joined.download().id(), null);
    }

    private void runToEnd(Download download, java.util.function.Consumer<Download> work) {
        try {
            work.accept(download);
        } catch (RbeeException e) {
            LOG.warn("Download {} of {} failed: {} ({})", download.id(), download.modelRef(), e.getMessage(),
                    e.code());
            download.publish(ErrorEvent.of(e.withComponentIfAbsent(Component.HIVE)));
        } catch (RuntimeException e) {
            LOG.error("Download {} of {} failed", download.id(), download.modelRef(), e);
            download.publish(ErrorEvent.of(RbeeException.of(ErrorCode.INTERNAL_ERROR, "Download of "
                    + download.modelRef() + " failed: " + e.getMessage()).withComponentIfAbsent(Component.HIVE)));
        } finally {
            downloads.finished(download);
        }
    }

    private void fetchFromHub(ModelRef ref, HubFile file, Path target, Download download) {
        LOG.info("Downloading {} ({} bytes) from {} as {}", ref.resolvedRef(file.name()), file.sizeBytes(),
                hub.endpoint(), download.id());
        download.publish(NarrationEvent.of(Downloader.ACTOR, "download_start", "Downloading " + ref.raw() + " ("
                + DownloadNarration.megabytes(file.sizeBytes()) + ")"));
        Path partial = ModelFiles.partialOf(target);
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + target.getParent(), e);
        }
        long before = Downloader.size(partial);
        download.publish(new DownloadingEvent(before, file.sizeBytes(), 0.0));
        long started = System.nanoTime();
        String sha = downloader.run(download, ref, file, partial);
        double seconds = (System.nanoTime() - started) / 1e9;
        try {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot rename " + partial + " to " + target, e);
        }
        Model row = catalog.insert(files.describe(ref, ref.raw(), target, sha));
        LOG.info("Downloaded {} to {} ({} bytes in {} s, {} MB/s, sha256 {})", ref.raw(), target, row.sizeBytes(),
                String.format(java.util.Locale.ROOT, "%.2f", seconds), String.format(java.util.Locale.ROOT, "%.1f",
                (row.sizeBytes() - before) / 1e6 / Math.max(seconds, 1e-9)), sha);
        download.publish(NarrationEvent.of(Downloader.ACTOR, "download_complete",
                DownloadNarration.downloaded(row.localPath(), row.sizeBytes(), seconds)));
        download.publish(CompleteEvent.download(row.localPath(), row.id()));
    }

    private void generateDemo(ModelRef ref, Download download) {
        Model row = registerDemo(ref);
        download.publish(new DownloadingEvent(row.sizeBytes(), row.sizeBytes(), 0.0));
        download.publish(CompleteEvent.download(row.localPath(), row.id()));
    }

    private synchronized Model registerDemo(ModelRef ref) {
        Optional<Model> existing = cached(ref);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            Path file = DemoModels.ensureDemoTiny(files.modelsDir());
            return catalog.insert(files.describe(ref, ref.raw(), file, Downloader.sha256(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write demo:tiny under " + files.modelsDir(), e);
        }
    }

    /** {@code file:} models are used in place: registered, never copied. */
    private synchronized Model register(ModelRef ref) {
        Optional<Model> existing = cached(ref);
        if (existing.isPresent()) {
            return existing.get();
        }
        Path path = Path.of(ref.path());
        if (!Files.isRegularFile(path)) {
            throw RbeeException.of(ErrorCode.MODEL_NOT_FOUND, "File not found: " + path,
                    Map.of("model_ref", ref.raw(), "reason", "file_missing"));
        }
        return catalog.insert(files.describe(ref, ref.raw(), path, null)); // not hashed: may be many GB
    }

    ModelFiles files() {
        return files;
    }
}
