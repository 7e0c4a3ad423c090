package cn.gd.xueshi.identity;

/** Professional title levels (职称级别). */
public enum TitleLevel {
    SENIOR("正高级"), ASSOCIATE_SENIOR("副高级"), INTERMEDIATE("中级"), ASSISTANT("助理级"), JUNIOR("员级");

    public final String label;

    TitleLevel(String label) {
        this.label = label;
    }
}
