package dev.rbee.contract;

/** rbee's version and the compatibility rule between daemons (api.md §1): equal {@code major.minor}. */
public final class Version {
    public static final String CURRENT = "0.1.0";
    public static final String API_VERSION = "v1";

    private Version() {
    }

    /** {@code 0.1.0} and {@code 0.1.7}: yes; {@code 0.1.0} and {@code 0.2.0}: no. Unparsable versions: no. */
    public static boolean compatible(String a, String b) {
        String left = majorMinor(a);
        return left != null && left.equals(majorMinor(b));
    }

    public static boolean compatibleWithCurrent(String other) {
        return compatible(CURRENT, other);
    }

    /** {@code "0.1"} for {@code "0.1.7"} (or {@code "0.1.7-SNAPSHOT"}); null when not a version. */
    static String majorMinor(String version) {
        if (version == null) {
            return null;
        }
        String[] parts = version.trim().split("\\.", 3);
        if (parts.length < 2 || !isNumber(parts[0]) || !isNumber(leadingDigits(parts[1]))) {
            return null;
        }
        return Integer.parseInt(parts[0]) + "." + Integer.parseInt(leadingDigits(parts[1]));
    }

    private static String leadingDigits(String part) {
        int end = 0;
        while (end < part.length() && Character.isDigit(part.charAt(end))) {
            end++;
        }
        return part.substring(0, end);
    }

    private static boolean isNumber(String text) {
        return !text.isEmpty() && text.length() <= 9 && text.chars().allMatch(Character::isDigit);
    }
}
