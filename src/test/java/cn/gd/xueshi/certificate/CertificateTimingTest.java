package cn.gd.xueshi.certificate;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** Prints what rendering and signing cost after warm-up; asserts nothing about time (machines differ). */
class CertificateTimingTest {

    @Test
    void printsTheCostOfOneCertificate() throws Exception {
        CertificatePdf pdf = new CertificatePdf(CertificateSamples.KEYS, CertificateSamples.CLOCK);
        CertificateVerifier verifier = new CertificateVerifier(CertificateSamples.KEYS);
        CertificateContent content = CertificateSamples.content();
        for (int i = 0; i < 500; i++) {
            pdf.render(content);
        }
        int n = 300;
        // CPU time of this thread as well as wall time: on a shared machine the wall clock counts the neighbours too
        ThreadMXBean threadTimes = ManagementFactory.getThreadMXBean();
        long cpuStart = threadTimes.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        byte[] last = null;
        for (int i = 0; i < n; i++) {
            last = pdf.render(content);
        }
        double renderMs = (System.nanoTime() - start) / 1e6 / n;
        double renderCpuMs = (threadTimes.getCurrentThreadCpuTime() - cpuStart) / 1e6 / n;
        start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            verifier.verify(last);
        }
        double verifyMs = (System.nanoTime() - start) / 1e6 / n;

        int threads = 2;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> warm = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                warm.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        pdf.render(content);
                    }
                }));
            }
            for (Future<?> f : warm) {
                f.get();
            }
            start = System.nanoTime();
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < n / threads; i++) {
                        pdf.render(content);
                    }
                }));
            }
            for (Future<?> f : runs) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        double parallelMs = (System.nanoTime() - start) / 1e6 / n;
        System.out.printf("certificate: render+sign %.2f ms each (one thread; %.2f ms of its CPU), %.2f ms each on %d threads, "
                + "verify %.2f ms, %d bytes%n", renderMs, renderCpuMs, parallelMs, threads, verifyMs, last.length);
    }
}
