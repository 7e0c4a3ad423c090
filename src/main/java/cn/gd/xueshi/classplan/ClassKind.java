package cn.gd.xueshi.classplan;

/** A face-to-face class (面授培训班) or an advanced seminar (高级研修项目), run through the same machinery. */
public enum ClassKind {
    CLASS("面授培训班"), SEMINAR("高级研修");

    public final String label;

    ClassKind(String label) {
        this.label = label;
    }
}
