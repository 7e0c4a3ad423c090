package cn.gd.xueshi.media;

/** A document's type from its first bytes, whatever its name says: PDF, PNG or JPEG, else null. */
public final class Documents {

    private Documents() {
    }

    public static String type(byte[] head) {
        if (head.length >= 5 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F' && head[4] == '-') {
            return "application/pdf";
        }
        String image = Images.type(head);
        return "image/png".equals(image) || "image/jpeg".equals(image) ? image : null;
    }
}
