package cn.gd.xueshi.identity;

/** Professional title levels (职称级别). */
public enum TitleLevel {
    SENIOR("正高级"), ASSOCIATE_SENIOR("副高级"), INTERMEDIATE("中级"), ASSISTANT("助理级"), JUNIOR("员级");

    public final String label;

    TitleLevel(String label) {
        this.label = label;
    }

    /** The level named by its code or its Chinese label; null when it names none. */
    public static TitleLevel parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        for (TitleLevel level : values()) {
            if (level.name().equals(t) || level.label.equals(t)) {
                return level;
            }
        }
        return null;
    }
}
