package cn.gd.xueshi.playback;

import cn.gd.xueshi.shared.ProblemException;

/** Whether a learner may use a playback session, and why not: one rule for heartbeats and the rest. */
final class SessionAccess {

    private SessionAccess() {
    }

    /** Null when the session exists, is the learner's and is active; otherwise the refusal. */
    static ProblemException refusal(Long owner, String status, long professionalId) {
        if (owner == null || owner != professionalId) {
            return ProblemException.notFound("播放会话不存在，请重新打开视频。");
        }
        if ("ENDED".equals(status)) {
            return ProblemException.conflict("session-ended", "播放长时间无响应已结束，请重新开始播放（会从上次位置继续）。");
        }
        if (!"ACTIVE".equals(status)) {
            return ProblemException.conflict("session-suspended",
                    "您已在其他窗口或设备上开始学习，本窗口已暂停计时。如需在此继续，请重新开始播放。");
        }
        return null;
    }
}
