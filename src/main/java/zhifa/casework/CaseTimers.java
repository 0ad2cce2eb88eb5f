package zhifa.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import zhifa.calendar.CalendarService;
import zhifa.casework.persistence.TimerRows;
import zhifa.shared.Deadline;
import zhifa.shared.DeadlineUnit;

/**
 * The timers of cases: started, extended, paused, resumed and closed — every due day from the one deadline computation
 * ({@link CalendarService#due}) with the official holiday calendar. A timer past due is marked missed each night,
 * recorded and published as {@link DeadlineMissed}. The types come from every {@link TimerTypes} bean.
 */
@Service
public class CaseTimers {

	private final TimerRows rows;
	private final zhifa.casework.persistence.TodoRows todoRows;
	private final CalendarService calendar;
	private final CaseRecord record;
	private final Cases cases;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final ObjectProvider<TimerTypes> typeSources;
	private volatile Map<String, TimerType> types;

	CaseTimers(TimerRows rows, zhifa.casework.persistence.TodoRows todoRows, CalendarService calendar, CaseRecord record, Cases cases, ApplicationEventPublisher events, Clock clock,
			ObjectProvider<TimerTypes> typeSources) {
		this.rows = rows;
		this.todoRows = todoRows;
		this.calendar = calendar;
		this.record = record;
		this.cases = cases;
		this.events = events;
		this.clock = clock;
		this.typeSources = typeSources;
	}

	/** The registered timer type of a stored code. */
	public TimerType type(String code) {
		Map<String, TimerType> t = types;
		if (t == null) {
			Map<String, TimerType> all = new HashMap<>();
			typeSources.orderedStream().flatMap(s -> s.timerTypes().stream()).forEach(type -> {
				TimerType earlier = all.put(type.name(), type);
				if (earlier != null && earlier != type) {
					throw new IllegalStateException("timer type declared twice: " + type.name());
				}
			});
			types = t = Map.copyOf(all);
		}
		TimerType type = t.get(code);
		if (type == null) {
			throw new IllegalStateException("unknown timer type " + code);
		}
		return type;
	}

	private Function<String, TimerType> types() {
		return this::type;
	}

	/** Starts a timer of {@code amount} units from {@code start} (the day of the triggering event; counting begins the next day). */
	public CaseTimer start(long caseId, TimerType type, LocalDate start, int amount) {
		return start(caseId, type, null, type.label(), start, amount);
	}

	/** A timer whose length and source come from the domain's rules rather than the type's default. */
	public CaseTimer start(long caseId, TimerType type, LocalDate start, int amount, String legalSource) {
		return start(caseId, type, null, type.label(), start, amount, legalSource);
	}

	/** A timer of one thing attached to the case ({@code ref}: a measure, a preservation), with its own label. */
	public CaseTimer start(long caseId, TimerType type, Long ref, String label, LocalDate start, int amount) {
		return start(caseId, type, ref, label, start, amount, type.source());
	}

	private CaseTimer start(long caseId, TimerType type, Long ref, String label, LocalDate start, int amount, String legalSource) {
		if (type(type.name()) != type) {
			// only registered types are written: a stored code is read back through the registry
			throw new IllegalStateException("timer type not registered as such: " + type.name());
		}
		Deadline.Due due = due(type, start, amount, type.unit(), legalSource);
		return rows.insert(caseId, type, ref, label, amount, legalSource, start, due.date(), due.provisional());
	}

	/**
	 * The one computation of a timer's due day: the calendar's ({@link CalendarService#due}), except that a limit on the
	 * body counted in days or months ends on its last day itself ({@link TimerType#limitOnTheBody}).
	 */
	private Deadline.Due due(TimerType type, LocalDate start, int amount, DeadlineUnit unit, String legalSource) {
		if (type.limitOnTheBody() && unit == DeadlineUnit.CALENDAR_DAYS) {
			return new Deadline.Due(start.plusDays(amount), null, false);
		}
		if (type.limitOnTheBody() && unit == DeadlineUnit.MONTHS) {
			return new Deadline.Due(start.plusMonths(amount), null, false);
		}
		return calendar.due(Deadline.of(start, amount, unit, legalSource));
	}

	/** Extends a running timer by {@code amount} more units counted from its current due day; returns the new due day. */
	public LocalDate extend(long caseId, TimerType type, int amount) {
		return extend(get(caseId, type), amount);
	}

	public LocalDate extend(CaseTimer t, int amount) {
		Deadline.Due due = due(t.kind(), t.due(), amount, t.unit(), t.legalSource());
		rows.extended(t.id(), due.date(), amount, due.provisional());
		return due.date();
	}

	/**
	 * A closed timer counted again from {@code start} for a new occasion of the same event (a review period for a changed
	 * proposal): {@code amount} units of its own unit, from its source.
	 */
	public void restart(CaseTimer t, LocalDate start, int amount, String legalSource) {
		Deadline.Due due = due(t.kind(), start, amount, t.unit(), legalSource);
		rows.restarted(t.id(), start, due.date(), amount, legalSource, due.provisional());
	}

	/**
	 * A missed timer given more time runs again — as the row stands, not as the caller read it (the nightly sweep marks
	 * timers missed without claiming their case, so it may have done so since).
	 */
	public void reopen(CaseTimer t) {
		rows.reopen(t.id());
	}

	/** The timer's event happened on {@code day}: met when on time, missed when late. */
	public void close(long caseId, TimerType type, LocalDate day) {
		close(get(caseId, type), day);
	}

	public void close(CaseTimer t, LocalDate day) {
		if (t.state() == CaseTimer.State.MISSED && t.closedOn() == null) {
			// marked missed at night: done late, it stays missed, and the day it was done is kept; registered late of a day
			// within the period (a hand-over recorded the day after), it was met on that day
			rows.state(t.id(), day.isAfter(t.due()) ? CaseTimer.State.MISSED : CaseTimer.State.MET, day);
			return;
		}
		if (t.state() != CaseTimer.State.RUNNING && t.state() != CaseTimer.State.PAUSED) {
			return;
		}
		rows.state(t.id(), day.isAfter(t.due()) ? CaseTimer.State.MISSED : CaseTimer.State.MET, day);
	}

	/**
	 * The event no longer has to happen (a legal review no longer called for once the proposal changed): a running or paused
	 * timer ends 不再适用 on {@code day}, neither met nor missed.
	 */
	public void cancel(CaseTimer t, LocalDate day) {
		if (t.state() == CaseTimer.State.RUNNING || t.state() == CaseTimer.State.PAUSED) {
			rows.state(t.id(), CaseTimer.State.CANCELLED, day);
		}
	}

	/** Stops the clock for an excluded period (听证、公告、检测鉴定、中止: 行政处罚法第六十条 and the procedure rules). */
	public void pause(long caseId, TimerType type, LocalDate from, String reason) {
		CaseTimer t = get(caseId, type);
		if (t.state() == CaseTimer.State.RUNNING) {
			rows.paused(t.id(), from, reason);
		}
	}

	/**
	 * Restarts a paused timer: the due day moves by the time the clock stood still — the days paused for a calendar
	 * period, the working days paused for a working-day period — through the deadline computation.
	 */
	public LocalDate resume(long caseId, TimerType type, LocalDate on) {
		CaseTimer t = get(caseId, type);
		if (t.state() != CaseTimer.State.PAUSED) {
			return t.due();
		}
		LocalDate pausedOn = rows.pausedOn(t.id());
		int stood = t.unit() == DeadlineUnit.WORKING_DAYS ? calendar.calendar().workingDaysBetween(pausedOn, on)
				: (int) java.time.temporal.ChronoUnit.DAYS.between(pausedOn, on);
		DeadlineUnit unit = t.unit() == DeadlineUnit.WORKING_DAYS ? DeadlineUnit.WORKING_DAYS : DeadlineUnit.CALENDAR_DAYS;
		Deadline.Due moved = stood < 1 ? null : due(t.kind(), t.due(), stood, unit, t.legalSource() + "（中止期间不计入）");
		LocalDate due = moved == null ? t.due() : moved.date();
		rows.resumed(t.id(), on, due, moved != null && moved.provisional());
		return due;
	}

	/** The paused periods of a case's timers, for the case page. */
	public List<TimerPause> pauses(long caseId) {
		return rows.pauses(caseId);
	}

	public Optional<CaseTimer> find(long caseId, TimerType type) {
		return rows.find(caseId, type.name(), null, types());
	}

	public CaseTimer get(long caseId, TimerType type) {
		return find(caseId, type).orElseThrow(() -> new IllegalStateException("no timer " + type.name() + " for case " + caseId));
	}

	/** The timer of one attached thing. */
	public CaseTimer ofRef(long caseId, TimerType type, long ref) {
		return rows.find(caseId, type.name(), ref, types()).orElseThrow(() -> new IllegalStateException("no timer " + type.name() + "/" + ref));
	}

	/** For each case, its running timer due soonest. */
	public Map<Long, CaseTimer> nearestRunning(Collection<Long> caseIds) {
		return rows.nearestRunning(caseIds, types());
	}

	/** For each case, its missed timers, the earliest day first (what puts a case in 已超期). */
	public Map<Long, List<CaseTimer>> missed(Collection<Long> caseIds) {
		return rows.missed(caseIds, types());
	}

	/**
	 * The cases of the scope whose running timer of this type falls due by {@code limit} (those already past first), with
	 * that timer; at most 200.
	 */
	public Map<Long, CaseTimer> runningDueBy(zhifa.shared.DataScope scope, TimerType type, LocalDate limit) {
		Map<Long, CaseTimer> due = new java.util.LinkedHashMap<>();
		for (long caseId : todoRows.runningDueBy(scope, type.name(), limit, 200)) {
			find(caseId, type).ifPresent(t -> due.put(caseId, t));
		}
		return due;
	}

	public List<CaseTimer> of(long caseId) {
		return rows.of(caseId, types());
	}

	/** The timers of many cases in one read, by case (a case without timers has no entry). */
	public Map<Long, List<CaseTimer>> of(java.util.Collection<Long> caseIds) {
		return rows.of(caseIds, types());
	}

	/** The codes of the party-window types (they lapse rather than being missed). */
	public List<String> partyWindows() {
		return typeSources.orderedStream().flatMap(s -> s.timerTypes().stream()).filter(TimerType::partyWindow).map(TimerType::name).distinct().toList();
	}

	/** Marks every running timer past its due day as missed, writes the record and publishes the event. */
	@Transactional
	public int markMissed() {
		LocalDate today = LocalDate.now(clock);
		rows.windowsLapsed(today, partyWindows());
		List<TimerRows.Overdue> due = rows.overdue(today);
		Map<Long, CaseFile> files = new HashMap<>();
		cases.load(due.stream().map(TimerRows.Overdue::caseId).distinct().toList()).forEach(c -> files.put(c.id(), c));
		for (TimerRows.Overdue o : due) {
			CaseFile c = files.get(o.caseId());
			TimerType type = type(o.type());
			rows.state(o.timerId(), CaseTimer.State.MISSED, null);
			record.append(c, "case.deadline_missed", type.label() + "期限已过（应于 " + o.due() + " 前完成）",
					Map.of("timer", type.label(), "due", o.due().toString(), "source", o.legalSource()));
			events.publishEvent(new DeadlineMissed(c.id(), c.kind(), c.bodyId(), c.caseNumber() != null ? c.caseNumber() : "案源" + c.id(), type.name(),
					type.label(), o.due(), o.legalSource()));
		}
		return due.size();
	}

	@Scheduled(cron = "0 5 0 * * *", zone = "Asia/Shanghai")
	@SchedulerLock(name = "case-deadlines", lockAtMostFor = "PT30M")
	public void nightly() {
		markMissed();
	}
}
