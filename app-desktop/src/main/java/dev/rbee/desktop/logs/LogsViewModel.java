package dev.rbee.desktop.logs;

import dev.rbee.contract.RbeeHome;
import dev.rbee.contract.client.InterruptedCallException;
import dev.rbee.contract.client.QueenClient;
import dev.rbee.contract.client.SseResponse;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.sse.EofEvent;
import dev.rbee.contract.sse.ErrorEvent;
import dev.rbee.contract.sse.LogEvent;
import dev.rbee.contract.sse.SseEvent;
import dev.rbee.contract.sse.SseEventStream;
import dev.rbee.keeper.cli.ErrorContext;
import dev.rbee.keeper.cli.ErrorPresenter;
import dev.rbee.keeper.cluster.ClusterState;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A live tail of one log through queen's {@code GET /v2/logs} (as {@code rbee-keeper logs} reads it): queen's own, a
 * node's hive's or a worker's. Lines are read on a background thread into a queue and moved to the view in batches,
 * at most one hand-over queued on the UI thread at a time, so a chatty log costs one update per frame. Pause keeps
 * receiving but holds the new lines back until it is released; at most {@code cap} lines are kept (shown or held),
 * the oldest dropped first, so memory stays bounded however long the app follows a log.
 */
public final class LogsViewModel {
    public static final int DEFAULT_CAP = 5000;
    /** Lines queen sends first, before the new ones (api.md: 1-10000, default 100). */
    static final int FIRST_LINES = 200;

    private final ObservableList<LogLine> lines = FXCollections.observableArrayList();
    private final FilteredList<LogLine> visible = new FilteredList<>(lines);
    private final ObservableList<LogSource> sources = FXCollections.observableArrayList(LogSource.QUEEN);
    private final ObjectProperty<LogSource> source = new SimpleObjectProperty<>(LogSource.QUEEN);
    private final BooleanProperty follow = new SimpleBooleanProperty(true);
    private final BooleanProperty paused = new SimpleBooleanProperty(false);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    private final Supplier<QueenClient> clients;
    private final RbeeHome home;
    private final Executor background;
    private final Executor ui;
    private final int cap;
    /** Filled by the reader, emptied on the UI thread; each entry carries the generation of the stream it came from. */
    private final Queue<Received> incoming = new ConcurrentLinkedQueue<>();
    private final AtomicInteger incomingCount = new AtomicInteger();
    private final AtomicBoolean handOverQueued = new AtomicBoolean();
    /** Lines held back while paused (UI thread only). */
    private final Deque<LogLine> held = new ArrayDeque<>();
    private final AtomicInteger generation = new AtomicInteger();
    private final Object streamLock = new Object();
    private SseResponse stream;
    private Thread reader;
    /** What the stream is doing (UI thread only); the status line shows it unless paused. */
    private String streamStatus = "";

    private record Received(int generation, LogLine line) {
    }

    public LogsViewModel(Supplier<QueenClient> clients, RbeeHome home, Executor background, Executor ui) {
        this(clients, home, background, ui, DEFAULT_CAP);
    }

    LogsViewModel(Supplier<QueenClient> clients, RbeeHome home, Executor background, Executor ui, int cap) {
        this.clients = clients;
        this.home = home;
        this.background = background;
        this.ui = ui;
        this.cap = cap;
        filter.addListener((observable, before, text) -> visible.setPredicate(line -> line.matches(text)));
        paused.addListener((observable, before, now) -> {
            if (!now) {
                release();
            }
            showPaused();
        });
        source.addListener((observable, before, now) -> {
            if (now != null) { // null: the chooser lost its item (a worker left); its stream ends by itself
                start();
            }
        });
        follow.addListener((observable, before, now) -> start());
    }

    /** (Re)opens the stream of the chosen source, dropping what the previous one showed. Call on the UI thread. */
    public void start() {
        int current = generation.incrementAndGet();
        closeStream();
        lines.clear();
        held.clear();
        error.set("");
        LogSource chosen = source.get() == null ? LogSource.QUEEN : source.get();
        boolean following = follow.get();
        streamStatus = "Opening " + chosen.label() + "'s log…";
        showPaused();
        background.execute(() -> read(current, chosen, following));
    }

    /** Ends the stream (the window closes); no more lines arrive. */
    public void stop() {
        generation.incrementAndGet();
        closeStream();
    }

    /**
     * The sources the chooser offers, from the shared cluster feed. Changed item by item, never with setAll: a combo
     * box re-selects by index after setAll, which would switch the operator to whatever source moved into that place.
     */
    public void showCluster(ClusterState state) {
        List<LogSource> next = LogSource.of(state);
        if (next.equals(sources)) {
            return;
        }
        sources.retainAll(next);
        for (int i = 0; i < next.size(); i++) {
            if (i >= sources.size() || !sources.get(i).equals(next.get(i))) {
                sources.add(i, next.get(i));
            }
        }
        if (!sources.equals(next)) {
            sources.setAll(next); // queen reordered its lists: rare, and only then may the choice move
        }
    }

    private void read(int current, LogSource chosen, boolean following) {
        synchronized (streamLock) {
            if (generation.get() != current) {
                return; // replaced before it began
            }
            reader = Thread.currentThread();
        }
        try (SseResponse response = clients.get().logs(chosen.node(), chosen.worker(), following, FIRST_LINES)) {
            if (!attach(current, response, chosen, following)) {
                return;
            }
            follow(current, chosen, response.events());
        } catch (RbeeException e) {
            ui.execute(() -> failed(current, e, chosen));
        } catch (InterruptedCallException | UncheckedIOException e) {
            // Closed by start() or stop(): a newer stream (or none) is wanted, so nothing is said.
        } finally {
            synchronized (streamLock) {
                if (reader == Thread.currentThread()) {
                    reader = null;
                }
            }
            Thread.interrupted(); // our own wake-up call must not leak into the next task of this thread
        }
    }

    private void follow(int current, LogSource chosen, SseEventStream events) {
        while (events.hasNext() && generation.get() == current) {
            SseEvent event = events.next();
            switch (event) {
                case LogEvent log -> accept(current, log);
                case EofEvent eof -> {
                    ui.execute(() -> ended(current, eof, chosen));
                    return;
                }
                case ErrorEvent e -> throw e.toException();
                default -> { }
            }
        }
        if (generation.get() == current) {
            throw RbeeException.fromEvent("STREAM_INTERRUPTED", "The log stream ended without an end event", null);
        }
    }

    /** From the reader's thread: queues the line and asks the UI thread for one hand-over unless one is queued. */
    void accept(int current, LogEvent log) {
        incoming.add(new Received(current, LogLine.of(log.line())));
        if (incomingCount.incrementAndGet() > cap) {
            incoming.poll(); // the UI is far behind: the oldest line would be dropped by the cap anyway
            incomingCount.decrementAndGet();
        }
        if (handOverQueued.compareAndSet(false, true)) {
            ui.execute(this::handOver);
        }
    }

    /** On the UI thread: everything received since the last hand-over, in one change of the list. */
    private void handOver() {
        handOverQueued.set(false);
        List<LogLine> batch = new ArrayList<>();
        int current = generation.get();
        for (Received received; (received = incoming.poll()) != null; ) {
            incomingCount.decrementAndGet();
            if (received.generation() == current) {
                batch.add(received.line());
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        held.addAll(batch);
        while (held.size() > cap) {
            held.removeFirst();
        }
        if (paused.get()) {
            showPaused();
        } else {
            release();
        }
    }

    /** Moves the held lines to the view and trims it to the cap, each in a single list change. */
    private void release() {
        if (held.isEmpty()) {
            return;
        }
        int overflow = lines.size() + held.size() - cap;
        if (overflow >= lines.size()) {
            lines.setAll(new ArrayList<>(held).subList(held.size() - cap, held.size()));
        } else {
            if (overflow > 0) {
                lines.remove(0, overflow);
            }
            lines.addAll(held);
        }
        held.clear();
    }

    /** The status line: the stream's state, or while paused how many lines wait. */
    private void showPaused() {
        status.set(paused.get() ? "Paused: " + held.size() + " new line" + (held.size() == 1 ? "" : "s")
                + " waiting" : streamStatus);
    }

    private void showStream(int current, String text) {
        if (current == generation.get()) {
            streamStatus = text;
            showPaused();
        }
    }

    private void ended(int current, EofEvent eof, LogSource chosen) {
        showStream(current, EofEvent.SOURCE_STOPPED.equals(eof.reason())
                ? "⚠️ Log stream ended: " + (chosen.worker() == null ? "rbee-hive" : chosen.worker()) + " on "
                        + chosen.node() + " stopped"
                : "The last " + FIRST_LINES + " lines of " + chosen.label() + "'s log (Follow is off)");
    }

    private void failed(int current, RbeeException e, LogSource chosen) {
        if (current != generation.get()) {
            return;
        }
        streamStatus = "";
        showPaused();
        error.set(String.join("\n", ErrorPresenter.lines(e,
                new ErrorContext("logs", home, chosen.node(), null, chosen.worker()))));
    }

    private boolean attach(int current, SseResponse response, LogSource chosen, boolean following) {
        synchronized (streamLock) {
            if (generation.get() != current) {
                return false;
            }
            stream = response;
        }
        String text = following ? "Following " + chosen.label() + "'s log"
                : "Reading the last " + FIRST_LINES + " lines of " + chosen.label() + "'s log";
        ui.execute(() -> showStream(current, text));
        return true;
    }

    /** Closing alone does not wake a read waiting for a quiet log's next line; interrupting the reader does. */
    private void closeStream() {
        synchronized (streamLock) {
            if (stream != null) {
                try {
                    stream.close();
                } catch (RuntimeException alreadyBroken) {
                    // It is being dropped either way.
                }
                stream = null;
            }
            if (reader != null) {
                reader.interrupt();
                reader = null;
            }
        }
    }

    public ObservableList<LogLine> visibleLines() { return visible; }
    public ObservableList<LogLine> lines() { return lines; }
    public ObservableList<LogSource> sources() { return sources; }
    public ObjectProperty<LogSource> sourceProperty() { return source; }
    public BooleanProperty followProperty() { return follow; }
    public BooleanProperty pausedProperty() { return paused; }
    public StringProperty filterProperty() { return filter; }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    int generation() { return generation.get(); }
    int held() { return held.size(); }
}
