package cn.gd.xueshi.declaration;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

import cn.gd.xueshi.hours.Activity;
import cn.gd.xueshi.hours.Category;
import cn.gd.xueshi.identity.DemoAccounts;
import cn.gd.xueshi.identity.IdentityConfig;
import cn.gd.xueshi.identity.Role;
import cn.gd.xueshi.identity.Scope;
import cn.gd.xueshi.review.Actor;

/**
 * Where the demo accounts are seeded, learner1 has declared three trainings with certificates, waiting
 * in employer1's queue, so the employer's side can be tried at once.
 */
@ApplicationScoped
public class DemoDeclarations {

    private static final long LOCK_KEY = 0x7875657368690003L;

    private final IdentityConfig identity;
    private final DeclarationService declarations;
    private final Clock clock;

    public DemoDeclarations(IdentityConfig identity, DeclarationService declarations, Clock clock) {
        this.identity = identity;
        this.declarations = declarations;
        this.clock = clock;
    }

    void onStart(@Observes @Priority(5100) StartupEvent event) throws Throwable {
        if (identity.seedDemo()) {
            VertxContextSupport.subscribeAndAwait(this::seed);
        }
    }

    public Uni<Void> seed() {
        return Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                "select cast(pg_advisory_xact_lock(" + LOCK_KEY + ") as text)").getSingleResult())
                .chain(() -> DemoAccounts.accountId("learner1")).flatMap(accountId -> accountId == null ? Uni.createFrom().nullItem()
                        : Declaration.count("accountId", accountId).flatMap(n -> n > 0 ? Uni.createFrom().nullItem()
                                : DemoAccounts.professionalId("learner1").flatMap(pid -> declare(accountId, pid)))))
                .replaceWithVoid();
    }

    /**
     * learner1's declarations: with a public course studied, confirming them completes the year
     * (42 professional, 16 + 2 elective), so the year's confirmation and certificate can be tried.
     */
    private Uni<Object> declare(long accountId, long professionalId) {
        LocalDate today = LocalDate.now(clock);
        // trainings early in the year, or late in the last one while January still confirms them
        LocalDate start = today.getDayOfYear() > 20 ? today.withDayOfYear(6) : today.minusYears(1).withMonth(11).withDayOfMonth(2);
        List<DeclarationRules.Form> forms = List.of(
                new DeclarationRules.Form(start.getYear(), Category.ELECTIVE, Activity.TRAINING, "建设工程质量安全管理培训班",
                        "广州市建设工程培训中心", start, start.plusDays(2), new BigDecimal("16")),
                new DeclarationRules.Form(start.getYear(), Category.PROFESSIONAL, Activity.TRAINING, "工程技术人员专业能力提升研修班",
                        "广东省建设教育协会", start.plusDays(7), start.plusDays(12), new BigDecimal("42")),
                new DeclarationRules.Form(start.getYear(), Category.ELECTIVE, Activity.TRAINING, "职业道德与诚信建设讲座",
                        "广州市科学技术协会", start.plusDays(14), start.plusDays(14), new BigDecimal("2")));
        Actor learner = new Actor(accountId, Set.of(Role.PROFESSIONAL), new Scope(null, null, null, null), "陈学习");
        Uni<Object> chain = Uni.createFrom().nullItem();
        for (DeclarationRules.Form form : forms) {
            chain = chain.chain(() -> one(learner, professionalId, form));
        }
        return chain;
    }

    private Uni<Object> one(Actor learner, long professionalId, DeclarationRules.Form form) {
        try {
            Path pdf = Files.createTempFile("xueshi-demo-certificate", ".pdf");
            Files.write(pdf, certificate());
            return declarations.declare(learner, professionalId, form, List.of(new DeclarationService.Upload("结业证书.pdf", pdf,
                    Files.size(pdf)))).invoke(v -> Log.infof("demo declaration %d by learner1 waits in employer1's queue", v.id()))
                    .eventually(() -> {
                        pdf.toFile().delete();
                    }).map(v -> v);
        } catch (java.io.IOException e) {
            return Uni.createFrom().failure(e);
        }
    }

    /** A one-page PDF saying what the certificate certifies. */
    static byte[] certificate() {
        String text = "BT /F1 18 Tf 72 720 Td (Certificate of completion) Tj 0 -30 Td /F1 12 Tf "
                + "(Construction quality and safety management training, 16 hours) Tj ET";
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length " + text.length() + " >>\nstream\n" + text + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
