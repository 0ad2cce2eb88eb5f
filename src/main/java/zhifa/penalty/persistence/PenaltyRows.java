package zhifa.penalty.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import zhifa.discretion.PenaltyType;
import zhifa.penalty.DecisionOutcome;
import zhifa.penalty.PenaltyCase;
import zhifa.penalty.ProcedureProfile;
import zhifa.penalty.Sanction;
import zhifa.penalty.TriageOutcome;

/** What only a penalty case has ({@code penalty_case}, one row per kernel case). */
@Repository
public class PenaltyRows {

	/** The penalty columns of one case. */
	public record Row(boolean simple, boolean seriousHarm, TriageOutcome outcome, String outcomeReason, String educationRecord, String handedOverTo,
			DecisionOutcome decisionOutcome, String decisionNumber, LocalDate decidedOn, PenaltyCase.Decision decision, ProcedureProfile profile) {

		/** The row with the profile applying to its case's domain, read apart ({@link #load} has none). */
		public Row withProfile(ProcedureProfile p) {
			return new Row(simple, seriousHarm, outcome, outcomeReason, educationRecord, handedOverTo, decisionOutcome, decisionNumber, decidedOn, decision,
					p);
		}
	}

	private final NamedParameterJdbcTemplate jdbc;

	PenaltyRows(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The head's opinion on filing, as written (null: none written). */
	public void filingOpinion(long caseId, String opinion) {
		jdbc.update("update penalty_case set filing_opinion = :o where case_id = :id", new MapSqlParameterSource("o", opinion).addValue("id", caseId));
	}

	/** 报请立案: the handling officer's opinion on the clue, who wrote it and when (a later request replaces it). */
	public void filingRequest(long caseId, String opinion, LocalDate on, String by) {
		jdbc.update("update penalty_case set filing_request = :o, filing_requested_on = :d, filing_requested_by = :b where case_id = :id",
				new MapSqlParameterSource("o", opinion).addValue("d", on).addValue("b", by).addValue("id", caseId));
	}

	public java.util.Optional<zhifa.penalty.PenaltyCases.FilingRequest> filingRequest(long caseId) {
		return jdbc.query("select filing_request, filing_requested_on, filing_requested_by from penalty_case where case_id = :id and filing_request is not null",
				Map.of("id", caseId), (rs, i) -> new zhifa.penalty.PenaltyCases.FilingRequest(rs.getString(1), date(rs, "filing_requested_on"), rs.getString(3)))
			.stream().findFirst();
	}

	/** The requests to file among these cases, by case id (one read for a page of the workbench). */
	public Map<Long, zhifa.penalty.PenaltyCases.FilingRequest> filingRequests(java.util.Collection<Long> caseIds) {
		Map<Long, zhifa.penalty.PenaltyCases.FilingRequest> out = new java.util.HashMap<>();
		if (caseIds.isEmpty()) {
			return out;
		}
		jdbc.query("select case_id, filing_request, filing_requested_on, filing_requested_by from penalty_case where case_id = any(:ids) and filing_request is not null",
				new MapSqlParameterSource("ids", caseIds.toArray(Long[]::new)), rs -> {
					out.put(rs.getLong(1), new zhifa.penalty.PenaltyCases.FilingRequest(rs.getString(2), date(rs, "filing_requested_on"), rs.getString(4)));
				});
		return out;
	}

	public java.util.Optional<String> filingOpinion(long caseId) {
		return jdbc.queryForList("select filing_opinion from penalty_case where case_id = :id and filing_opinion is not null", Map.of("id", caseId),
				String.class).stream().findFirst();
	}

	/**
	 * Inserts the penalty part of a new case and returns it as written: its procedure and harm, nothing decided yet, nothing
	 * paid (the columns' defaults; the registration test compares the answer with the case read afresh), with the profile
	 * that registration read for its matter.
	 */
	public Row insert(long caseId, boolean simple, boolean seriousHarm, ProcedureProfile profile) {
		jdbc.getJdbcTemplate().update("insert into penalty_case (case_id, procedure, serious_harm) values (?, ?, ?)", caseId, simple ? "SIMPLE" : "GENERAL",
				seriousHarm);
		return new Row(simple, seriousHarm, null, null, null, null, null, null, null,
				new PenaltyCase.Decision(sanction(null, null, null, null, null), null, false, null, null, null, 0), profile);
	}

	public Map<Long, Row> load(Collection<Long> caseIds) {
		Map<Long, Row> rows = new HashMap<>();
		if (caseIds.isEmpty()) {
			return rows;
		}
		jdbc.query(LOAD, Map.of("ids", caseIds), (ResultSet rs) -> {
					rows.put(rs.getLong("case_id"), row(rs));
				});
		return rows;
	}

	public void declined(long caseId, TriageOutcome outcome, String reason, String education, Long handedOverTo) {
		jdbc.update("""
				update penalty_case set outcome = :o, outcome_reason = :r, education_record = :e, handed_over_to = :h where case_id = :id""",
				new MapSqlParameterSource().addValue("o", outcome.name()).addValue("r", reason).addValue("e", education).addValue("h", handedOverTo)
					.addValue("id", caseId));
	}

	public void decided(long caseId, DecisionOutcome outcome, LocalDate on, String number, Sanction s, String text, String education,
			TriageOutcome reason) {
		jdbc.update("""
				update penalty_case set decision_outcome = :o, decided_on = :d, decision_number = :n, decision_types = :t, decision_fine = :f,
				  decision_gains = :co, decision_property = :pr, decision_property_value = :pv, decision_text = :x, education_record = coalesce(:e, education_record), outcome = coalesce(:rc, outcome)
				where case_id = :id""",
				new MapSqlParameterSource().addValue("o", outcome.name()).addValue("d", on).addValue("n", number).addValue("t", types(s))
					.addValue("f", s.fine()).addValue("co", s.gains()).addValue("pr", s.property()).addValue("pv", s.propertyValue()).addValue("x", text).addValue("e", education)
					.addValue("rc", reason == null ? null : reason.name()).addValue("id", caseId));
	}

	public void decidedOnTheSpot(long caseId, LocalDate on, String number, Sanction s, String text, boolean collected) {
		jdbc.update("""
				update penalty_case set procedure = 'SIMPLE', decision_outcome = 'PENALTY', decided_on = :d, decision_number = :n, decision_types = :t,
				  decision_fine = :f, decision_text = :x, collected_on_spot = :col where case_id = :id""",
				new MapSqlParameterSource().addValue("d", on).addValue("n", number).addValue("t", types(s)).addValue("f", s.fine()).addValue("x", text)
					.addValue("col", collected).addValue("id", caseId));
	}

	public void handedIn(long caseId, LocalDate on) {
		jdbc.update("update penalty_case set handed_in_on = :d where case_id = :id", Map.of("d", on, "id", caseId));
	}

	public void reported(long caseId, LocalDate on) {
		jdbc.update("update penalty_case set reported_on = :d where case_id = :id", Map.of("d", on, "id", caseId));
	}

	public void closed(long caseId, String report) {
		jdbc.update("update penalty_case set closure_report = :r where case_id = :id", Map.of("r", report, "id", caseId));
	}

	/**
	 * Earlier fines on the same party for an act overlapping this one under a provision the two matters share (行政处罚法
	 * 第二十九条, 一事不二罚款), as "机关 文号 罚款金额".
	 */
	public List<String> earlierFines(long caseId, LocalDate actStart, LocalDate actEnd, long matterId) {
		return jdbc.query("""
				select p.decision_number, p.decision_fine, b.name from penalty_case p join case_view x on x.id = p.case_id join body_view b on b.id = x.body_id
				where x.id <> :id and x.party_key = (select party_key from case_view where id = :id) and p.decision_outcome = 'PENALTY'
				  and p.decision_fine is not null and x.act_date <= :end and coalesce(x.act_end_date, x.act_date) >= :start
				  and exists (select 1 from matter_basis_view a join matter_basis_view q on a.provision_id = q.provision_id
				              where a.matter_id = x.matter_id and q.matter_id = :m)""",
				new MapSqlParameterSource().addValue("id", caseId).addValue("start", actStart).addValue("end", actEnd).addValue("m", matterId),
				(rs, i) -> rs.getString(3) + " " + rs.getString(1) + " 罚款" + Sanction.yuan(rs.getLong(2)));
	}

	static String types(Sanction s) {
		return s.types().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
	}

	public static Sanction sanction(String types, Long fine, Long gains, String property, Long propertyValue) {
		Set<PenaltyType> t = types == null || types.isBlank() ? EnumSet.noneOf(PenaltyType.class)
				: Arrays.stream(types.split(",")).map(PenaltyType::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(PenaltyType.class)));
		return new Sanction(t, fine, gains, property, propertyValue);
	}

	/** The sanction stored in the columns {@code <prefix>types, fine, gains, property, property_value}. */
	static Sanction sanction(ResultSet rs, String prefix) throws SQLException {
		return sanction(rs.getString(prefix + "types"), (Long) rs.getObject(prefix + "fine"), (Long) rs.getObject(prefix + "gains"),
				rs.getString(prefix + "property"), (Long) rs.getObject(prefix + "property_value"));
	}

	private static Row row(ResultSet rs) {
		return row(columns(rs, "penalty_case"));
	}

	/** The current row of {@code rs} as {@link zhifa.casework.Cases.Columns} ({@code table}: for the message of a failed read). */
	static zhifa.casework.Cases.Columns columns(ResultSet rs, String table) {
		return new zhifa.casework.Cases.Columns() {
			@Override
			public <X> X get(String column, Class<X> type) {
				try {
					return rs.getObject(column, type);
				}
				catch (SQLException e) {
					throw new IllegalStateException(table + "." + column, e);
				}
			}
		};
	}

	/** The penalty row of cases read apart, with the name of the body handed over to (the profiles are read for all at once). */
	private static final String LOAD = """
			select p.*, hb.name as handed_name from penalty_case p left join body_view hb on hb.id = p.handed_over_to where p.case_id in (:ids)""";

	/** The derived columns of {@link #PART}: the handed-over body's name, the profile's columns as {@code pp_<column>}. */
	private static final Map<String, String> DERIVED = derived();

	private static Map<String, String> derived() {
		Map<String, String> m = new java.util.LinkedHashMap<>();
		m.put("handed_name", "hb.name");
		ProfileRows.COLUMNS.forEach(c -> m.put("pp_" + c, "pp." + c));
		return java.util.Collections.unmodifiableMap(m);
	}

	/** The penalty columns a row is made of (with {@code handed_name}, the name of the body handed over to). */
	private static final List<String> COLUMNS = List.of("procedure", "serious_harm", "outcome", "outcome_reason", "education_record", "decision_outcome",
			"decision_number", "decided_on", "decision_types", "decision_fine", "decision_gains", "decision_property", "decision_property_value",
			"decision_text", "collected_on_spot", "handed_in_on", "reported_on", "closure_report", "paid_total");

	/** One way to make a row, whether read alone ({@link #load}) or with its case ({@link #PART}). */
	private static Row row(zhifa.casework.Cases.Columns c) {
		String outcome = c.get("outcome", String.class);
		String decisionOutcome = c.get("decision_outcome", String.class);
		Long paid = c.get("paid_total", Long.class);
		return new Row("SIMPLE".equals(c.get("procedure", String.class)), Boolean.TRUE.equals(c.get("serious_harm", Boolean.class)),
				outcome == null ? null : TriageOutcome.valueOf(outcome), c.get("outcome_reason", String.class), c.get("education_record", String.class),
				c.get("handed_name", String.class), decisionOutcome == null ? null : DecisionOutcome.valueOf(decisionOutcome),
				c.get("decision_number", String.class), c.get("decided_on", LocalDate.class),
				new PenaltyCase.Decision(
						sanction(c.get("decision_types", String.class), c.get("decision_fine", Long.class), c.get("decision_gains", Long.class),
								c.get("decision_property", String.class), c.get("decision_property_value", Long.class)),
						c.get("decision_text", String.class), Boolean.TRUE.equals(c.get("collected_on_spot", Boolean.class)), c.get("handed_in_on", LocalDate.class),
						c.get("reported_on", LocalDate.class), c.get("closure_report", String.class), paid == null ? 0 : paid),
				null);
	}

	/** The penalty row of a case read with the case ({@link zhifa.casework.Cases#get(zhifa.shared.DataScope, long, zhifa.casework.Cases.Part)}). */
	public static final zhifa.casework.Cases.Part<Row> PART = new zhifa.casework.Cases.Part<>() {

		@Override
		public String table() {
			return "penalty_case";
		}

		@Override
		public List<String> columns() {
			return COLUMNS;
		}

		@Override
		public Map<String, String> derived() {
			return DERIVED;
		}

		@Override
		public String joins() {
			// m: the case's matter in the kernel's read
			return "left join body_view hb on hb.id = p.handed_over_to\n" + ProfileRows.applyingJoin("m.domain_code");
		}

		@Override
		public Row map(zhifa.casework.Cases.Columns row) {
			return PenaltyRows.row(row).withProfile(ProfileRows.profile(row, "pp_"));
		}
	};

	static LocalDate date(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, LocalDate.class);
	}
}
