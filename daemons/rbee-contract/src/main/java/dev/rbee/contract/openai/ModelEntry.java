package dev.rbee.contract.openai;

/** {@code {"id":"<model ref>","object":"model","created":<unix>,"owned_by":"rbee"}}. */
public record ModelEntry(String id, String object, long created, String ownedBy) {
    public static final String OBJECT = "model";
    public static final String OWNER = "rbee";

    public static ModelEntry of(String modelRef, long createdUnix) {
        return new ModelEntry(modelRef, OBJECT, createdUnix, OWNER);
    }
}
