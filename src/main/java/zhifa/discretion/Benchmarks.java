package zhifa.discretion;

import zhifa.casework.PartyType;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.catalog.LegalLibrary;
import zhifa.catalog.Matter;
import zhifa.catalog.Matters;
import zhifa.catalog.TownshipPowers;
import zhifa.shared.DataScope;
import zhifa.organization.OrganizationDirectory;
import zhifa.organization.Region;
import zhifa.organization.RegionLevel;
import zhifa.organization.Regions;
import zhifa.record.FullProcessRecord;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.NotFound;

/**
 * 裁量基准: items per level, the nearest item for a body (its own, else its county's, prefecture's, province's), every save
 * validated against the upper level's item for the same violation and against the lower levels that refine it
 * ({@link RefinementPolicy}), and the assessment case handling asks for.
 */
@Service
public class Benchmarks {

	private final NamedParameterJdbcTemplate jdbc;
	private final Regions regions;
	private final OrganizationDirectory directory;
	private final LegalLibrary library;
	private final FullProcessRecord record;
	private final Clock clock;
	private final LeniencyLists leniency;
	private final Matters matters;
	private final TownshipPowers townships;
	private final List<OffenceHistory> histories;

	Benchmarks(NamedParameterJdbcTemplate jdbc, Regions regions, OrganizationDirectory directory, LegalLibrary library,
			FullProcessRecord record, Clock clock, LeniencyLists leniency, Matters matters, TownshipPowers townships, List<OffenceHistory> histories) {
		this.matters = matters;
		this.townships = townships;
		this.histories = List.copyOf(histories);
		this.leniency = leniency;
		this.jdbc = jdbc;
		this.regions = regions;
		this.directory = directory;
		this.library = library;
		this.record = record;
		this.clock = clock;
	}

	private static final String SELECT = """
			select d.*, coalesce(r.name, b.name) as owner_name from discretion_benchmark d
			left join region_view r on r.id = d.region_id left join body_view b on b.id = d.body_id""";

	public List<Benchmark> all(String domainCode, String violationCode) {
		Map<String, Object> p = new HashMap<>();
		String where = " where true";
		if (domainCode != null && !domainCode.isBlank()) {
			where += " and d.domain_code = :d";
			p.put("d", domainCode);
		}
		if (violationCode != null && !violationCode.isBlank()) {
			where += " and d.violation_code = :v";
			p.put("v", violationCode);
		}
		return load(SELECT + where + " order by d.violation_code, d.level, d.effective_from desc", p);
	}

	public Benchmark get(long id) {
		return load(SELECT + " where d.id = :id", Map.of("id", id)).stream().findFirst().orElseThrow(() -> new NotFound("裁量基准"));
	}

	private List<Benchmark> load(String sql, Map<String, Object> p) {
		List<Map<String, Object>> rows = jdbc.queryForList(sql, p);
		if (rows.isEmpty()) {
			return List.of();
		}
		List<Long> ids = rows.stream().map(r -> ((Number) r.get("id")).longValue()).toList();
		Map<Long, List<TierRule>> tiers = new HashMap<>();
		jdbc.query("select * from discretion_tier where benchmark_id in (:ids)", Map.of("ids", ids), rs -> {
			Set<PenaltyType> types = rs.getString("types").isBlank() ? EnumSet.noneOf(PenaltyType.class)
					: Arrays.stream(rs.getString("types").split(",")).map(PenaltyType::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(PenaltyType.class)));
			tiers.computeIfAbsent(rs.getLong("benchmark_id"), k -> new ArrayList<>())
				.add(new TierRule(Tier.valueOf(rs.getString("tier")), rs.getString("conditions"), types, (Long) rs.getObject("min_fine"),
						(Long) rs.getObject("max_fine"), rs.getBigDecimal("min_multiple"), rs.getBigDecimal("max_multiple")));
		});
		return rows.stream().map(r -> {
			long id = ((Number) r.get("id")).longValue();
			List<TierRule> t = new ArrayList<>(tiers.getOrDefault(id, List.of()));
			t.sort((a, b) -> a.tier().compareTo(b.tier()));
			return new Benchmark(id, BenchmarkLevel.valueOf((String) r.get("level")), (Long) r.get("region_id"), (Long) r.get("body_id"),
					(String) r.get("owner_name"), (String) r.get("violation_code"), (String) r.get("violation"), (String) r.get("domain_code"),
					(String) r.get("violated_article"), (String) r.get("penalty_article"), (String) r.get("document_number"),
					((java.sql.Date) r.get("effective_from")).toLocalDate(),
					r.get("effective_to") == null ? null : ((java.sql.Date) r.get("effective_to")).toLocalDate(), (Boolean) r.get("published"), t);
		}).toList();
	}

	/** The region ids from the province down to the region itself. */
	private List<Long> regionChain(long regionId) {
		return Arrays.stream(regions.get(regionId).path().split("/")).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
	}

	/** The item that applies to a body for a violation on a date: its own, else the nearest ancestor level's. */
	public Optional<Benchmark> applicable(long bodyId, String violationCode, LocalDate day) {
		var facts = directory.facts(bodyId).orElseThrow(() -> new NotFound("执法主体"));
		List<Long> chain = Arrays.stream(facts.regionPath().split("/")).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
		return candidates(violationCode, day, chain, bodyId, null);
	}

	/** The nearest upper-level item for the item described (excluding itself). */
	Optional<Benchmark> parentOf(BenchmarkLevel level, Long regionId, Long bodyId, String violationCode, LocalDate day, Long exceptId) {
		List<Long> chain;
		if (level == BenchmarkLevel.BODY) {
			chain = Arrays.stream(directory.facts(bodyId).orElseThrow().regionPath().split("/")).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
		}
		else {
			List<Long> full = regionChain(regionId);
			chain = full.subList(0, full.size() - 1);
		}
		return candidates(violationCode, day, chain, null, exceptId);
	}

	private Optional<Benchmark> candidates(String violationCode, LocalDate day, List<Long> regionChain, Long bodyId, Long exceptId) {
		MapSqlParameterSource p = new MapSqlParameterSource().addValue("v", violationCode).addValue("d", day)
			.addValue("regions", regionChain.isEmpty() ? List.of(-1L) : regionChain).addValue("body", bodyId == null ? -1L : bodyId)
			.addValue("except", exceptId == null ? -1L : exceptId);
		List<Benchmark> found = load(SELECT + " " + """
				where d.violation_code = :v and d.effective_from <= :d and (d.effective_to is null or d.effective_to > :d)
				   and d.id <> :except and (d.region_id in (:regions) or d.body_id = :body)""", p.getValues());
		return found.stream().max((a, b) -> depth(a) - depth(b));
	}

	private int depth(Benchmark b) {
		return b.level() == BenchmarkLevel.BODY ? 100 : regionChain(b.regionId()).size();
	}

	/** The upper-level item this one refines, if any. */
	public Optional<Benchmark> parentOf(Benchmark item) {
		return parentOf(item.level(), item.regionId(), item.bodyId(), item.violationCode(), item.effectiveFrom(), item.id());
	}

	/** Items one level down that refine this one (their parent is this item). */
	public List<Benchmark> childrenOf(Benchmark item) {
		return all(null, item.violationCode()).stream()
			.filter(c -> c.id() != item.id())
			.filter(c -> parentOf(c.level(), c.regionId(), c.bodyId(), c.violationCode(), c.effectiveFrom(), c.id()).map(Benchmark::id)
				.orElse(-1L) == item.id())
			.toList();
	}

	/** Creates or updates an item; refused (nothing written) when it crosses the upper level or its children cross it. */
	@Transactional
	public Benchmark save(Long id, BenchmarkForm f) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (f.getLevel() == null) {
			errors.put("level", "请选择基准层级");
		}
		else if (f.getLevel() == BenchmarkLevel.BODY) {
			if (f.getBodyId() == null || directory.facts(f.getBodyId()).isEmpty()) {
				errors.put("bodyId", "请选择制定本单位基准的执法主体");
			}
			f.setRegionId(null);
		}
		else {
			Region region = f.getRegionId() == null ? null : regions.find(f.getRegionId()).orElse(null);
			RegionLevel expected = f.getLevel().regionLevel();
			if (region == null || region.level() != expected) {
				errors.put("regionId", f.getLevel().label() + "基准须选择一个" + expected.label() + "区划");
			}
			f.setBodyId(null);
		}
		if (f.getViolationCode() == null || !f.getViolationCode().strip().toUpperCase().matches("[A-Z0-9][A-Z0-9-]{0,39}")) {
			errors.put("violationCode", "违法行为编码应为大写字母、数字和连字符，如 SP-124-01");
		}
		if (f.getViolation() == null || f.getViolation().isBlank()) {
			errors.put("violation", "请填写违法行为");
		}
		if (f.getDomainCode() == null || f.getDomainCode().isBlank()) {
			errors.put("domainCode", "请选择执法领域");
		}
		if (f.getEffectiveFrom() == null) {
			errors.put("effectiveFrom", "请填写施行日期");
		}
		for (String field : List.of("violatedArticle", "penaltyArticle")) {
			String citation = field.equals("violatedArticle") ? f.getViolatedArticle() : f.getPenaltyArticle();
			if (citation == null || citation.isBlank()) {
				errors.put(field, field.equals("violatedArticle") ? "请填写违反条款" : "请填写处罚条款");
			}
			else if (f.getEffectiveFrom() != null && library.resolve(citation, f.getEffectiveFrom()).isEmpty()) {
				errors.put(field, "法律依据库中找不到“" + citation.strip() + "”（施行日" + f.getEffectiveFrom() + "有效的版本），请先导入该法规或核对条款");
			}
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation(String.join("；", errors.values()), errors);
		}
		String code = f.getViolationCode().strip().toUpperCase();
		List<TierRule> rules = f.rules();
		Optional<Benchmark> parent = parentOf(f.getLevel(), f.getRegionId(), f.getBodyId(), code, f.getEffectiveFrom(), id);
		List<String> problems = new ArrayList<>(RefinementPolicy.problems(rules, parent.map(Benchmark::tiers).orElse(null),
				parent.map(Benchmark::levelName).orElse("")));
		if (id != null) {
			Benchmark current = get(id);
			Benchmark proposed = new Benchmark(id, f.getLevel(), f.getRegionId(), f.getBodyId(), current.ownerName(), code, f.getViolation(),
					f.getDomainCode(), f.getViolatedArticle(), f.getPenaltyArticle(), f.getDocumentNumber(), f.getEffectiveFrom(), f.getEffectiveTo(),
					f.isPublished(), rules);
			for (Benchmark child : childrenOf(current)) {
				RefinementPolicy.problems(child.tiers(), proposed.tiers(), "修改后的")
					.forEach(p -> problems.add("下级“" + child.title() + "”将超出修改后的基准：" + p));
			}
		}
		if (!problems.isEmpty()) {
			throw BusinessRuleViolation.onField("tiers", String.join("；", problems));
		}
		LocalDate today = LocalDate.now(clock);
		if (id != null) {
			Benchmark current = get(id);
			// a published benchmark in force is what cases were weighed against: its content stays; only the day it stops is set
			if (inForceSince(current, today) && !content(current).equals(content(new Benchmark(id, f.getLevel(), f.getRegionId(), f.getBodyId(),
					current.ownerName(), code, f.getViolation().strip(), f.getDomainCode(), f.getViolatedArticle().strip(), f.getPenaltyArticle().strip(),
					f.getDocumentNumber(), f.getEffectiveFrom(), f.getEffectiveTo(), f.isPublished(), rules)))) {
				throw new BusinessRuleViolation("“" + current.title() + "”自 " + current.effectiveFrom() + " 起施行，依据它办理的案件按其内容裁量，不能直接修改："
						+ "调整内容请“修订”，以新的文号和施行日期制定新版本（原基准于新版本施行之日停止施行）；这里只能填写停止施行日期");
			}
			if (f.getEffectiveTo() != null && !f.getEffectiveTo().isAfter(f.getEffectiveFrom())) {
				throw BusinessRuleViolation.onField("effectiveTo", "停止施行日期应晚于施行日期（" + f.getEffectiveFrom() + "）");
			}
			if (inForceSince(current, today) && f.getEffectiveTo() != null && !f.getEffectiveTo().equals(current.effectiveTo()) && f.getEffectiveTo().isBefore(today)) {
				throw BusinessRuleViolation.onField("effectiveTo", "停止施行日期不能早于今天（" + today + "）：此前依据它办理的案件已按它裁量");
			}
		}
		Benchmark revised = null;
		if (id == null && f.getRevises() != null) {
			revised = get(f.getRevises());
			if (!revisable(revised, today)) {
				throw new BusinessRuleViolation(revised.effectiveTo() != null ? "“" + revised.title() + "”已定于 " + revised.effectiveTo()
						+ " 停止施行（或已有修订版）：请修订现行的版本" : "“" + revised.title() + "”尚未施行，可直接修改，不需修订");
			}
			if (revised.level() != f.getLevel() || !java.util.Objects.equals(revised.regionId(), f.getRegionId())
					|| !java.util.Objects.equals(revised.bodyId(), f.getBodyId()) || !revised.violationCode().equals(code)) {
				throw new BusinessRuleViolation("修订版应与原基准的层级、制定机关和违法行为编码相同；不同的请直接制定新基准");
			}
			if (!f.getEffectiveFrom().isAfter(revised.effectiveFrom())) {
				throw BusinessRuleViolation.onField("effectiveFrom", "修订版的施行日期应晚于原基准的施行日期（" + revised.effectiveFrom() + "）");
			}
			if (f.getDocumentNumber() == null || f.getDocumentNumber().isBlank() || f.getDocumentNumber().strip().equals(revised.documentNumber())) {
				throw BusinessRuleViolation.onField("documentNumber", "请填写修订版的文号（与原基准不同）");
			}
		}
		MapSqlParameterSource p = new MapSqlParameterSource().addValue("level", f.getLevel().name()).addValue("region", f.getRegionId())
			.addValue("body", f.getBodyId()).addValue("code", code).addValue("violation", f.getViolation().strip())
			.addValue("domain", f.getDomainCode()).addValue("va", f.getViolatedArticle().strip()).addValue("pa", f.getPenaltyArticle().strip())
			.addValue("doc", f.getDocumentNumber()).addValue("from", f.getEffectiveFrom()).addValue("to", f.getEffectiveTo())
			.addValue("published", f.isPublished()).addValue("now", Timestamp.from(clock.instant()));
		Benchmark before = id == null ? null : get(id);
		long saved;
		try {
			if (id == null) {
				saved = jdbc.queryForObject("""
						insert into discretion_benchmark (level, region_id, body_id, violation_code, violation, domain_code, violated_article,
						  penalty_article, document_number, effective_from, effective_to, published, created_at, updated_at)
						values (:level, :region, :body, :code, :violation, :domain, :va, :pa, :doc, :from, :to, :published, :now, :now) returning id""", p,
						Long.class);
			}
			else {
				jdbc.update("""
						update discretion_benchmark set level = :level, region_id = :region, body_id = :body, violation_code = :code,
						  violation = :violation, domain_code = :domain, violated_article = :va, penalty_article = :pa, document_number = :doc,
						  effective_from = :from, effective_to = :to, published = :published, updated_at = :now where id = :id""", p.addValue("id", id));
				saved = id;
				jdbc.update("delete from discretion_tier where benchmark_id = :id", Map.of("id", id));
			}
		}
		catch (org.springframework.dao.DuplicateKeyException e) {
			throw new BusinessRuleViolation("同一层级、同一制定机关已有该违法行为在该日施行的基准");
		}
		jdbc.batchUpdate("""
				insert into discretion_tier (benchmark_id, tier, conditions, types, min_fine, max_fine, min_multiple, max_multiple)
				values (:b, :t, :c, :types, :minf, :maxf, :minm, :maxm)""", rules.stream()
			.map(r -> new MapSqlParameterSource().addValue("b", saved).addValue("t", r.tier().name()).addValue("c", r.conditions())
				.addValue("types", r.types().stream().sorted().map(Enum::name).collect(Collectors.joining(","))).addValue("minf", r.minFine())
				.addValue("maxf", r.maxFine()).addValue("minm", r.minMultiple()).addValue("maxm", r.maxMultiple()))
			.toArray(MapSqlParameterSource[]::new));
		Benchmark after = get(saved);
		record.append("discretion_benchmark", saved, after.bodyId(), id == null ? "discretion.created" : "discretion.updated",
				(id == null ? revised != null ? "修订" : "制定" : "修改") + after.title() + "“" + after.violation() + "”",
				id == null ? snapshot(after) : Map.of("changes", zhifa.record.Changes.between(snapshot(before), snapshot(after))));
		if (revised != null && (revised.effectiveTo() == null || revised.effectiveTo().isAfter(after.effectiveFrom()))) {
			jdbc.update("update discretion_benchmark set effective_to = :to, updated_at = :now where id = :id",
					Map.of("to", after.effectiveFrom(), "now", Timestamp.from(clock.instant()), "id", revised.id()));
			record.append("discretion_benchmark", revised.id(), revised.bodyId(), "discretion.superseded", revised.title() + "（" + revised.documentNumber()
					+ "）由修订版（" + after.documentNumber() + "）取代，自 " + after.effectiveFrom() + " 起停止施行",
					Map.of("revisedBy", String.valueOf(saved), "effectiveTo", after.effectiveFrom().toString()));
		}
		return after;
	}

	/**
	 * Taking effect on or before today — what cases are weighed against (the assessment does not ask whether it was marked
	 * published, so neither does the freeze).
	 */
	public static boolean inForceSince(Benchmark b, LocalDate today) {
		return !b.effectiveFrom().isAfter(today);
	}

	/** Whether a revision may be made of it: in force and not ended or revised already (a second revision overlapped the first). */
	public static boolean revisable(Benchmark b, LocalDate today) {
		return inForceSince(b, today) && b.effectiveTo() == null;
	}

	/** What a benchmark says: everything but the day it stops. */
	private static Map<String, Object> content(Benchmark b) {
		Map<String, Object> m = snapshot(b);
		m.put("documentNumber", b.documentNumber() == null ? "" : b.documentNumber().strip());
		m.put("owner", b.level() + "/" + b.regionId() + "/" + b.bodyId() + "/" + b.violationCode() + "/" + b.domainCode());
		b.tiers().forEach(t -> m.put(t.tier().name() + "/conditions", t.conditions()));
		return m;
	}

	private static Map<String, Object> snapshot(Benchmark b) {
		Map<String, Object> m = new TreeMap<>();
		m.put("violation", b.violation());
		m.put("violatedArticle", b.violatedArticle());
		m.put("penaltyArticle", b.penaltyArticle());
		m.put("effectiveFrom", b.effectiveFrom().toString());
		m.put("published", b.published());
		for (TierRule t : b.tiers()) {
			m.put(t.tier().label(), String.join("、", t.types().stream().map(PenaltyType::label).toList()) + " 罚款 "
					+ RefinementPolicy.yuan(t.minFine()) + "–" + RefinementPolicy.yuan(t.maxFine())
					+ (t.minMultiple() != null || t.maxMultiple() != null ? " 倍数 " + t.minMultiple() + "–" + t.maxMultiple() : ""));
		}
		return m;
	}

	// ---- assessment


	/**
	 * What case handling asks. {@code matterId} (a matter of the body's catalogue, or one delegated to the township) gives the
	 * violation when the matter covers exactly one; {@code partyKey} lets the 初次违法 claim be checked against the party's history;
	 * {@code partyBirthDate} (from a natural person's ID number) decides the age circumstances of 行政处罚法第三十条, whatever
	 * was ticked ({@link Liability}).
	 */
	public record AssessmentRequest(String violationCode, Long bodyId, LocalDate actDate, PartyType partyType, Set<Circumstance> circumstances,
			Long illegalGains, Long matterId, String partyKey, LocalDate partyBirthDate) {

		public AssessmentRequest(String violationCode, Long bodyId, LocalDate actDate, PartyType partyType, Set<Circumstance> circumstances,
				Long illegalGains) {
			this(violationCode, bodyId, actDate, partyType, circumstances, illegalGains, null, null, null);
		}
	}

	/** The answer case handling stores with the case. Amounts in fen. */
	public record Assessment(long benchmarkId, String benchmark, BenchmarkLevel level, Tier tier, Set<PenaltyType> allowedTypes, Long minFine,
			Long maxFine, BigDecimal minMultiple, BigDecimal maxMultiple, Long minFromGains, Long maxFromGains, List<String> reasons,
			String reasoning, List<LeniencyLists.Item> leniency, Long hearingThreshold, String hearingThresholdSource, String matter,
			String firstOffenceCheck) {
	}

	public Assessment assess(AssessmentRequest r) {
		if (r.bodyId() == null) {
			throw BusinessRuleViolation.onField("bodyId", "请提供执法主体");
		}
		LocalDate day = r.actDate() == null ? LocalDate.now(clock) : r.actDate();
		String matterName = null;
		String violationCode = r.violationCode() == null || r.violationCode().isBlank() ? null : r.violationCode().strip().toUpperCase();
		if (r.matterId() != null) {
			Matter m = matters.get(DataScope.all(), r.matterId());
			if (m.bodyId() != r.bodyId() && !townships.delegatedTo(r.bodyId(), m.id(), day)) {
				throw BusinessRuleViolation.onField("matterId", "“" + m.name() + "”不是该执法主体的事项，也未下放给该主体");
			}
			matterName = m.name();
			if (violationCode == null) {
				if (m.violationCodes().isEmpty()) {
					throw BusinessRuleViolation.onField("matterId", "事项“" + m.name() + "”尚未关联裁量基准的违法行为编码，请在事项目录中补充");
				}
				if (m.violationCodes().size() > 1) {
					throw BusinessRuleViolation.onField("violationCode", "事项“" + m.name() + "”涉及多个违法行为，请指定违法行为编码："
							+ String.join("、", m.violationCodes()));
				}
				violationCode = m.violationCodes().get(0);
			}
			else if (!m.violationCodes().isEmpty() && !m.violationCodes().contains(violationCode)) {
				throw BusinessRuleViolation.onField("violationCode", "违法行为编码“" + violationCode + "”不属于事项“" + m.name() + "”（"
						+ String.join("、", m.violationCodes()) + "）");
			}
		}
		if (violationCode == null) {
			throw BusinessRuleViolation.onField("violationCode", "请提供违法行为编码或执法事项");
		}
		String code = violationCode;
		Benchmark b = applicable(r.bodyId(), code, day)
			.orElseThrow(() -> new NotFound("该执法主体在 " + day + " 适用的“" + code + "”裁量基准"));
		Set<Circumstance> circumstances = new java.util.TreeSet<>(Liability.withAge(r.circumstances(), r.partyBirthDate(), day));
		FirstOffence.Check firstOffence = FirstOffence.check(circumstances, histories, r.partyKey(), code, day);
		circumstances = firstOffence.circumstances();
		String firstOffenceCheck = firstOffence.finding();
		TierSelection.Choice choice = TierSelection.choose(circumstances, b.tierSet());
		TierRule rule = b.tier(choice.tier());
		if (rule == null) {
			// the statute's tier where the benchmark has none: no penalty, or a lighter one within the statute's range
			TierRule general = b.tier(Tier.GENERAL);
			rule = new TierRule(choice.tier(), "裁量基准未设此阶次，依法律规定适用", choice.tier() == Tier.NO_PENALTY || general == null ? Set.of() : general.types(),
					null, choice.tier() == Tier.NO_PENALTY || general == null ? null : general.minFine(), null, null);
		}
		Long gains = r.illegalGains();
		Long minFromGains = gains == null || rule.minMultiple() == null ? null : rule.minMultiple().multiply(BigDecimal.valueOf(gains)).longValue();
		Long maxFromGains = gains == null || rule.maxMultiple() == null ? null : rule.maxMultiple().multiply(BigDecimal.valueOf(gains)).longValue();
		StringBuilder s = new StringBuilder();
		s.append("当事人").append(b.violation()).append("的行为，违反了").append(b.violatedArticle()).append("的规定。依据")
			.append(b.penaltyArticle()).append("和").append(b.title()).append("（").append(b.documentNumber() == null ? "编码 " + b.violationCode() : b.documentNumber())
			.append("），");
		if (!circumstances.isEmpty()) {
			s.append("当事人具有").append(String.join("、", circumstances.stream().map(Circumstance::label).toList())).append("的情节，");
		}
		Liability.ageFinding(r.circumstances(), r.partyBirthDate(), day).ifPresent(f -> s.append(f).append("；"));
		s.append(String.join("；", choice.reasons())).append("。适用“").append(choice.tier().label()).append("”阶次");
		if (!rule.conditions().isBlank()) {
			s.append("（适用条件：").append(rule.conditions()).append("）");
		}
		if (choice.tier() != Tier.NO_PENALTY) {
			s.append("，可处").append(String.join("、", rule.types().stream().map(PenaltyType::label).toList()));
			if (rule.minFine() != null || rule.maxFine() != null) {
				s.append("，罚款").append(RefinementPolicy.yuan(rule.minFine())).append("至").append(RefinementPolicy.yuan(rule.maxFine()));
			}
			if (minFromGains != null || maxFromGains != null) {
				s.append("，或违法所得").append(rule.minMultiple()).append("至").append(rule.maxMultiple()).append("倍即")
					.append(RefinementPolicy.yuan(minFromGains)).append("至").append(RefinementPolicy.yuan(maxFromGains));
			}
		}
		s.append("。");
		String regionPath = directory.facts(r.bodyId()).orElseThrow().regionPath();
		List<LeniencyLists.Item> lenient = leniency.matching(b.violationCode(), regionPath, day, circumstances);
		for (LeniencyLists.Item item : lenient) {
			s.append("当事人的情形符合").append(item.issuer()).append("《").append(item.documentNumber()).append("》减免责清单（")
				.append(item.type().label()).append("）“").append(item.matter()).append("”").append(item.measures().isBlank() ? "" : "，应同时" + item.measures())
				.append("。");
		}
		var threshold = r.partyType() == null ? java.util.Optional.<LeniencyLists.HearingThreshold>empty()
				: leniency.threshold(b.domainCode(), regionPath, r.partyType(), day);
		threshold.ifPresent(t -> s.append("对").append(r.partyType().label()).append("罚款达到").append(RefinementPolicy.yuan(t.amount()))
			.append("的，应当告知当事人有要求听证的权利（").append(t.sourceDocument()).append("）。"));
		String cited = b.documentNumber() == null || b.documentNumber().isBlank() ? b.title() : b.title() + "（" + b.documentNumber().strip() + "）";
		return new Assessment(b.id(), cited, b.level(), choice.tier(), rule.types(), rule.minFine(), rule.maxFine(), rule.minMultiple(),
				rule.maxMultiple(), minFromGains, maxFromGains, choice.reasons(), s.toString(), lenient,
				threshold.map(LeniencyLists.HearingThreshold::amount).orElse(null), threshold.map(LeniencyLists.HearingThreshold::sourceDocument).orElse(null),
				matterName, firstOffenceCheck);
	}
}
