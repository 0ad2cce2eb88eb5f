package zhifa.supervision.alert.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import zhifa.shared.Page;
import zhifa.supervision.alert.Alert;
import zhifa.supervision.alert.AlertRules;
import zhifa.supervision.alert.AlertState;
import zhifa.supervision.alert.Severity;

/** The tables {@code sv_alert} (and the acts' labels from {@code sv_act}). */
@Repository
public class AlertRows {

	private static final String SEVERITY_RANK = "case a.severity when 'HIGH' then 0 when 'MEDIUM' then 1 else 2 end";

	private static final String SELECT = """
			select a.*, b.name as body_name,
			  coalesce(nullif(x.case_number, ''), x.source || '/' || x.external_id, d.number) as subject_label
			from sv_alert a join body_view b on b.id = a.body_id
			  left join sv_act x on x.id = a.act_id
			  left join sv_document d on a.subject_kind = 'DOCUMENT' and d.id = a.subject_id
			""";

	/** An alert's own row (no body name, no subject label). */
	private static final String BARE = "select a.*, null as body_name, null as subject_label from sv_alert a";

	private final NamedParameterJdbcTemplate jdbc;

	AlertRows(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Serialises the evaluations of one subject (two deliveries of the same act at once) until the transaction ends. */
	public void lock(String subjectKind, long subjectId) {
		jdbc.queryForObject("select pg_advisory_xact_lock(hashtext(:k), :id::int) is null", Map.of("k", "sv_alert/" + subjectKind, "id", (int) subjectId),
				Boolean.class);
	}

	/**
	 * A subject's alerts for the evaluation, without the body's name and the subject's label (a read of one table: the
	 * joined read was planned anew on every call, the costliest statement of the ledger queue's batch).
	 */
	public List<Alert> ofSubject(String subjectKind, long subjectId) {
		return jdbc.query(BARE + " where a.subject_kind = :k and a.subject_id = :id order by a.id", Map.of("k", subjectKind, "id", subjectId), AlertRows::row);
	}

	/** The same for many subjects of a kind in one read, by subject (a subject without alerts has no entry). */
	public Map<Long, List<Alert>> ofSubjects(String subjectKind, java.util.Collection<Long> subjectIds) {
		Map<Long, List<Alert>> m = new HashMap<>();
		if (subjectIds.isEmpty()) {
			return m;
		}
		// one index lookup per subject, whatever the statistics say (an in list before the first analyze scans the table)
		jdbc.query("select a.*, null as body_name, null as subject_label from unnest(cast(:ids as bigint[])) as k(id) "
				+ "cross join lateral (select * from sv_alert where subject_kind = :k and subject_id = k.id offset 0) a order by a.id",
				Map.of("k", subjectKind, "ids", subjectIds.stream().distinct().toArray(Long[]::new)), AlertRows::row)
			.forEach(a -> m.computeIfAbsent(a.subjectId(), k -> new java.util.ArrayList<>()).add(a));
		return m;
	}

	/**
	 * {@link #lock} for many subjects of a kind in one statement, in the order given (callers pass ascending ids, so two
	 * batches never wait on each other in a cycle).
	 */
	public void lockAll(String subjectKind, List<Long> subjectIds) {
		if (subjectIds.isEmpty()) {
			return;
		}
		// the same keys as lock(): the id's low 32 bits as a signed int, as Java's cast gives them
		Integer[] keys = subjectIds.stream().map(id -> (int) (long) id).toArray(Integer[]::new);
		jdbc.getJdbcTemplate().query("select count(*) from (select pg_advisory_xact_lock(hashtext(?), k) from unnest(?::int[]) as k) l", rs -> {
		}, "sv_alert/" + subjectKind, keys);
	}

	public record NewAlert(String ruleCode, String subjectKind, long subjectId, Long actId, String occurrence, long bodyId, Severity severity, String title,
			String article, String reasoning, LocalDate raisedOn, LocalDate answerDue) {
	}

	public long insert(NewAlert a, Instant at) {
		Map<String, Object> p = new HashMap<>();
		p.put("rule", a.ruleCode());
		p.put("kind", a.subjectKind());
		p.put("subject", a.subjectId());
		p.put("act", a.actId());
		p.put("occ", a.occurrence());
		p.put("body", a.bodyId());
		p.put("severity", a.severity().name());
		p.put("title", a.title());
		p.put("article", a.article());
		p.put("reasoning", a.reasoning());
		p.put("raisedOn", a.raisedOn());
		p.put("due", a.answerDue());
		p.put("at", Timestamp.from(at));
		return jdbc.queryForObject("""
				insert into sv_alert (rule_code, subject_kind, subject_id, act_id, occurrence, body_id, severity, state, title, article, reasoning,
				  raised_on, answer_due, raised_at, updated_at)
				values (:rule, :kind, :subject, :act, :occ, :body, :severity, 'NEW', :title, :article, :reasoning, :raisedOn, :due, :at, :at)
				returning id""", p, Long.class);
	}

	/** {@link #insert} for many alerts in one statement (one array per column): their ids, in the order given. */
	public List<Long> insertAll(List<NewAlert> alerts, Instant at) {
		if (alerts.isEmpty()) {
			return List.of();
		}
		int n = alerts.size();
		String[] rule = new String[n], kind = new String[n], occ = new String[n], severity = new String[n], title = new String[n], article = new String[n],
				reasoning = new String[n], raised = new String[n], due = new String[n];
		Long[] subject = new Long[n], act = new Long[n], body = new Long[n];
		for (int i = 0; i < n; i++) {
			NewAlert a = alerts.get(i);
			rule[i] = a.ruleCode();
			kind[i] = a.subjectKind();
			subject[i] = a.subjectId();
			act[i] = a.actId();
			occ[i] = a.occurrence();
			body[i] = a.bodyId();
			severity[i] = a.severity().name();
			title[i] = a.title();
			article[i] = a.article();
			reasoning[i] = a.reasoning();
			raised[i] = a.raisedOn().toString();
			due[i] = a.answerDue().toString();
		}
		// (subject, rule, occurrence) is one alert: the ids are matched back by it, whatever order the rows come in
		Map<String, Long> ids = new HashMap<>();
		jdbc.getJdbcTemplate().query("""
				insert into sv_alert (rule_code, subject_kind, subject_id, act_id, occurrence, body_id, severity, state, title, article, reasoning,
				  raised_on, answer_due, raised_at, updated_at)
				select k.r, k.k, k.s, k.a, k.o, k.b, k.v, 'NEW', k.t, k.ar, k.re, k.ro, k.d, ?, ?
				from unnest(?::varchar[], ?::varchar[], ?::bigint[], ?::bigint[], ?::varchar[], ?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[],
				  ?::text[], ?::date[], ?::date[]) with ordinality as k(r, k, s, a, o, b, v, t, ar, re, ro, d, n)
				order by k.n
				returning id, subject_kind, subject_id, rule_code, occurrence""", rs -> {
			ids.put(key(rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5)), rs.getLong(1));
		}, Timestamp.from(at), Timestamp.from(at), rule, kind, subject, act, occ, body, severity, title, article, reasoning, raised, due);
		return alerts.stream().map(a -> ids.get(key(a.subjectKind(), a.subjectId(), a.ruleCode(), a.occurrence()))).toList();
	}

	private static String key(String kind, long subject, String rule, String occurrence) {
		return kind + "\u0000" + subject + "\u0000" + rule + "\u0000" + occurrence;
	}

	/** Sets the state (and the reasoning when given); {@code closed} sets or clears the closing time. */
	/** New reasoning of an open alert, its state left as it is now (a reply may have moved it meanwhile). */
	public void updateReasoning(long id, String reasoning, Instant at) {
		jdbc.update("update sv_alert set reasoning = :r, updated_at = :at, version = version + 1 where id = :id",
				Map.of("r", reasoning, "at", Timestamp.from(at), "id", id));
	}

	public void update(long id, AlertState state, String reasoning, Long bodyId, LocalDate raisedOn, LocalDate answerDue, Instant at) {
		Map<String, Object> p = new HashMap<>();
		p.put("id", id);
		p.put("state", state.name());
		p.put("reasoning", reasoning);
		p.put("body", bodyId);
		p.put("raisedOn", raisedOn);
		p.put("due", answerDue);
		p.put("at", Timestamp.from(at));
		p.put("closed", state.open() ? null : Timestamp.from(at));
		jdbc.update("""
				update sv_alert set state = :state, reasoning = coalesce(:reasoning, reasoning), body_id = coalesce(:body, body_id),
				  raised_on = coalesce(:raisedOn, raised_on), answer_due = coalesce(:due, answer_due), updated_at = :at, closed_at = :closed,
				  version = version + 1
				where id = :id""", p);
	}

	public Optional<Alert> find(long id) {
		return jdbc.query(SELECT + " where a.id = :id", Map.of("id", id), AlertRows::row).stream().findFirst();
	}

	public List<Alert> load(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.query(SELECT + " where a.id in (:ids) order by a.id", Map.of("ids", ids), AlertRows::row);
	}

	/** One page of the alerts the scope condition lets through, newest first, filtered by rule, state and body. */
	public Page<Alert> page(String scopeCondition, Map<String, Object> scopeParams, String rule, AlertState state, Long bodyId, boolean openOnly, int page,
			int size) {
		Map<String, Object> p = new HashMap<>(scopeParams);
		StringBuilder where = new StringBuilder(" where (" + scopeCondition + ")");
		if (rule != null) {
			where.append(" and a.rule_code = :rule");
			p.put("rule", rule);
		}
		if (state != null) {
			where.append(" and a.state = :state");
			p.put("state", state.name());
		}
		else if (openOnly) {
			where.append(" and a.state in ('NEW', 'SUPERVISED', 'EXPLAINED', 'RECTIFIED')");
		}
		if (bodyId != null) {
			where.append(" and a.body_id = :bodyId");
			p.put("bodyId", bodyId);
		}
		long total = jdbc.queryForObject("select count(*) from sv_alert a" + where, p, Long.class);
		p.put("limit", size);
		p.put("offset", (long) page * size);
		// the serious first, then the newest: a page of reminders must not push a 严重 breach out of sight
		List<Alert> items = jdbc.query(SELECT + where + " order by " + SEVERITY_RANK + ", a.id desc limit :limit offset :offset", p, AlertRows::row);
		return new Page<>(items, total, page, size);
	}

	/**
	 * A body's fines decided in the last ninety days and in the year before them; and of those whose party's region is known
	 * (from its identifier), the fines on parties from outside the body's region.
	 */
	public record BodyFines(long bodyId, long recent, int recentActs, long yearBefore, long recentKnown, long recentNonLocal, int recentNonLocalActs,
			long yearBeforeKnown, long yearBeforeNonLocal) {
	}

	/**
	 * For every body with fines in the ledger: the last ninety days up to {@code today} and the 365 days before them. A party
	 * is local when its region lies in the body's prefecture (州、市) — the level a person's masked ID tells —, or in the
	 * body's province for a provincial body: the codes are compared on the digits both define, at most four (trailing zero
	 * pairs are not digits: 533100 德宏州 → 5331, 530000 云南省 → 53). A body whose region has no code is not compared.
	 */
	public List<BodyFines> bodyFines(java.time.LocalDate today) {
		return jdbc.query("""
				with f as (
				  select a.body_id, a.fine, a.decided_on > :recent as recent,
				    case when a.party_region is null then null
				      else left(a.party_region, k.k) <> left(r.code, k.k) end as non_local
				  from sv_act a join body_view b on b.id = a.body_id join region_view r on r.id = b.region_id
				  cross join lateral (select least(4, greatest(2, length(regexp_replace(a.party_region, '(00)+$', ''))),
				    greatest(2, length(regexp_replace(left(r.code, 6), '(00)+$', ''))))) as k(k)
				  where a.decision_outcome = 'PENALTY' and a.fine is not null and a.decided_on > :before and a.decided_on <= :today)
				select body_id,
				  coalesce(sum(fine) filter (where recent), 0) as recent,
				  count(*) filter (where recent) as recent_acts,
				  coalesce(sum(fine) filter (where not recent), 0) as year_before,
				  coalesce(sum(fine) filter (where recent and non_local is not null), 0) as recent_known,
				  coalesce(sum(fine) filter (where recent and non_local), 0) as recent_non_local,
				  count(*) filter (where recent and non_local) as recent_non_local_acts,
				  coalesce(sum(fine) filter (where not recent and non_local is not null), 0) as before_known,
				  coalesce(sum(fine) filter (where not recent and non_local), 0) as before_non_local
				from f group by body_id""", Map.of("today", today, "recent", today.minusDays(90), "before", today.minusDays(90 + 365)),
				(rs, i) -> new BodyFines(rs.getLong("body_id"), rs.getLong("recent"), rs.getInt("recent_acts"), rs.getLong("year_before"),
						rs.getLong("recent_known"), rs.getLong("recent_non_local"), rs.getInt("recent_non_local_acts"), rs.getLong("before_known"),
						rs.getLong("before_non_local")));
	}

	/** Bodies with an open 趋利性执法 alert (their condition may have ended). */
	public List<Long> bodiesWithOpenAlert(String rule) {
		return jdbc.queryForList("select subject_id from sv_alert where subject_kind = 'BODY' and rule_code = :r and state in ('NEW', 'SUPERVISED', 'EXPLAINED', 'RECTIFIED')",
				Map.of("r", rule), Long.class);
	}

	/**
	 * The acts the nightly sweep evaluates again: those still under way, those closed on or after {@code closedSince} (a
	 * period can come due after the closing: the publication, the transfer to the police of a case closed as 移送司法机关),
	 * and those with an alert or a referral still open.
	 */
	public List<Long> actsToSweep(java.time.LocalDate closedSince) {
		return jdbc.queryForList("""
				select id from sv_act where closed_on >= :since
				  or closed_on is null and stage not in ('NOT_FILED', 'HANDED_OVER', 'TRANSFERRED', 'ARCHIVED')
				union select act_id from sv_alert where act_id is not null and state in ('NEW', 'SUPERVISED', 'EXPLAINED', 'RECTIFIED')
				union select act_id from sv_referral where kind = 'CRIMINAL' and status not in ('NOT_TRANSFERRED', 'CLOSED')
				order by 1""", Map.of("since", closedSince), Long.class);
	}

	private static Alert row(ResultSet rs, int i) throws SQLException {
		Timestamp closed = rs.getTimestamp("closed_at");
		return new Alert(rs.getLong("id"), rs.getString("rule_code"), rs.getString("title"), rs.getString("article"), Severity.valueOf(rs.getString("severity")),
				AlertState.valueOf(rs.getString("state")), rs.getString("subject_kind"), rs.getLong("subject_id"), (Long) rs.getObject("act_id"),
				rs.getString("occurrence"), rs.getLong("body_id"), rs.getString("body_name"), rs.getString("reasoning"), rs.getDate("raised_on").toLocalDate(),
				rs.getDate("answer_due").toLocalDate(), rs.getTimestamp("raised_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				closed == null ? null : closed.toInstant(), rs.getLong("version"), rs.getString("subject_label"));
	}

	static String title(String code) {
		return AlertRules.title(code);
	}
}
