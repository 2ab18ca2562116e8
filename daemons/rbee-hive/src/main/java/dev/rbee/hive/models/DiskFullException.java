package dev.rbee.hive.models;

import java.io.IOException;

/** Writing the partial file failed; ENOSPC ends the download without a retry (api.md §6.1). */
final class DiskFullException extends Exception {
    DiskFullException(IOException cause) {
        super(cause.getMessage(), cause);
    }

    static boolean isNoSpace(IOException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase();
        return message.contains("no space left") || message.contains("disk quota exceeded");
    }
}
