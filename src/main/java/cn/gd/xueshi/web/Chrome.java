package cn.gd.xueshi.web;

/**
 * What every page's frame needs: the signed-in name, which sections the navigation offers, the
 * CSRF token and the current year.
 */
public record Chrome(String userName, boolean learner, String csrf, int year, boolean editor, boolean reviewer, boolean hr,
        boolean employer) {

    public Chrome(String userName, boolean learner, String csrf, int year) {
        this(userName, learner, csrf, year, false, false, false, false);
    }
}
