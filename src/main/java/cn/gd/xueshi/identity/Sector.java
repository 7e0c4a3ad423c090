package cn.gd.xueshi.identity;

/** The sectors (行业) a professional belongs to; each has an industry authority per level. */
public enum Sector {
    EDUCATION("教育"), HEALTH("卫生健康"), ACCOUNTING("会计"), ENGINEERING("工程技术"), AGRICULTURE("农业"), ECONOMICS("经济"),
    CULTURE("文化艺术、新闻出版"), RESEARCH("自然科学研究"), OTHER("其他");

    public final String label;

    Sector(String label) {
        this.label = label;
    }

    /** The sector named by its code or its Chinese label; null when it names none. */
    public static Sector parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        for (Sector s : values()) {
            if (s.name().equals(t) || s.label.equals(t)) {
                return s;
            }
        }
        return null;
    }
}
