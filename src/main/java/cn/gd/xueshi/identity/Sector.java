package cn.gd.xueshi.identity;

/** The sectors (行业) a professional belongs to; each has an industry authority per level. */
public enum Sector {
    EDUCATION("教育"), HEALTH("卫生健康"), ACCOUNTING("会计"), ENGINEERING("工程技术"), AGRICULTURE("农业"), ECONOMICS("经济"),
    CULTURE("文化艺术、新闻出版"), RESEARCH("自然科学研究"), OTHER("其他");

    public final String label;

    Sector(String label) {
        this.label = label;
    }
}
