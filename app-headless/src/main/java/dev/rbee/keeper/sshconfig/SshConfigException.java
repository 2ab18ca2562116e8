package dev.rbee.keeper.sshconfig;

/** An OpenSSH client config that cannot be used: missing, unreadable, or a line ssh(1) itself would refuse. */
public final class SshConfigException extends RuntimeException {
    private final boolean notFound;

    SshConfigException(String message, boolean notFound) {
        super(message);
        this.notFound = notFound;
    }

    SshConfigException(String message) {
        this(message, false);
    }

    /** The file given to read does not exist (an included one that is missing is ignored, as ssh does). */
    public boolean notFound() {
        return notFound;
    }
}
