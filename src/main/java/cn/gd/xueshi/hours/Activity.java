package cn.gd.xueshi.hours;

/** What declared hours were earned by; all but TRAINING are converted at the year's rate (折算学时). */
public enum Activity {
    TRAINING("培训学习"), DEGREE_STUDY("学历（学位）教育"), PAPER("发表论文"), PROJECT("科研项目"), CONFERENCE("学术会议");

    public final String label;

    Activity(String label) {
        this.label = label;
    }
}
