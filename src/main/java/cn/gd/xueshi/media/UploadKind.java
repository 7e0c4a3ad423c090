package cn.gd.xueshi.media;

/** What a browser upload carries; each kind has its own size limit and its own check of the bytes. */
public enum UploadKind {
    /** A lesson video: MP4 or WebM, its duration read from the stored object. */
    VIDEO,
    /** WebVTT captions of a lesson. */
    CAPTIONS,
    /** A course's cover image: PNG, JPEG or WebP. */
    COVER
}
