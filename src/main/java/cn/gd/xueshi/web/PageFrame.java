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
                user.hasRole(Role.HR_ADMIN_), user.hasRole(Role.EMPLOYER_ADMIN_));
    }

    /** The frame for a visitor treated as signed out (the sign-in page), without resolving who they are. */
    public Chrome anonymous() {
        return new Chrome(null, false, csrf.token(), year());
    }

    /** This browser's CSRF token. */
    public String csrf() {
        return csrf.token();
    }

    public int year() {
        return LocalDate.now(clock).getYear();
    }

    /**
     * This visitor's kind of shell of page {@code id}: pages the same for every visitor of a kind
     * (anonymous, signed in, learner, editor, reviewer, HR, employer) but for a few values are rendered once
     * with holes (0 the name, 1 the CSRF token, then the page's own) and filled per request.
     */
    public PageShell shell(PageShell.Cache shells, long id, Object view, java.util.function.Function<Chrome, PageShell> render) {
        Chrome now = chrome();
        boolean signedIn = now.userName() != null;
        int kind = (signedIn ? 1 : 0) | (now.learner() ? 2 : 0) | (now.editor() ? 4 : 0) | (now.reviewer() ? 8 : 0) | (now.hr() ? 16 : 0)
                | (now.employer() ? 32 : 0);
        return shells.get(id * 64 + kind, view, now.year(), () -> render.apply(new Chrome(signedIn ? PageShell.marker(0) : null,
                now.learner(), PageShell.marker(1), now.year(), now.editor(), now.reviewer(), now.hr(), now.employer())));
    }

    /** Refuses (403, "页面已过期") a form whose CSRF field is not this browser's token. */
    public void requireCsrf(String field) {
        if (!csrf.matches(field)) {
            throw cn.gd.xueshi.shared.ProblemException.forbidden("csrf", "页面已过期，请刷新后重试。");
        }
    }

    /** Whether a form's CSRF field matches this browser's token. */
    public boolean csrfMatches(String field) {
        return csrf.matches(field);
    }
}
