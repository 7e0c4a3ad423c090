package cn.gd.xueshi.review;

import cn.gd.xueshi.identity.Scope;

/**
 * What a policy needs to know of an item: its kind, who owns it and where it belongs. A public
 * course belongs to the province and no sector; remote professional courseware to its sector.
 */
public record ReviewSubject(ReviewKind kind, long ownerAccountId, Scope scope) {
}
