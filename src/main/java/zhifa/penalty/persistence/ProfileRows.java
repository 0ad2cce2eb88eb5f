package zhifa.penalty.persistence;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import zhifa.penalty.ProcedureProfile;
import zhifa.penalty.ProcedureProfiles;
import zhifa.penalty.ProcedureProfile.Number;

/** The per-domain procedure numbers ({@code penalty_procedure_profile}). */
@Repository
public class ProfileRows {

	/** The profile that applies to a domain: its own, else the default (the one rule, for a domain and for a matter). */
	private static final String APPLYING = """
			select * from penalty_procedure_profile p where p.domain_code in (%s, 'DEFAULT') order by p.domain_code = 'DEFAULT' limit 1""";

	private static final String APPLYING_TO_DOMAIN = APPLYING.formatted(":d");

	private static final String FOR_MATTER = """
			select m.id as matter_id, m.body_id as matter_body_id, m.name as matter_name, p.* from matter_view m
			left join lateral (%s) p on true
			where m.id = :m""".formatted(APPLYING.formatted("m.domain_code"));

	private final NamedParameterJdbcTemplate jdbc;

	ProfileRows(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The profile that applies to the domain: its own, else the default; empty only when there is no default either. */
	public Optional<ProcedureProfile> applying(String domainCode) {
		return jdbc.query(APPLYING_TO_DOMAIN, java.util.Collections.singletonMap("d", domainCode), (rs, i) -> row(rs)).stream().findFirst();
	}

	public Optional<String> matterType(long matterId) {
		return jdbc.queryForList("select type from matter_view where id = :m", Map.of("m", matterId), String.class).stream().findFirst();
	}

	public Optional<ProcedureProfile> find(String domainCode) {
		return jdbc.query("select * from penalty_procedure_profile where domain_code = :d", Map.of("d", domainCode), (rs, i) -> row(rs)).stream()
			.findFirst();
	}

	/**
	 * A matter with the profile that applies to it (its domain's, else the default), in one statement: registration needs
	 * the matter's body and name and the numbers that apply, nothing more.
	 */
	public Optional<ProcedureProfiles.MatterProfile> forMatter(long matterId) {
		return jdbc.query(FOR_MATTER, Map.of("m", matterId), (rs, i) -> {
			if (rs.getString("domain_code") == null) {
				throw new IllegalStateException("没有默认的办案期限设置");
			}
			return new ProcedureProfiles.MatterProfile(rs.getLong("matter_id"), rs.getLong("matter_body_id"), rs.getString("matter_name"), row(rs));
		}).stream().findFirst();
	}

	public List<ProcedureProfile> all() {
		return jdbc.query("select * from penalty_procedure_profile order by domain_code = 'DEFAULT' desc, domain_code", Map.of(), (rs, i) -> row(rs));
	}

	/** The domains that can have a profile: every active 执法领域. */
	public List<String[]> domains() {
		return jdbc.query("select code, name from domain_view where active order by sort_order, code", Map.of(),
				(rs, i) -> new String[] { rs.getString(1), rs.getString(2) });
	}

	public void save(ProcedureProfile p, Instant at) {
		jdbc.update("""
				insert into penalty_procedure_profile (domain_code, filing_days, filing_source, filing_extension_days, filing_extension_source,
				  decision_days, decision_source, decision_extension_days, decision_extension_source, legal_review_days, legal_review_source,
				  statement_days, statement_source, onspot_report_days, onspot_report_source, updated_by, updated_at)
				values (:d, :f, :fs, :fe, :fes, :de, :des, :dx, :dxs, :lr, :lrs, :st, :sts, :or, :ors, :by, :at)
				on conflict (domain_code) do update set filing_days = excluded.filing_days, filing_source = excluded.filing_source,
				  filing_extension_days = excluded.filing_extension_days, filing_extension_source = excluded.filing_extension_source,
				  decision_days = excluded.decision_days, decision_source = excluded.decision_source,
				  decision_extension_days = excluded.decision_extension_days, decision_extension_source = excluded.decision_extension_source,
				  legal_review_days = excluded.legal_review_days, legal_review_source = excluded.legal_review_source,
				  statement_days = excluded.statement_days, statement_source = excluded.statement_source,
				  onspot_report_days = excluded.onspot_report_days, onspot_report_source = excluded.onspot_report_source,
				  updated_by = excluded.updated_by, updated_at = excluded.updated_at""",
				new MapSqlParameterSource().addValue("d", p.domainCode()).addValue("f", p.filing().days()).addValue("fs", p.filing().source())
					.addValue("fe", p.filingExtension().days()).addValue("fes", p.filingExtension().source()).addValue("de", p.decision().days())
					.addValue("des", p.decision().source()).addValue("dx", p.decisionExtension().days()).addValue("dxs", p.decisionExtension().source())
					.addValue("lr", p.legalReview().days()).addValue("lrs", p.legalReview().source()).addValue("st", p.statement().days())
					.addValue("sts", p.statement().source()).addValue("or", p.onspotReport().days()).addValue("ors", p.onspotReport().source())
					.addValue("by", p.updatedBy()).addValue("at", Timestamp.from(at)));
	}

	/** The columns of a profile (each read as {@code <prefix><column>} by {@link #profile}). */
	static final List<String> COLUMNS = List.of("domain_code", "filing_days", "filing_source", "filing_extension_days", "filing_extension_source",
			"decision_days", "decision_source", "decision_extension_days", "decision_extension_source", "legal_review_days", "legal_review_source",
			"statement_days", "statement_source", "onspot_report_days", "onspot_report_source", "updated_by");

	/**
	 * The join that gives a case's read the profile applying to its matter's domain as {@code pp} ({@code domainCode}: the
	 * SQL expression of the domain code), so that a step does not read it again.
	 */
	static String applyingJoin(String domainCode) {
		return "left join lateral (" + APPLYING.formatted(domainCode) + ") pp on true";
	}

	private static ProcedureProfile row(ResultSet rs) {
		return profile(PenaltyRows.columns(rs, "penalty_procedure_profile"), "");
	}

	/** A profile from its columns, each named {@code prefix + column}; null when the read had none. */
	static ProcedureProfile profile(zhifa.casework.Cases.Columns c, String prefix) {
		String domain = c.get(prefix + "domain_code", String.class);
		if (domain == null) {
			return null;
		}
		return new ProcedureProfile(domain, n(c, prefix, "filing"), n(c, prefix, "filing_extension"), n(c, prefix, "decision"),
				n(c, prefix, "decision_extension"), n(c, prefix, "legal_review"), n(c, prefix, "statement"), n(c, prefix, "onspot_report"),
				c.get(prefix + "updated_by", String.class));
	}

	private static Number n(zhifa.casework.Cases.Columns c, String prefix, String name) {
		return new Number(c.get(prefix + name + "_days", Integer.class), c.get(prefix + name + "_source", String.class));
	}
}
