package cn.gd.xueshi.catalog;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "xueshi.content")
public interface CatalogConfig {

    /**
     * Folder with the courses to import at start ({@code <year>/catalog.yaml}); absent means no
     * import (production loads content through the editors' workflow).
     */
    Optional<String> dir();

    /**
     * Whether courses marked {@code demo: true} in the content folder are imported (they may break
     * the integrity rules); on where the demo accounts are seeded, off elsewhere.
     */
    @WithDefault("${xueshi.identity.seed-demo:false}")
    boolean acceptDemo();

    /** Minutes in one 学时, for the integrity rule that hours fit the video time. */
    @WithDefault("${xueshi.playback.minutes-per-hour:45}")
    int minutesPerHour();

    /** Questions one quiz attempt draws: a bank must hold at least this many. */
    @WithDefault("${xueshi.quiz.questions-per-attempt:5}")
    int questionsPerAttempt();

    /** Fewest questions an editor may set one quiz attempt of their course to draw. */
    @WithDefault("3")
    int minQuestionsPerAttempt();

    /** Most questions an editor may set one quiz attempt of their course to draw. */
    @WithDefault("50")
    int maxQuestionsPerAttempt();

    /** Lowest pass mark (of 100) an editor may set for their course. */
    @WithDefault("60")
    int minPassMark();
}
