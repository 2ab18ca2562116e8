package dev.rbee.engine;

@FunctionalInterface
public interface LoadListener {
    void progress(int layersLoaded, int layersTotal, long bytesLoaded);
}
