package cn.gd.xueshi.identity;

/** Who may do what. The names are the JWT groups and the values of {@code @RolesAllowed}. */
public enum Role {
    PROFESSIONAL, EDITOR, EMPLOYER_ADMIN, AUTHORITY_REVIEWER, HR_ADMIN, SYSTEM;

    public static final String PROFESSIONAL_ = "PROFESSIONAL";
    public static final String EDITOR_ = "EDITOR";
    public static final String EMPLOYER_ADMIN_ = "EMPLOYER_ADMIN";
    public static final String AUTHORITY_REVIEWER_ = "AUTHORITY_REVIEWER";
    public static final String HR_ADMIN_ = "HR_ADMIN";
    public static final String SYSTEM_ = "SYSTEM";
}
