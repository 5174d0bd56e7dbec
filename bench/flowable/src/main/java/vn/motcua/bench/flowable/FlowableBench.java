package vn.motcua.bench.flowable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;

/**
 * Benchmark 2's peer: Flowable 8 running the 4-user-task equivalent of MotCua's default process, in process,
 * on its own database of the same PostgreSQL server.
 *
 * <p>Per transition the worker does what an application embedding Flowable does when an officer acts on a
 * dossier: find the open task of the process instance ({@code createTaskQuery().processInstanceId(..)}) and
 * complete it as that officer ({@code complete(taskId, userId, variables)}) with two process variables, the
 * action and the actor (our history keeps both). Two database transactions per transition, no HTTP.
 *
 * <p>Bounded: instances are started before the timed part (not timed, as our dossiers are received before
 * ours); the timed part stops at the duration or when every instance is finished, whichever comes first.
 *
 * <p>Arguments: {@code --url jdbc:postgresql://127.0.0.1:5432/db --user postgres --threads 16
 * --instances 4000 --warmup 10 --duration 30 --history audit}
 */
public final class FlowableBench {

    private static final String[] USERS = {"tiepnhan.tanphu", "chuyenvien.tanphu", "lanhdao.tanphu", "tiepnhan.tanphu"};
    private static final String[] ACTIONS = {"FORWARD", "FORWARD", "COMPLETE", "RETURN_RESULT"};

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String url = a.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/motcua_bench_flowable");
        String user = a.getOrDefault("user", "postgres");
        int threads = Integer.parseInt(a.getOrDefault("threads", "16"));
        int instances = Integer.parseInt(a.getOrDefault("instances", "4000"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "10"));
        int duration = Integer.parseInt(a.getOrDefault("duration", "30"));
        String history = a.getOrDefault("history", "audit");

        long t0 = System.nanoTime();
        ProcessEngineConfiguration cfg = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
                .setJdbcUrl(url).setJdbcDriver("org.postgresql.Driver").setJdbcUsername(user)
                .setJdbcPassword(a.getOrDefault("password", ""))
                // twice the threads: Flowable's id generator takes a block of ids in a second transaction on a
                // second connection, and with a pool of exactly the thread count every thread can end up waiting
                // for that second connection (MyBatis then reclaims them after 20 s)
                .setJdbcMaxActiveConnections(2 * threads).setJdbcMaxIdleConnections(2 * threads)
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistory(history)
                .setAsyncExecutorActivate(false);
        ProcessEngine engine = cfg.buildProcessEngine();
        engine.getRepositoryService().createDeployment().addClasspathResource("dossier-default.bpmn20.xml")
                .name("bench").deploy();
        System.out.printf("flowable: engine %s, history %s, pool %d, ready in %d ms%n", ProcessEngine.class
                .getPackage().getImplementationVersion(), cfg.getHistory(), 2 * threads,
                (System.nanoTime() - t0) / 1_000_000);

        RuntimeService runtime = engine.getRuntimeService();
        TaskService tasks = engine.getTaskService();

        // Set-up, not timed: start the instances (the peer of our received dossiers).
        long s0 = System.nanoTime();
        ConcurrentLinkedQueue<String> ready = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong seq = new AtomicLong();
        List<Future<?>> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            started.add(pool.submit(() -> {
                long n;
                while ((n = seq.getAndIncrement()) < instances) {
                    String key = "H10.689.25195.MC-BENCH-" + n;
                    ready.add(runtime.startProcessInstanceByKey("dossierDefault", key,
                            Map.of("procedureCode", "1.001193", "agencyCode", "70.689.25195.MC")).getId());
                }
                return null;
            }));
        }
        for (Future<?> f : started) {
            f.get();
        }
        System.out.printf("flowable: %d instances started in %d ms (set-up, not timed)%n", instances,
                (System.nanoTime() - s0) / 1_000_000);

        if (warmup > 0) {
            Result w = run(tasks, ready, pool, threads, warmup);
            System.out.printf("flowable warm-up: %d transitions in %.1f s (%.1f/s)%n", w.count, w.seconds,
                    w.count / w.seconds);
        }
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        Result r = run(tasks, ready, pool, threads, duration);
        long cpu = os.getProcessCpuTime() - cpu0;
        long[] lat = r.latencies;
        Arrays.sort(lat);
        System.out.printf("flowable: %d transitions in %.2f s by %d threads, %d errors%s%n", r.count, r.seconds,
                threads, r.errors, r.exhausted ? " (ran out of prepared instances before the end)" : "");
        System.out.printf("flowable: latency per transition (task query + complete) p50 %.2f ms, p99 %.2f ms%n",
                pct(lat, 50) / 1e6, pct(lat, 99) / 1e6);
        System.out.printf("flowable: JVM CPU (user + system) during the measured run: %d ms, %.2f ms per transition%n",
                cpu / 1_000_000, r.count == 0 ? 0 : cpu / 1e6 / r.count);
        System.out.printf("RESULT flowable_tps=%.1f history=%s threads=%d cpu_ms_per_transition=%.2f%n",
                r.count / r.seconds, cfg.getHistory(), threads, r.count == 0 ? 0 : cpu / 1e6 / r.count);
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.SECONDS);
        engine.close();
    }

    private record Result(long count, long errors, double seconds, long[] latencies, boolean exhausted) {
    }

    /** Each thread takes an instance and completes its four tasks in order; bounded by time and count. */
    private static Result run(TaskService tasks, ConcurrentLinkedQueue<String> ready, ExecutorService pool,
                              int threads, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong count = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<Future<long[]>> futures = new ArrayList<>();
        boolean[] exhausted = {false};
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                long[] lat = new long[1 << 16];
                int n = 0;
                String pid;
                outer:
                while (System.nanoTime() < end) {
                    pid = ready.poll();
                    if (pid == null) {
                        exhausted[0] = true;
                        break;
                    }
                    for (int step = 0; step < 4; step++) {
                        if (System.nanoTime() >= end) {
                            break outer; // an unfinished instance is simply left
                        }
                        long b = System.nanoTime();
                        try {
                            Task task = tasks.createTaskQuery().processInstanceId(pid).singleResult();
                            Map<String, Object> vars = new HashMap<>();
                            vars.put("lastAction", ACTIONS[step]);
                            vars.put("lastActor", USERS[step]);
                            Authentication.setAuthenticatedUserId(USERS[step]);
                            tasks.complete(task.getId(), USERS[step], vars);
                            Authentication.setAuthenticatedUserId(null);
                            count.incrementAndGet();
                        } catch (RuntimeException e) {
                            errors.incrementAndGet();
                            continue outer;
                        }
                        if (n < lat.length) {
                            lat[n++] = System.nanoTime() - b;
                        }
                    }
                }
                return Arrays.copyOf(lat, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            all.add(f.get());
        }
        double secs = (System.nanoTime() - start) / 1e9;
        long[] merged = all.stream().flatMapToLong(Arrays::stream).toArray();
        return new Result(count.get(), errors.get(), secs, merged, exhausted[0]);
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
