package dev.rbee.contract.hive;

/** 200 with {@code local_path} when already in the catalog; 202 with {@code local_path:null} when started. */
public record DownloadResponse(String downloadId, String localPath) {

    public boolean alreadyPresent() {
        return localPath != null;
    }
}
