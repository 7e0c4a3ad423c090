package cn.gd.xueshi.sector;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.identity.IdNumber;
import cn.gd.xueshi.identity.Sector;
import cn.gd.xueshi.identity.SystemClients;
import cn.gd.xueshi.shared.ProblemException;
import cn.gd.xueshi.shared.Years;

/** HR's side: clients (kept by identity) with what each pushed (kept here). The caller checked the scope. */
@ApplicationScoped
public class SectorClientsService {

    private final SystemClients clients;
    private final SectorStore store;
    private final SectorConfig config;

    public SectorClientsService(SystemClients clients, SectorStore store, SectorConfig config) {
        this.clients = clients;
        this.store = store;
        this.config = config;
    }

    public Uni<List<SectorViews.SectorClient>> list() {
        return clients.list().flatMap(all -> store.totals().map(totals -> all.stream().map(c -> {
            SectorStore.Totals t = totals.getOrDefault(c.clientId(), new SectorStore.Totals(0, 0, BigDecimal.ZERO, null));
            return new SectorViews.SectorClient(c.clientId(), c.name(), c.sector(), c.secretVersion(), c.enabled(), c.createdBy(),
                    c.createdAt(), c.secretSetAt(), t.accepted(), t.refused(), t.acceptedHours(), t.lastPushAt());
        }).toList()));
    }

    public Uni<SectorViews.SectorClientSecret> register(String clientId, String name, String sectorCode, String by) {
        if (!SystemClients.wellFormedId(clientId)) {
            throw ProblemException.unprocessable("invalid-client-id", "客户端编号应为 3–24 个小写字母、数字或连字符，且以字母或数字开头。");
        }
        if (name.isBlank()) {
            throw ProblemException.unprocessable("invalid-name", "名称不能为空。");
        }
        Sector sector = Sector.parse(sectorCode);
        if (sector == null || !config.pushingSectors().contains(sector)) {
            throw ProblemException.unprocessable("not-a-pushing-sector", "只有自建系统推送学时的行业（"
                    + String.join("、", config.pushingSectors().stream().sorted().map(s -> s.label).toList()) + "）可以登记客户端。");
        }
        return clients.register(clientId, name, sector, by)
                .map(w -> new SectorViews.SectorClientSecret(w.client().clientId(), w.clientSecret(), w.client().secretVersion()));
    }

    public Uni<SectorViews.SectorClientSecret> rotate(String clientId, String by) {
        return clients.rotate(clientId, by).map(w -> {
            if (w == null) {
                throw notFound(clientId);
            }
            return new SectorViews.SectorClientSecret(w.client().clientId(), w.clientSecret(), w.client().secretVersion());
        });
    }

    public Uni<SectorViews.SectorClient> enable(String clientId, boolean enabled, String by) {
        return clients.enable(clientId, enabled, by).flatMap(c -> {
            if (c == null) {
                throw notFound(clientId);
            }
            return list().map(all -> all.stream().filter(x -> x.clientId().equals(clientId)).findFirst().orElseThrow());
        });
    }

    public Uni<SectorViews.SectorPushedRecords> records(String clientId, String year, String status, int offset, int limit) {
        Integer y = year == null ? null : Years.parse(year);
        if (status != null && !status.equals("ACCEPTED") && !status.equals("REFUSED")) {
            throw ProblemException.badRequest("invalid-status", "status 应为 ACCEPTED 或 REFUSED。");
        }
        return clients.find(clientId).flatMap(c -> {
            if (c == null) {
                throw notFound(clientId);
            }
            return store.page(clientId, y, status, offset, limit).map(page -> new SectorViews.SectorPushedRecords(clientId, page.total(),
                    offset, limit, page.records().stream().map(r -> new SectorViews.SectorPushedRecord(r.recordId(), r.status(), r.reason(),
                            r.detail(), r.professionalId(), masked(r.idNumber()), r.name(), r.year(), r.category(), r.hours(), r.source(),
                            r.completedOn(), r.pushedAt())).toList()));
        });
    }

    private static String masked(String idNumber) {
        return idNumber != null && idNumber.length() == 18 ? IdNumber.mask(idNumber) : idNumber;
    }

    private static ProblemException notFound(String clientId) {
        return ProblemException.notFound("没有编号为“" + clientId + "”的行业系统客户端。");
    }
}
