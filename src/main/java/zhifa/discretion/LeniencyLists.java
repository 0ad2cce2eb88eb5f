package zhifa.discretion;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.organization.Regions;
import zhifa.record.FullProcessRecord;
import zhifa.shared.BusinessRuleViolation;

/**
 * 减免责清单 (云政办发〔2022〕51号; RULES.md §6) and 较大数额 hearing thresholds (行政处罚法第六十三条; RULES.md §2 —
 * reference data with their source documents). An item matches a case when it is in force on the act date, was issued for
 * the body's region or a region above it, concerns the same violation and every required circumstance is present.
 */
@Service
public class LeniencyLists {

	private final NamedParameterJdbcTemplate jdbc;
	private final Regions regions;
	private final zhifa.organization.Domains domains;
	private final FullProcessRecord record;
	private final Clock clock;

	LeniencyLists(NamedParameterJdbcTemplate jdbc, Regions regions, zhifa.organization.Domains domains, FullProcessRecord record, Clock clock) {
		this.domains = domains;
		this.jdbc = jdbc;
		this.regions = regions;
		this.record = record;
		this.clock = clock;
	}

	/** One list item. */
	public record Item(long id, LeniencyType type, long regionId, String regionName, String violationCode, String matter, String legalBasis,
			Set<Circumstance> required, String conditions, String exclusions, String measures, String issuer, String documentNumber,
			LocalDate validFrom, LocalDate validTo) {
	}

	public record NewItem(LeniencyType type, Long regionId, String violationCode, String matter, String legalBasis, Set<Circumstance> required,
			String conditions, String exclusions, String measures, String issuer, String documentNumber, LocalDate validFrom, LocalDate validTo) {
	}

	private static final String SELECT = "select l.*, r.name as region_name from leniency_item l join region_view r on r.id = l.region_id";

	public List<Item> all() {
		return jdbc.query(SELECT + " order by l.list_type, l.violation_code", Map.of(), (rs, i) -> item(rs));
	}

	@Transactional
	public Item add(NewItem n, boolean demo) {
		if (n.type() == null || n.regionId() == null || blank(n.violationCode()) || blank(n.matter()) || blank(n.legalBasis()) || blank(n.issuer())
				|| blank(n.documentNumber()) || n.validFrom() == null) {
			throw new BusinessRuleViolation("请完整填写清单种类、适用区划、违法行为编码、事项、法律依据、制定机关、文号和施行日期");
		}
		if (n.validTo() != null && !n.validTo().isAfter(n.validFrom())) {
			throw BusinessRuleViolation.onField("validTo", "有效期截止日期应晚于施行日期");
		}
		regions.get(n.regionId());
		long id = jdbc.queryForObject("""
				insert into leniency_item (list_type, region_id, violation_code, matter, legal_basis, required, conditions, exclusions, measures,
				  issuer, document_number, valid_from, valid_to, demo, created_at)
				values (:t, :r, :v, :m, :b, :req, :c, :x, :me, :i, :d, :f, :to, :demo, :now) returning id""",
				new MapSqlParameterSource().addValue("t", n.type().name()).addValue("r", n.regionId()).addValue("v", n.violationCode().strip().toUpperCase())
					.addValue("m", n.matter().strip()).addValue("b", n.legalBasis().strip())
					.addValue("req", n.required() == null ? "" : n.required().stream().sorted().map(Enum::name).collect(Collectors.joining(",")))
					.addValue("c", text(n.conditions())).addValue("x", text(n.exclusions())).addValue("me", text(n.measures()))
					.addValue("i", n.issuer().strip()).addValue("d", n.documentNumber().strip()).addValue("f", n.validFrom()).addValue("to", n.validTo())
					.addValue("demo", demo).addValue("now", Timestamp.from(clock.instant())),
				Long.class);
		record.append("leniency_item", id, null, "leniency.added", "减免责清单（" + n.type().label() + "）新增“" + n.matter().strip() + "”",
				Map.of("violationCode", n.violationCode(), "documentNumber", n.documentNumber(), "issuer", n.issuer()));
		return jdbc.query(SELECT + " where l.id = :id", Map.of("id", id), (rs, i) -> item(rs)).get(0);
	}

	/** Items that apply to a case: same violation, in force on the day, issued at or above the body's region, conditions met. */
	public List<Item> matching(String violationCode, String bodyRegionPath, LocalDate day, Set<Circumstance> present) {
		List<Long> chain = Arrays.stream(bodyRegionPath.split("/")).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
		return jdbc.query(SELECT + " where l.violation_code = :v and l.valid_from <= :d and (l.valid_to is null or l.valid_to > :d) and l.region_id in (:r)",
				new MapSqlParameterSource().addValue("v", violationCode).addValue("d", day).addValue("r", chain), (rs, i) -> item(rs))
			.stream().filter(i -> present.containsAll(i.required())).toList();
	}

	// ---- hearing thresholds

	/** 较大数额: a fine at or above it gives the party the right to a hearing. Amount in fen. */
	public record HearingThreshold(long id, String domainCode, long regionId, String regionName, zhifa.casework.PartyType partyType, long amount,
			String sourceDocument, LocalDate effectiveFrom, String note) {
	}

	public List<HearingThreshold> thresholds() {
		return jdbc.query("select h.*, r.name as region_name from hearing_threshold h join region_view r on r.id = h.region_id order by h.domain_code, h.party_type",
				Map.of(), (rs, i) -> threshold(rs));
	}

	@Transactional
	public HearingThreshold addThreshold(String domainCode, Long regionId, zhifa.casework.PartyType partyType, Long amountFen, String source,
			LocalDate effectiveFrom, String note, boolean demo) {
		if (blank(domainCode) || regionId == null || partyType == null || amountFen == null || amountFen <= 0 || blank(source) || effectiveFrom == null) {
			throw new BusinessRuleViolation("请完整填写领域、区划、当事人类型、金额、依据文件和施行日期");
		}
		if (!domains.exists(domainCode)) {
			throw BusinessRuleViolation.onField("domainCode", "执法领域“" + domainCode + "”不存在");
		}
		if (regions.find(regionId).isEmpty()) {
			throw BusinessRuleViolation.onField("regionId", "所选行政区划不存在");
		}
		zhifa.shared.Money.checkFen(amountFen, "amountYuan");
		long id;
		try {
			id = jdbc.queryForObject("""
					insert into hearing_threshold (domain_code, region_id, party_type, amount, source_document, effective_from, note, demo, created_at)
					values (:d, :r, :p, :a, :s, :f, :n, :demo, now()) returning id""",
					new MapSqlParameterSource().addValue("d", domainCode).addValue("r", regionId).addValue("p", partyType.name()).addValue("a", amountFen)
						.addValue("s", source.strip()).addValue("f", effectiveFrom).addValue("n", note).addValue("demo", demo),
					Long.class);
		}
		catch (org.springframework.dao.DuplicateKeyException e) {
			throw new BusinessRuleViolation("该领域、区划、当事人类型在该日施行的听证标准已存在");
		}
		record.append("hearing_threshold", id, null, "hearing.threshold_added", "设定听证“较大数额”标准（" + partyType.label() + "）",
				Map.of("domain", domainCode, "amount", amountFen, "source", source.strip()));
		return thresholds().stream().filter(t -> t.id() == id).findFirst().orElseThrow();
	}

	/** The threshold for a domain and party type at the body's region (nearest region level that has one) on a day. */
	public java.util.Optional<HearingThreshold> threshold(String domainCode, String bodyRegionPath, zhifa.casework.PartyType partyType, LocalDate day) {
		List<Long> chain = Arrays.stream(bodyRegionPath.split("/")).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
		return jdbc.query("""
				select h.*, r.name as region_name, length(r.path) as depth from hearing_threshold h join region_view r on r.id = h.region_id
				where h.domain_code = :d and h.party_type = :p and h.effective_from <= :day and h.region_id in (:chain)
				order by length(r.path) desc, h.effective_from desc limit 1""",
				new MapSqlParameterSource().addValue("d", domainCode).addValue("p", partyType.name()).addValue("day", day).addValue("chain", chain),
				(rs, i) -> threshold(rs)).stream().findFirst();
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static String text(String s) {
		return s == null ? "" : s.strip();
	}

	private static HearingThreshold threshold(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new HearingThreshold(rs.getLong("id"), rs.getString("domain_code"), rs.getLong("region_id"), rs.getString("region_name"),
				zhifa.casework.PartyType.valueOf(rs.getString("party_type")), rs.getLong("amount"), rs.getString("source_document"),
				rs.getDate("effective_from").toLocalDate(), rs.getString("note"));
	}

	private static Item item(java.sql.ResultSet rs) throws java.sql.SQLException {
		String req = rs.getString("required");
		Set<Circumstance> required = req.isBlank() ? Set.of()
				: Arrays.stream(req.split(",")).map(Circumstance::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Circumstance.class)));
		return new Item(rs.getLong("id"), LeniencyType.valueOf(rs.getString("list_type")), rs.getLong("region_id"), rs.getString("region_name"),
				rs.getString("violation_code"), rs.getString("matter"), rs.getString("legal_basis"), required, rs.getString("conditions"),
				rs.getString("exclusions"), rs.getString("measures"), rs.getString("issuer"), rs.getString("document_number"),
				rs.getDate("valid_from").toLocalDate(), rs.getDate("valid_to") == null ? null : rs.getDate("valid_to").toLocalDate());
	}
}
