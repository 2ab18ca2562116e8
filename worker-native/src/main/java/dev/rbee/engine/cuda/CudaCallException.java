package dev.rbee.engine.cuda;

/** A CUDA driver call returned an error code. */
public class CudaCallException extends Exception {
    /** JCuda in exception mode reports the error's name but not its number. */
    public static final int UNKNOWN_CODE = -1;
    private final String call;
    private final int code;
    private final String errorName;

    public CudaCallException(String call, int code, String errorName) {
        super(call + " failed: " + errorName + (code == UNKNOWN_CODE ? "" : " (" + code + ")"));
        this.call = call;
        this.code = code;
        this.errorName = errorName;
    }

    public String call() {
        return call;
    }

    /** The {@code CUresult} value. */
    public int code() {
        return code;
    }

    /** The {@code CUresult} name ({@code CUDA_ERROR_NO_DEVICE}). */
    public String errorName() {
        return errorName;
    }
}
