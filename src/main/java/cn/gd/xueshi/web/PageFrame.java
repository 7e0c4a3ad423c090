package cn.gd.xueshi.web;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.enterprise.context.RequestScoped;

import cn.gd.xueshi.identity.CurrentUser;
import cn.gd.xueshi.identity.Role;

/** The shared page frame of this request's caller: what the pages of every feature put around their content. */
@RequestScoped
public class PageFrame {

    private final CurrentUser user;
    private final Csrf csrf;
    private final Clock clock;

    public PageFrame(CurrentUser user, Csrf csrf, Clock clock) {
        this.user = user;
        this.csrf = csrf;
        this.clock = clock;
    }

    public Chrome chrome() {
        return new Chrome(user.signedIn() ? user.displayName() : null, user.isProfessional(), csrf.token(), year(),
                user.hasRole(Role.EDITOR_), user.hasRole(Role.HR_ADMIN_) || user.hasRole(Role.AUTHORITY_REVIEWER_),
                user.hasRole(Role.HR_ADMIN_));
    }

    public int year() {
        return LocalDate.now(clock).getYear();
    }

    /** Whether a form's CSRF field matches this browser's token. */
    public boolean csrfMatches(String field) {
        return csrf.matches(field);
    }
}
