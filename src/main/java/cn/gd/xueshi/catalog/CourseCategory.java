package cn.gd.xueshi.catalog;

/** Public-subject courseware (公需科目) or remote professional courseware (专业科目) of one sector. */
public enum CourseCategory {
    PUBLIC("公需科目"), PROFESSIONAL("专业科目");

    public final String label;

    CourseCategory(String label) {
        this.label = label;
    }
}
