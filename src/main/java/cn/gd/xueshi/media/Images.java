package cn.gd.xueshi.media;

/** A cover image's type from its first bytes: PNG, JPEG or WebP, else null. */
final class Images {

    private Images() {
    }

    static String type(byte[] head) {
        if (starts(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (starts(head, 0, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(head, 0, 'R', 'I', 'F', 'F') && starts(head, 8, 'W', 'E', 'B', 'P')) {
            return "image/webp";
        }
        return null;
    }

    private static boolean starts(byte[] bytes, int at, int... expected) {
        if (bytes.length < at + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[at + i] & 0xff) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
