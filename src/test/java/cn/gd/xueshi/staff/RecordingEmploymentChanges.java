package cn.gd.xueshi.staff;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.identity.EmploymentChanges;

/** Remembers every move it is told of, so that tests see who was told what. */
@ApplicationScoped
public class RecordingEmploymentChanges implements EmploymentChanges {

    public record Moved(long professionalId, Long from, long to) {
    }

    static final List<Moved> MOVES = new CopyOnWriteArrayList<>();

    @Override
    public Uni<Void> moved(long professionalId, Long fromEmployerId, long toEmployerId) {
        MOVES.add(new Moved(professionalId, fromEmployerId, toEmployerId));
        return Uni.createFrom().voidItem();
    }
}
