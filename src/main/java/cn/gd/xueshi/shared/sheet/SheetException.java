package cn.gd.xueshi.shared.sheet;

/** The uploaded file as a whole cannot be read as a sheet; the message (in Chinese) says why. */
public final class SheetException extends Exception {

    private static final long serialVersionUID = 1L;

    public SheetException(String message) {
        super(message);
    }
}
