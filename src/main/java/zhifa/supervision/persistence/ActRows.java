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

	/** The act's columns, one report's values (its parameters named as {@link #params} names them) and the newer-version-wins update. */
	private static final String INSERT = """
				insert into sv_act (source, external_id, version, body_id, kind, matter_code, matter_name, case_number, party_kind, party_name,
				  party_masked, party_key, place_region_id, stage, act_date, received_on, filed_on, notice_served_on, statement_due, hearing_due,
				  hearing_right, hearing_requested, hearing_held, legal_review_required, legal_review_passed, decided_on, decision_outcome,
				  decision_number, fine, gains, property_value, decision_served_on, paid_total, closed_on, officer_certificates, valid_officers, demo,
				  received_at, details, decision_due)
				values """;

	private static final String ROW = """
				(:source, :externalId, :version, :bodyId, :kind, :matterCode, :matterName, :caseNumber, :partyKind, :partyName, :partyMasked,
				  :partyKey, :placeRegionId, :stage, :actDate, :receivedOn, :filedOn, :noticeServedOn, :statementDue, :hearingDue, :hearingRight,
				  :hearingRequested, :hearingHeld, :legalReviewRequired, :legalReviewPassed, :decidedOn, :decisionOutcome, :decisionNumber, :fine,
				  :gains, :propertyValue, :decisionServedOn, :paidTotal, :closedOn, string_to_array(:officers, '|'), :validOfficers, :demo, :at,
				  cast(:details as jsonb), :decisionDue)""";

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
		MapSqlParameterSource p = params(r).addValue("at", Timestamp.from(at));
		// (the database notes the act's body, and its former one, for the summaries' refresh: triggers of V96)
		List<Long> changed = jdbc.queryForList(INSERT + ROW + "\n" + ON_CONFLICT + "returning id", p, Long.class);
		if (!changed.isEmpty()) {
			return new Ledger.Recorded(changed.get(0), true);
		}
		return new Ledger.Recorded(find(r.source(), r.externalId()).orElseThrow().id(), false);
	}

	/**
	 * {@link #upsert} for many reports of one source in one statement (a bulk import's hundred acts; each external id
	 * once): the ids of the acts the reports changed, by external id, and of those they did not change.
	 */
	public Map<String, Ledger.Recorded> upsertAll(String source, List<ActReport> reports, Instant at) {
		MapSqlParameterSource p = new MapSqlParameterSource().addValue("at", Timestamp.from(at));
		StringBuilder rows = new StringBuilder();
		for (int n = 0; n < reports.size(); n++) {
			MapSqlParameterSource one = params(reports.get(n));
			for (String name : one.getParameterNames()) {
				p.addValue(name + "_" + n, one.getValue(name));
			}
			String suffix = "_" + n;
			rows.append(n == 0 ? "" : ",\n").append(PARAMETER.matcher(ROW).replaceAll(m -> m.group().equals(":at") ? ":at" : m.group() + suffix));
		}
		Map<String, Ledger.Recorded> out = new java.util.HashMap<>();
		jdbc.query(INSERT + rows + "\n" + ON_CONFLICT + "returning id, external_id", p, (java.sql.ResultSet rs) -> {
			out.put(rs.getString(2), new Ledger.Recorded(rs.getLong(1), true));
		});
		List<String> unchanged = reports.stream().map(ActReport::externalId).filter(e -> !out.containsKey(e)).toList();
		if (!unchanged.isEmpty()) {
			jdbc.query("select id, external_id from sv_act where source = :s and external_id in (:e)", Map.of("s", source, "e", unchanged),
					(java.sql.ResultSet rs) -> {
						out.put(rs.getString(2), new Ledger.Recorded(rs.getLong(1), false));
					});
		}
		return out;
	}

	private static final java.util.regex.Pattern PARAMETER = java.util.regex.Pattern.compile(":[a-zA-Z]+");

	private static MapSqlParameterSource params(ActReport r) {
		return new MapSqlParameterSource().addValue("source", r.source()).addValue("externalId", r.externalId()).addValue("version", r.version())
			.addValue("bodyId", r.bodyId()).addValue("kind", r.kind()).addValue("matterCode", r.matterCode()).addValue("matterName", r.matterName())
			.addValue("caseNumber", r.caseNumber()).addValue("partyKind", r.partyKind()).addValue("partyName", r.partyName())
			.addValue("partyMasked", r.partyMasked()).addValue("partyKey", r.partyKey()).addValue("placeRegionId", r.placeRegionId())
			.addValue("stage", r.stage()).addValue("actDate", r.actDate()).addValue("receivedOn", r.receivedOn()).addValue("filedOn", r.filedOn())
			.addValue("noticeServedOn", r.noticeServedOn()).addValue("statementDue", r.statementDue()).addValue("hearingDue", r.hearingDue())
			.addValue("hearingRight", r.hearingRight()).addValue("hearingRequested", r.hearingRequested()).addValue("hearingHeld", r.hearingHeld())
			.addValue("legalReviewRequired", r.legalReviewRequired()).addValue("legalReviewPassed", r.legalReviewPassed())
			.addValue("decidedOn", r.decidedOn()).addValue("decisionOutcome", r.decisionOutcome()).addValue("decisionNumber", r.decisionNumber())
			.addValue("fine", r.fine()).addValue("gains", r.gains()).addValue("propertyValue", r.propertyValue())
			.addValue("decisionServedOn", r.decisionServedOn()).addValue("paidTotal", r.paidTotal()).addValue("closedOn", r.closedOn())
			.addValue("officers", String.join("|", r.officerCertificates())).addValue("validOfficers", r.validOfficers()).addValue("demo", r.demo())
			.addValue("details", JSON.writeValueAsString(r.details()))
			.addValue("decisionDue", decisionDue(r));
	}

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
		return JSON.readValue(json, ActReport.Details.class);
	}

	/** The source's own due day of the decision, else ninety days from filing (行政处罚法第六十条); none before filing. */
	static LocalDate decisionDue(ActReport r) {
		if (r.details().dues() != null && r.details().dues().decision() != null) {
			return r.details().dues().decision();
		}
		return r.filedOn() == null ? null : r.filedOn().plusDays(90);
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		return rs.getDate(column) == null ? null : rs.getDate(column).toLocalDate();
	}
}
