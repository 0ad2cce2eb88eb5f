package zhifa.supervision.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import zhifa.supervision.Act;
import zhifa.supervision.ActReport;
import zhifa.supervision.Ledger;

/** The ledger's table {@code sv_act}. */
@Repository
public class ActRows {

	private final NamedParameterJdbcTemplate jdbc;

	ActRows(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The act's columns and the newer-version-wins update. */
	private static final String INSERT = """
				insert into sv_act (source, external_id, version, body_id, kind, matter_code, matter_name, case_number, party_kind, party_name,
				  party_masked, party_key, place_region_id, stage, act_date, received_on, filed_on, notice_served_on, statement_due, hearing_due,
				  hearing_right, hearing_requested, hearing_held, legal_review_required, legal_review_passed, decided_on, decision_outcome,
				  decision_number, fine, gains, property_value, decision_served_on, paid_total, closed_on, officer_certificates, valid_officers, demo,
				  received_at, details, decision_due)
				""";

	private static final String ON_CONFLICT = """
				on conflict (source, external_id) do update set version = excluded.version, body_id = excluded.body_id, kind = excluded.kind,
				  matter_code = excluded.matter_code, matter_name = excluded.matter_name, case_number = excluded.case_number,
				  party_kind = excluded.party_kind, party_name = excluded.party_name, party_masked = excluded.party_masked,
				  party_key = excluded.party_key, place_region_id = excluded.place_region_id, stage = excluded.stage, act_date = excluded.act_date,
				  received_on = excluded.received_on, filed_on = excluded.filed_on, notice_served_on = excluded.notice_served_on,
				  statement_due = excluded.statement_due, hearing_due = excluded.hearing_due, hearing_right = excluded.hearing_right,
				  hearing_requested = excluded.hearing_requested, hearing_held = excluded.hearing_held,
				  legal_review_required = excluded.legal_review_required, legal_review_passed = excluded.legal_review_passed,
				  decided_on = excluded.decided_on, decision_outcome = excluded.decision_outcome, decision_number = excluded.decision_number,
				  fine = excluded.fine, gains = excluded.gains, property_value = excluded.property_value,
				  decision_served_on = excluded.decision_served_on, paid_total = excluded.paid_total, closed_on = excluded.closed_on,
				  officer_certificates = excluded.officer_certificates, valid_officers = excluded.valid_officers, demo = excluded.demo,
				  received_at = excluded.received_at, details = excluded.details, decision_due = excluded.decision_due
				where sv_act.version < excluded.version
				""";

	/** Inserts the act, or replaces it when this report's version is newer; an older or equal version changes nothing. */
	public Ledger.Recorded upsert(ActReport r, Instant at) {
		// (the database notes the act's body, and its former one, for the summaries' refresh: triggers of V96)
		return upsertAll(r.source(), List.of(r), at).get(r.externalId());
	}

	/**
	 * {@link #upsert} for many reports of one source in one statement (a bulk import's hundred acts, the ledger queue's
	 * batch; each external id once): the ids of the acts the reports changed, by external id, and of those they did not
	 * change. The rows travel as one array per column through {@code unnest}, so the statement's text is the same
	 * whatever the number of rows: prepared once by the server, and nothing for Java to rewrite per row.
	 */
	public Map<String, Ledger.Recorded> upsertAll(String source, List<ActReport> reports, Instant at) {
		int n = reports.size();
		String[][] c = new String[15][n];
		Long[] version = new Long[n], body = new Long[n], place = new Long[n], fine = new Long[n], gains = new Long[n], property = new Long[n],
				paid = new Long[n];
		Integer[] valid = new Integer[n];
		String[][] dates = new String[10][n];
		Boolean[][] flags = new Boolean[6][n];
		for (int i = 0; i < n; i++) {
			ActReport r = reports.get(i);
			String[] t = { r.source(), r.externalId(), r.kind(), r.matterCode(), r.matterName(), r.caseNumber(), r.partyKind(), r.partyName(),
					r.partyMasked(), r.partyKey(), r.stage(), r.decisionOutcome(), r.decisionNumber(), JSON.writeValueAsString(r.officerCertificates()),
					JSON.writeValueAsString(r.details()) };
			for (int k = 0; k < t.length; k++) {
				c[k][i] = t[k];
			}
			version[i] = r.version();
			body[i] = r.bodyId();
			place[i] = r.placeRegionId();
			fine[i] = r.fine();
			gains[i] = r.gains();
			property[i] = r.propertyValue();
			paid[i] = r.paidTotal();
			valid[i] = r.validOfficers();
			LocalDate[] d = { r.actDate(), r.receivedOn(), r.filedOn(), r.noticeServedOn(), r.statementDue(), r.hearingDue(), r.decidedOn(),
					r.decisionServedOn(), r.closedOn(), decisionDue(r) };
			for (int k = 0; k < d.length; k++) {
				dates[k][i] = d[k] == null ? null : d[k].toString();
			}
			boolean[] b = { r.hearingRight(), r.hearingRequested(), r.hearingHeld(), r.legalReviewRequired(), r.legalReviewPassed(), r.demo() };
			for (int k = 0; k < b.length; k++) {
				flags[k][i] = b[k];
			}
		}
		Object[] args = { Timestamp.from(at), c[0], c[1], version, body, c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], place, c[10], dates[0],
				dates[1], dates[2], dates[3], dates[4], dates[5], flags[0], flags[1], flags[2], flags[3], flags[4], dates[6], c[11], c[12], fine, gains,
				property, dates[7], paid, dates[8], c[13], valid, flags[5], c[14], dates[9] };
		Map<String, Ledger.Recorded> out = new java.util.HashMap<>();
		jdbc.getJdbcOperations().query(UPSERT_ALL, (java.sql.ResultSet rs) -> {
			out.put(rs.getString(2), new Ledger.Recorded(rs.getLong(1), true));
		}, args);
		List<String> unchanged = reports.stream().map(ActReport::externalId).filter(e -> !out.containsKey(e)).toList();
		if (!unchanged.isEmpty()) {
			jdbc.query("select id, external_id from sv_act where source = :s and external_id = any(cast(:e as varchar[]))",
					Map.of("s", source, "e", unchanged.toArray(String[]::new)),
					(java.sql.ResultSet rs) -> {
						out.put(rs.getString(2), new Ledger.Recorded(rs.getLong(1), false));
					});
		}
		return out;
	}

	/** {@link #INSERT} from one array per column, in the order of the reports (ids follow it), and {@link #ON_CONFLICT}. */
	private static final String UPSERT_ALL = INSERT + """
				select k.source, k.external_id, k.version, k.body_id, k.kind, k.matter_code, k.matter_name, k.case_number, k.party_kind, k.party_name,
				  k.party_masked, k.party_key, k.place_region_id, k.stage, k.act_date, k.received_on, k.filed_on, k.notice_served_on, k.statement_due,
				  k.hearing_due, k.hearing_right, k.hearing_requested, k.hearing_held, k.legal_review_required, k.legal_review_passed, k.decided_on,
				  k.decision_outcome, k.decision_number, k.fine, k.gains, k.property_value, k.decision_served_on, k.paid_total, k.closed_on,
				  array(select jsonb_array_elements_text(cast(k.officers as jsonb))), k.valid_officers, k.demo, ?, cast(k.details as jsonb), k.decision_due
				from unnest(?::varchar[], ?::varchar[], ?::bigint[], ?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
				  ?::varchar[], ?::varchar[], ?::varchar[], ?::bigint[], ?::varchar[], ?::date[], ?::date[], ?::date[], ?::date[], ?::date[], ?::date[],
				  ?::boolean[], ?::boolean[], ?::boolean[], ?::boolean[], ?::boolean[], ?::date[], ?::varchar[], ?::varchar[], ?::bigint[], ?::bigint[],
				  ?::bigint[], ?::date[], ?::bigint[], ?::date[], ?::text[], ?::integer[], ?::boolean[], ?::text[], ?::date[])
				  with ordinality as k(source, external_id, version, body_id, kind, matter_code, matter_name, case_number, party_kind, party_name,
				  party_masked, party_key, place_region_id, stage, act_date, received_on, filed_on, notice_served_on, statement_due, hearing_due,
				  hearing_right, hearing_requested, hearing_held, legal_review_required, legal_review_passed, decided_on, decision_outcome,
				  decision_number, fine, gains, property_value, decision_served_on, paid_total, closed_on, officers, valid_officers, demo, details,
				  decision_due, n)
				order by k.n
				""" + ON_CONFLICT + "returning id, external_id";

	/** Platform cases with no act in the ledger (oldest first). */
	public List<Long> platformCasesMissing(long after, int limit) {
		return jdbc.queryForList("select c.id from case_view c where c.id > :after and not exists (select 1 from sv_act a where a.source = 'PLATFORM' and a.external_id = c.id::text) "
				+ "and not exists (select 1 from sv_ledger_queue q where q.kind = 'CASE' and q.ref = c.id) order by c.id limit :limit",
				Map.of("after", after, "limit", limit), Long.class);
	}

	public Optional<Act> find(String source, String externalId) {
		return jdbc.query("select * from sv_act where source = :s and external_id = :e", Map.of("s", source, "e", externalId), (rs, i) -> row(rs)).stream()
			.findFirst();
	}

	/** Act ids with their bodies after {@code after}, ascending (for a full push). */
	public Map<Long, Long> idsAfter(long after, int limit) {
		Map<Long, Long> m = new java.util.LinkedHashMap<>();
		jdbc.query("select id, body_id from sv_act where id > :a order by id limit :n", Map.of("a", after, "n", limit), rs -> {
			m.put(rs.getLong(1), rs.getLong(2));
		});
		return m;
	}

	public Optional<Act> find(long id) {
		return jdbc.query("select * from sv_act where id = :id", Map.of("id", id), (rs, i) -> row(rs)).stream().findFirst();
	}

	public java.util.Set<Long> existing(java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return java.util.Set.of();
		}
		return new java.util.HashSet<>(jdbc.queryForList("select id from sv_act where id = any(:ids)", Map.of("ids", ids.toArray(Long[]::new)), Long.class));
	}

	/** The acts of the ids that exist, in one read. */
	public List<Act> find(java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.query("select * from sv_act where id = any(:ids)", Map.of("ids", ids.toArray(Long[]::new)), (rs, i) -> row(rs));
	}

	/** The acts of one party (by its key), for the rules that look at a party's history (以罚代管). */
	public List<Act> ofParty(String partyKey, int limit) {
		return jdbc.query("select * from sv_act where party_key = :k order by decided_on desc nulls last, id desc limit :n",
				Map.of("k", partyKey, "n", limit), (rs, i) -> row(rs));
	}

	/** {@link #ofParty} for many keys in one statement (same order and limit per key), by key. */
	public Map<String, List<Act>> ofParties(java.util.Collection<String> partyKeys, int limit) {
		Map<String, List<Act>> out = new java.util.HashMap<>();
		jdbc.query("""
				select a.* from unnest(cast(:k as varchar[])) with ordinality as k(key, n)
				cross join lateral (select * from sv_act where party_key = k.key order by decided_on desc nulls last, id desc limit :n) a
				order by k.n, a.decided_on desc nulls last, a.id desc""",
				new MapSqlParameterSource().addValue("k", partyKeys.toArray(String[]::new)).addValue("n", limit), (rs, i) -> row(rs))
			.forEach(a -> out.computeIfAbsent(a.report().partyKey(), x -> new java.util.ArrayList<>()).add(a));
		return out;
	}

	/** A body's acts counting in the year, grouped for the yearly tables, as the ledger stands now. */
	public List<zhifa.supervision.YearTally> yearTallies(long bodyId, int year) {
		return jdbc.query(TALLY_COLUMNS + " from (select body_id, year, kind, decision_outcome, decided_year, penalty_types, checked_year, measures, "
				+ "count(*) as acts, sum(money) as money from sv_act_year where body_id = :b and year = :y "
				+ "group by body_id, year, kind, decision_outcome, decided_year, penalty_types, checked_year, measures) t",
				Map.of("b", bodyId, "y", year), (rs, i) -> tally(rs));
	}

	/** The bodies' tallies of the year from the tally kept by body (as of its last refresh, with the dashboard's). */
	public Map<Long, List<zhifa.supervision.YearTally>> yearTallies(java.util.Collection<Long> bodyIds, int year) {
		Map<Long, List<zhifa.supervision.YearTally>> out = new java.util.HashMap<>();
		if (bodyIds.isEmpty()) {
			return out;
		}
		jdbc.query(TALLY_COLUMNS + " from sv_act_year_tally t where t.body_id in (:b) and t.year = :y", Map.of("b", bodyIds, "y", year),
				(org.springframework.jdbc.core.RowCallbackHandler) rs -> out.computeIfAbsent(rs.getLong("body_id"), k -> new java.util.ArrayList<>()).add(tally(rs)));
		return out;
	}

	private static final String TALLY_COLUMNS = """
			select t.body_id, t.kind, t.decision_outcome, t.decided_year, t.checked_year, t.acts, t.money,
			  array(select jsonb_array_elements_text(t.penalty_types)) as types,
			  array(select m ->> 0 from jsonb_array_elements(t.measures) m) as measure_kinds,
			  array(select (m ->> 1)::int from jsonb_array_elements(t.measures) m) as measure_years""";

	private static zhifa.supervision.YearTally tally(ResultSet rs) throws SQLException {
		String[] kinds = (String[]) rs.getArray("measure_kinds").getArray();
		Integer[] years = (Integer[]) rs.getArray("measure_years").getArray();
		List<zhifa.supervision.YearTally.MeasureYear> measures = new java.util.ArrayList<>();
		for (int i = 0; i < kinds.length; i++) {
			measures.add(new zhifa.supervision.YearTally.MeasureYear(kinds[i], years[i] == null || years[i] == 0 ? null : years[i]));
		}
		String outcome = rs.getString("decision_outcome");
		int decided = rs.getInt("decided_year");
		int checked = rs.getInt("checked_year");
		return new zhifa.supervision.YearTally(rs.getString("kind"), outcome.isEmpty() ? null : outcome, decided == 0 ? null : decided,
				List.of((String[]) rs.getArray("types").getArray()), checked == 0 ? null : checked, measures, rs.getLong("acts"), rs.getLong("money"));
	}

	static Act row(ResultSet rs) throws SQLException {
		Array officers = rs.getArray("officer_certificates");
		List<String> certificates = officers == null ? List.of() : Arrays.stream((Object[]) officers.getArray()).map(String::valueOf).toList();
		return new Act(rs.getLong("id"), new ActReport(rs.getString("source"), rs.getString("external_id"), rs.getLong("version"), rs.getLong("body_id"),
				rs.getString("kind"), rs.getString("matter_code"), rs.getString("matter_name"), rs.getString("case_number"), rs.getString("party_kind"),
				rs.getString("party_name"), rs.getString("party_masked"), rs.getString("party_key"), (Long) rs.getObject("place_region_id"),
				rs.getString("stage"), date(rs, "act_date"), date(rs, "received_on"), date(rs, "filed_on"), date(rs, "notice_served_on"),
				date(rs, "statement_due"), date(rs, "hearing_due"), rs.getBoolean("hearing_right"), rs.getBoolean("hearing_requested"),
				rs.getBoolean("hearing_held"), rs.getBoolean("legal_review_required"), rs.getBoolean("legal_review_passed"), date(rs, "decided_on"),
				rs.getString("decision_outcome"), rs.getString("decision_number"), (Long) rs.getObject("fine"), (Long) rs.getObject("gains"),
				(Long) rs.getObject("property_value"), date(rs, "decision_served_on"), rs.getLong("paid_total"), date(rs, "closed_on"), certificates,
				rs.getInt("valid_officers"), rs.getBoolean("demo"), details(rs.getString("details"))), rs.getTimestamp("received_at").toInstant());
	}

	/**
	 * Details as stored: a field missing from an older document reads as its empty value, an unknown one (written by a newer
	 * version during a rolling upgrade) is ignored — reading the ledger never fails on the shape of a document.
	 */
	private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
		.disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private static ActReport.Details details(String json) {
		if (json == null || json.isBlank() || json.equals("{}")) {
			return ActReport.Details.NONE;
		}
		// the same document is read again and again (the queue's batch, then the alert rules; most clues' details are
		// alike): parsed once while it is among the last thousand (the details are immutable)
		ActReport.Details d = PARSED.get(json);
		if (d == null) {
			d = JSON.readValue(json, ActReport.Details.class);
			if (PARSED.size() >= 1_000) {
				PARSED.clear();
			}
			PARSED.put(json, d);
		}
		return d;
	}

	private static final java.util.concurrent.ConcurrentHashMap<String, ActReport.Details> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

	/** The source's own due day of the decision, else ninety days from filing (行政处罚法第六十条); none before filing. */
	static LocalDate decisionDue(ActReport r) {
		if (r.details().dues() != null && r.details().dues().decision() != null) {
			return r.details().dues().decision();
		}
		return r.filedOn() == null ? null : r.filedOn().plusDays(90);
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		// the driver reads a date as a LocalDate directly (no java.sql.Date through the default time zone)
		return rs.getObject(column, LocalDate.class);
	}
}
