package zhifa.supervision;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import zhifa.casework.CaseChanged;

/**
 * What follows a change, after it commits: a platform case's act into the ledger ({@code CASE}), then an act of the
 * ledger to the alert rules and special supervision ({@code ACT}, {@link LedgerFollower}). The change writes a row of
 * {@code sv_ledger_queue} in its own transaction (so nothing is lost when the process dies after the commit); a worker
 * takes up to {@code zhifa.supervision.ledger-queue.batch} rows at a time and does their work in one transaction, each
 * item under a savepoint of its own: one commit for a batch where the event publication registry made three
 * publications with two commits each for every change.
 * <p>
 * A worker runs shortly after a change commits on this node ({@code zhifa.supervision.ledger-queue.linger}, 50 ms, to
 * gather the changes committed meanwhile into its batch), and every {@code zhifa.supervision.ledger-queue.poll}
 * (two seconds) for what other nodes, a process that died or a failed item left; batches are claimed with
 * {@code for update skip locked}, so any number of nodes work the queue together. A failed item is queued again with a
 * growing wait (ten seconds doubling up to an hour), never dropped; the platform administrator sees it among the failed
 * background work. Every report to the ledger is idempotent (an older or repeated report changes nothing), so doing an
 * item twice is harmless.
 */
@Component
public class LedgerQueue implements zhifa.casework.CaseFollower, ActFollower {

	private static final Logger log = LoggerFactory.getLogger(LedgerQueue.class);
	static final String CASE = "CASE";
	static final String ACT = "ACT";

	private final JdbcTemplate jdbc;
	private final ObjectProvider<Ledger> ledger;
	private final ObjectProvider<LedgerFollower> followers;
	private final TransactionTemplate batch;
	private final TransactionTemplate savepoint;
	private final int batchSize;
	private final ExecutorService worker;
	private final AtomicBoolean scheduled = new AtomicBoolean();
	/** The acts the running batch changed (on the worker's thread, while it reports cases). */
	private final ThreadLocal<java.util.Set<Long>> following = new ThreadLocal<>();
	private volatile boolean stopping;
	/**
	 * How long a worker woken by a commit waits before it claims, so that the changes committed meanwhile go in the
	 * same batch (a batch reads and writes set-wise: at a thousand changes a second, fifty rows cost little more than
	 * one). Well inside the second in which an alert is to be visible.
	 */
	private final Duration linger;

	LedgerQueue(JdbcTemplate jdbc, ObjectProvider<Ledger> ledger, ObjectProvider<LedgerFollower> followers, PlatformTransactionManager transactions,
			@Value("${zhifa.supervision.ledger-queue.batch:100}") int batchSize, @Value("${zhifa.supervision.ledger-queue.workers:1}") int workers,
			@Value("${zhifa.supervision.ledger-queue.linger:PT0.05S}") Duration linger) {
		if (linger.isNegative() || linger.compareTo(Duration.ofSeconds(10)) > 0) {
			throw new IllegalArgumentException("zhifa.supervision.ledger-queue.linger must lie between 0 and 10 s: " + linger);
		}
		this.linger = linger;
		java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
		this.worker = Executors.newFixedThreadPool(Math.max(1, workers), r -> {
			Thread t = new Thread(r, "ledger-queue-" + n.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.followers = followers;
		this.batch = new TransactionTemplate(transactions);
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.batchSize = Math.max(1, batchSize);
	}

	// ---- queued in the change's transaction

	/** A platform case changed (any kind, any module): its act is to be reported to the ledger. */
	@Override
	public void changed(CaseChanged changed) {
		zhifa.shared.Transactions.requireActive();
		enqueue(CASE, changed.caseId());
	}

	/** The ledger took a new or newer report of an act (this platform's or another system's): the followers look at it. */
	@Override
	public void recorded(ActRecorded recorded) {
		zhifa.shared.Transactions.requireActive();
		java.util.Set<Long> batchActs = following.get();
		if (batchActs != null) {
			// changed by the batch itself: followed in the same batch, no row to write and take back
			batchActs.add(recorded.actId());
			return;
		}
		enqueue(ACT, recorded.actId());
	}

	/** Queues platform cases to be reported (the ledger's backfill of cases from before it existed). */
	@Transactional
	public void enqueueCases(List<Long> caseIds) {
		jdbc.batchUpdate("insert into sv_ledger_queue (kind, ref) values ('CASE', ?)", caseIds, 500, (ps, id) -> ps.setLong(1, id));
		wakeAfterCommit();
	}

	private void enqueue(String kind, long ref) {
		// written with the transaction's other rows just before it commits (one statement for a bulk import's hundred acts)
		zhifa.shared.BeforeCommit.add(ROWS, new Row(kind, ref), this::insert);
		wakeAfterCommit();
	}

	private record Row(String kind, long ref) {
	}

	/** The kind of the queue rows' before-commit batch. */
	private static final Object ROWS = new Object();

	private void insert(List<Row> rows) {
		List<Row> distinct = rows.stream().distinct().toList();
		if (distinct.size() == 1) {
			// the usual change: one case
			jdbc.update("insert into sv_ledger_queue (kind, ref) values (?, ?)", distinct.get(0).kind(), distinct.get(0).ref());
			return;
		}
		jdbc.update("insert into sv_ledger_queue (kind, ref) select * from unnest(?::varchar[], ?::bigint[])",
				distinct.stream().map(Row::kind).toArray(String[]::new), distinct.stream().map(Row::ref).toArray(Long[]::new));
	}

	/** Once per transaction (an inner, separate transaction has synchronizations of its own and registers its own). */
	private void wakeAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()
				&& TransactionSynchronizationManager.getSynchronizations().stream().noneMatch(WakeAfterCommit.class::isInstance)) {
			TransactionSynchronizationManager.registerSynchronization(new WakeAfterCommit());
		}
	}

	private final class WakeAfterCommit implements TransactionSynchronization {
		@Override
		public void afterCompletion(int status) {
			if (status == STATUS_COMMITTED) {
				wake();
			}
		}
	}

	// ---- worked off

	/**
	 * Runs a worker on this node soon (at most one run waits behind the one working). With more than one worker thread
	 * ({@code zhifa.supervision.ledger-queue.workers}, default one: on two cores a second one only made the batches
	 * smaller) a wake-up while one works starts the next, which takes other rows.
	 */
	public void wake() {
		if (!stopping && scheduled.compareAndSet(false, true)) {
			try {
				worker.execute(this::run);
			}
			catch (java.util.concurrent.RejectedExecutionException e) {
				scheduled.set(false);
			}
		}
	}

	@Scheduled(fixedDelayString = "${zhifa.supervision.ledger-queue.poll:PT2S}", initialDelayString = "${zhifa.supervision.ledger-queue.poll:PT2S}")
	void poll() {
		wake();
	}

	private void run() {
		boolean full = false;
		boolean holding = true;
		try {
			for (boolean first = true; !stopping; first = false) {
				// a later round holds the schedule itself while it lingers (a run queued meanwhile goes on instead)
				if (!first) {
					holding = scheduled.compareAndSet(false, true);
					if (!holding) {
						return;
					}
				}
				if (!full && !linger.isZero()) {
					// wake-ups meanwhile find the run scheduled and add nothing: their rows are taken by this one
					Thread.sleep(linger.toMillis());
				}
				scheduled.set(false);
				holding = false;
				int taken = workOnce();
				if (taken == 0) {
					return;
				}
				full = taken >= batchSize;
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException e) {
			if (!stopping) {
				log.warn("ledger queue: a batch failed, tried again at the next poll", e);
			}
		}
		finally {
			if (holding) {
				scheduled.set(false);
			}
		}
	}

	/**
	 * One batch: claims due cases and reports each to the ledger, then claims due acts (those the cases just changed
	 * among them) and hands each to the followers; commits once. When anything fails the batch is rolled back and done
	 * again with a savepoint for each item, and a failed item queued again: the usual batch pays for no savepoints.
	 * Returns how many rows it took.
	 */
	public int workOnce() {
		try {
			return inBatch(false);
		}
		catch (RuntimeException e) {
			log.info("ledger queue: a batch failed, done again item by item", e);
			return inBatch(true);
		}
	}

	private int inBatch(boolean careful) {
		Integer n = batch.execute(status -> {
			// cases and acts in the order of their ids: batches working at once never wait on each other's rows in a cycle
			int[] rows = new int[1];
			Map<Long, Integer> cases = new java.util.TreeMap<>(claim(CASE, rows));
			java.util.Set<Long> changed = new java.util.LinkedHashSet<>();
			following.set(changed);
			try {
				if (careful) {
					cases.forEach((caseId, attempts) -> each(true, CASE, caseId, attempts, () -> ledger.getObject().refresh(caseId)));
				}
				else {
					// the usual pass reads the batch's cases and their facts once for all
					ledger.getObject().refreshAll(cases.keySet());
				}
			}
			finally {
				following.remove();
			}
			Map<Long, Integer> acts = new java.util.TreeMap<>(claim(ACT, rows));
			changed.forEach(id -> acts.putIfAbsent(id, 0));
			if (!careful) {
				// the usual pass reads the batch's acts at once and hands them to each follower together
				if (!acts.isEmpty()) {
					Map<Long, Act> loaded = ledger.getObject().find(acts.keySet());
					List<Act> all = acts.keySet().stream().map(loaded::get).filter(java.util.Objects::nonNull).toList();
					followers.orderedStream().forEach(f -> f.followAll(all));
				}
			}
			else {
				// the careful one each act in its own savepoint, so an act that cannot be read or followed fails alone
				acts.forEach((actId, attempts) -> each(true, ACT, actId, attempts,
						() -> ledger.getObject().find(actId).ifPresent(act -> followers.orderedStream().forEach(f -> f.follow(act)))));
			}
			return rows[0];
		});
		return n == null ? 0 : n;
	}

	/** The oldest due rows of a kind, up to a batch, by reference (a case changed five times is reported once). */
	private Map<Long, Integer> claim(String kind, int[] rows) {
		Map<Long, Integer> refs = new LinkedHashMap<>();
		jdbc.query("""
				delete from sv_ledger_queue where id in (
				  select id from sv_ledger_queue where kind = ? and due_at <= now() order by id limit ? for update skip locked)
				returning ref, attempts""", rs -> {
			refs.merge(rs.getLong(1), rs.getInt(2), Math::max);
			rows[0]++;
		}, kind, batchSize);
		return refs;
	}

	private void each(boolean careful, String kind, long ref, int attempts, Runnable work) {
		if (!careful) {
			work.run();
			return;
		}
		try {
			savepoint.executeWithoutResult(s -> work.run());
		}
		catch (RuntimeException e) {
			int next = attempts + 1;
			Duration wait = retryWait(next);
			log.warn("ledger queue: {} {} failed (attempt {}), tried again in {}", kind, ref, next, wait, e);
			// the innermost cause says what went wrong (the database's own message), not which statement it was
			String error = String.valueOf(org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e).getMessage());
			jdbc.update("insert into sv_ledger_queue (kind, ref, due_at, attempts, last_error) values (?, ?, now() + make_interval(secs => ?), ?, ?)", kind,
					ref, (double) wait.toSeconds(), next, error.length() > 500 ? error.substring(0, 500) : error);
		}
	}

	/** Ten seconds after the first failure, doubling, at most an hour. */
	static Duration retryWait(int attempts) {
		long seconds = 10L << Math.min(Math.max(attempts - 1, 0), 9);
		return Duration.ofSeconds(Math.min(seconds, 3600));
	}

	/** Rows not done yet, and of them those that failed at least once. */
	public record Backlog(long waiting, long failed) {
	}

	public Backlog backlog() {
		return jdbc.queryForObject("select count(*), count(*) filter (where attempts > 0) from sv_ledger_queue",
				(rs, i) -> new Backlog(rs.getLong(1), rs.getLong(2)));
	}

	@jakarta.annotation.PreDestroy
	void stop() throws InterruptedException {
		stopping = true;
		worker.shutdown();
		worker.awaitTermination(10, TimeUnit.SECONDS);
	}
}
