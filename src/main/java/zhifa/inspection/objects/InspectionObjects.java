package zhifa.inspection.objects;

import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import zhifa.organization.Region;
import zhifa.organization.Regions;
import zhifa.record.FullProcessRecord;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.Excel;
import zhifa.shared.ImportReport;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;
import zhifa.shared.Page;
import zhifa.shared.StaleWrite;
import zhifa.shared.Uscc;
import zhifa.shared.web.RequestLimits;

/**
 * 检查对象名录库 (RULES.md §5): enterprises and individual businesses by 统一社会信用代码 (one entry per code), with
 * industry, region, address, licences and their 信用风险分类, whose every change is kept. Maintained on pages and by
 * Excel import (good rows kept, bad rows reported, an existing code updates its entry).
 */
@Service
public class InspectionObjects {

	/** An object of the pool. */
	public record InspectionObject(long id, String uscc, String name, ObjectKind kind, String industry, long regionId, String regionName,
			String regionPath, String address, String licences, RiskClass riskClass, boolean demo, int version, Instant updatedAt) {
	}

	/** What is entered for an object, as typed (the risk class may be a word of the earlier five classes). */
	public record ObjectForm(String uscc, String name, String kind, String industry, Long regionId, String address, String licences, String riskClass,
			String riskSource) {
	}

	/** One change of the risk class: from (none when entered), to, on what basis, when and by whom. */
	public record RiskChange(RiskClass from, RiskClass to, String source, LocalDate changedOn, String actorName) {
	}

	/** A search: each part may be empty. */
	public record Query(String text, Long regionId, RiskClass riskClass, String industry) {
	}

	/** An import: rows saved (new or updated) and rejected, and how many of the saved ones updated an existing entry. */
	public record Imported(ImportReport report, int updated) {
	}

	public static final List<String> HEADERS = List.of("统一社会信用代码", "名称", "类别（企业/个体工商户/其他组织）", "行业", "所属区划（代码或名称）", "地址",
			"许可证件（多个用、分隔）", "信用风险分类（A/B/C/D，或低/较低/一般/较高/高）", "分类依据");

	private static final String SELECT = """
			select o.*, r.name as region_name, r.path as region_path from insp_object o join region_view r on r.id = o.region_id""";

	private final NamedParameterJdbcTemplate jdbc;
	private final Regions regions;
	private final FullProcessRecord record;
	private final TransactionTemplate transactions;
	private final Clock clock;

	InspectionObjects(NamedParameterJdbcTemplate jdbc, Regions regions, FullProcessRecord record, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.record = record;
		this.transactions = transactions;
		this.clock = clock;
	}

	public Optional<InspectionObject> find(long id) {
		return jdbc.query(SELECT + " where o.id = :id", Map.of("id", id), InspectionObjects::row).stream().findFirst();
	}

	public InspectionObject get(long id) {
		return find(id).orElseThrow(() -> new NotFound("检查对象"));
	}

	public Optional<InspectionObject> byUscc(String uscc) {
		return jdbc.query(SELECT + " where o.uscc = :u", Map.of("u", uscc == null ? "" : uscc.strip().toUpperCase()), InspectionObjects::row).stream()
			.findFirst();
	}

	public Page<InspectionObject> search(Query q, int page, int size) {
		Map<String, Object> p = new HashMap<>();
		StringBuilder where = new StringBuilder(" where true");
		if (q.text() != null && !q.text().isBlank()) {
			where.append(" and (o.name like :text or o.uscc = :code)");
			p.put("text", "%" + q.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
			p.put("code", q.text().strip().toUpperCase());
		}
		if (q.regionId() != null) {
			Region r = regions.find(q.regionId()).orElseThrow(() -> BusinessRuleViolation.onField("regionId", "区划不存在"));
			where.append(" and r.path like :path");
			p.put("path", r.path() + "%");
		}
		if (q.riskClass() != null) {
			where.append(" and o.risk_class = :risk");
			p.put("risk", q.riskClass().name());
		}
		if (q.industry() != null && !q.industry().isBlank()) {
			where.append(" and o.industry = :industry");
			p.put("industry", q.industry().strip());
		}
		long total = jdbc.queryForObject("select count(*) from insp_object o join region_view r on r.id = o.region_id" + where, p, Long.class);
		p.put("limit", size);
		p.put("offset", (long) page * size);
		List<InspectionObject> items = jdbc.query(SELECT + where + " order by o.name, o.id limit :limit offset :offset", p, InspectionObjects::row);
		return new Page<>(items, total, page, size);
	}

	/** An object as a draw's pool holds it. */
	public record PoolEntry(long id, String uscc, RiskClass riskClass) {
	}

	/** The objects in a region's subtree (all when null) and of an industry (any when null or blank): a task's pool. */
	public List<PoolEntry> pool(Long regionId, String industry) {
		Map<String, Object> p = new HashMap<>();
		StringBuilder where = new StringBuilder(" where true");
		if (regionId != null) {
			Region r = regions.find(regionId).orElseThrow(() -> BusinessRuleViolation.onField("regionId", "区划不存在"));
			where.append(" and r.path like :path");
			p.put("path", r.path() + "%");
		}
		if (industry != null && !industry.isBlank()) {
			where.append(" and o.industry = :industry");
			p.put("industry", industry.strip());
		}
		return jdbc.query("select o.id, o.uscc, o.risk_class from insp_object o join region_view r on r.id = o.region_id" + where + " order by o.uscc", p,
				(rs, i) -> new PoolEntry(rs.getLong(1), rs.getString(2), RiskClass.valueOf(rs.getString(3).trim())));
	}

	/** The industries in the pool, for the filter. */
	public List<String> industries() {
		return jdbc.queryForList("select distinct industry from insp_object order by industry", Map.of(), String.class);
	}

	public Map<RiskClass, Long> countsByRisk() {
		Map<RiskClass, Long> out = new LinkedHashMap<>();
		for (RiskClass r : RiskClass.values()) {
			out.put(r, 0L);
		}
		jdbc.query("select risk_class, count(*) from insp_object group by risk_class", Map.of(),
				(ResultSet rs) -> {
					out.put(RiskClass.valueOf(rs.getString(1).strip()), rs.getLong(2));
				});
		return out;
	}

	public List<RiskChange> riskHistory(long id) {
		return jdbc.query("select * from insp_object_risk_change where object_id = :id order by id", Map.of("id", id),
				(rs, i) -> new RiskChange(rs.getString("from_class") == null ? null : RiskClass.valueOf(rs.getString("from_class").strip()),
						RiskClass.valueOf(rs.getString("to_class").strip()), rs.getString("source"), rs.getObject("changed_on", LocalDate.class),
						rs.getString("actor_name")));
	}

	/** Checks what was entered; the errors by field, in Chinese. */
	Map<String, String> validate(ObjectForm f, boolean creating) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (creating) {
			String uscc = f.uscc() == null ? "" : f.uscc().strip().toUpperCase();
			Uscc.problem(uscc).ifPresent(p -> errors.put("uscc", p));
		}
		text(errors, "name", "名称", f.name(), 200, true);
		if (ObjectKind.read(f.kind()).isEmpty()) {
			errors.put("kind", "请选择类别：企业、个体工商户或其他组织");
		}
		text(errors, "industry", "行业", f.industry(), 100, true);
		if (f.regionId() == null || regions.find(f.regionId()).isEmpty()) {
			errors.put("regionId", "请选择所属区划");
		}
		text(errors, "address", "地址", f.address(), 300, true);
		text(errors, "licences", "许可证件", f.licences(), 1000, false);
		if (RiskClass.read(f.riskClass()).isEmpty()) {
			errors.put("riskClass", "信用风险分类应为 A、B、C、D（或低、较低、一般、较高、高）");
		}
		text(errors, "riskSource", "分类依据", f.riskSource(), 200, false);
		return errors;
	}

	private static void text(Map<String, String> errors, String field, String label, String value, int max, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				errors.put(field, "请填写" + label);
			}
			return;
		}
		if (value.strip().length() > max) {
			errors.put(field, label + "不超过" + max + "个字");
		}
		else if (RequestLimits.hasControlCharacters(value)) {
			errors.put(field, label + "含有不允许的控制字符");
		}
	}

	/** Adds an object to the pool; its code must not be there yet. */
	public InspectionObject create(Operator op, ObjectForm f, boolean demo) {
		Map<String, String> errors = validate(f, true);
		String uscc = f.uscc() == null ? "" : f.uscc().strip().toUpperCase();
		if (errors.isEmpty()) {
			byUscc(uscc).ifPresent(o -> errors.put("uscc", "该统一社会信用代码已在名录中（" + o.name() + "）"));
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation(String.join("；", errors.values()), errors);
		}
		return transactions.execute(s -> {
			Instant now = clock.instant();
			RiskClass risk = RiskClass.read(f.riskClass()).orElseThrow();
			long id = jdbc.queryForObject("""
					insert into insp_object (uscc, name, kind, industry, region_id, address, licences, risk_class, demo, created_at, updated_at)
					values (:uscc, :name, :kind, :industry, :region, :address, :licences, :risk, :demo, :now, :now) returning id""",
					params(f).addValue("uscc", uscc).addValue("demo", demo).addValue("now", Timestamp.from(now)), Long.class);
			riskChanged(op, id, null, risk, source(f, "录入"), now);
			InspectionObject o = get(id);
			record.append(op, "insp_object", id, op.bodyId(), "inspection.object_created", "检查对象名录新增“" + o.name() + "”（" + o.uscc() + "，" + risk.label() + "）",
					snapshot(o));
			return o;
		});
	}

	/** Changes an object (its code stays); a changed risk class is kept in its history with the basis given. */
	public InspectionObject update(Operator op, long id, int version, ObjectForm f) {
		InspectionObject before = get(id);
		Map<String, String> errors = validate(f, false);
		RiskClass risk = RiskClass.read(f.riskClass()).orElse(null);
		if (risk != null && risk != before.riskClass() && (f.riskSource() == null || f.riskSource().isBlank())) {
			errors.put("riskSource", "信用风险分类有变化，请填写分类依据（如“2026年度信用风险分类结果”）");
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation(String.join("；", errors.values()), errors);
		}
		return transactions.execute(s -> {
			Instant now = clock.instant();
			int changed = jdbc.update("""
					update insp_object set name = :name, kind = :kind, industry = :industry, region_id = :region, address = :address, licences = :licences,
					  risk_class = :risk, version = version + 1, updated_at = :now where id = :id and version = :version""",
					params(f).addValue("id", id).addValue("version", version).addValue("now", Timestamp.from(now)));
			if (changed != 1) {
				throw new StaleWrite("该检查对象");
			}
			if (risk != before.riskClass()) {
				riskChanged(op, id, before.riskClass(), risk, source(f, "修改"), now);
			}
			InspectionObject after = get(id);
			Map<String, Object> changes = zhifa.record.Changes.between(snapshot(before), snapshot(after));
			if (!changes.isEmpty()) {
				record.append(op, "insp_object", id, op.bodyId(), "inspection.object_updated", "修改检查对象“" + after.name() + "”", Map.of("changes", changes));
			}
			return after;
		});
	}

	private void riskChanged(Operator op, long id, RiskClass from, RiskClass to, String source, Instant now) {
		jdbc.update("""
				insert into insp_object_risk_change (object_id, from_class, to_class, source, changed_on, actor_name, recorded_at)
				values (:id, :from, :to, :source, :on, :actor, :now)""", new MapSqlParameterSource().addValue("id", id)
			.addValue("from", from == null ? null : from.name()).addValue("to", to.name()).addValue("source", source)
			.addValue("on", LocalDate.now(clock)).addValue("actor", op.operatorName()).addValue("now", Timestamp.from(now)));
	}

	/** The basis of a class as recorded: what was given, and that an earlier five-class word was mapped. */
	private static String source(ObjectForm f, String fallback) {
		String given = f.riskSource() == null || f.riskSource().isBlank() ? fallback : f.riskSource().strip();
		return RiskClass.legacy(f.riskClass()) ? given + "（由原五级分类“" + f.riskClass().strip() + "”对应）" : given;
	}

	private static MapSqlParameterSource params(ObjectForm f) {
		return new MapSqlParameterSource().addValue("name", f.name().strip()).addValue("kind", ObjectKind.read(f.kind()).orElseThrow().name())
			.addValue("industry", f.industry().strip()).addValue("region", f.regionId()).addValue("address", f.address().strip())
			.addValue("licences", f.licences() == null ? "" : f.licences().strip()).addValue("risk", RiskClass.read(f.riskClass()).orElseThrow().name());
	}

	static Map<String, Object> snapshot(InspectionObject o) {
		Map<String, Object> m = new java.util.TreeMap<>();
		m.put("uscc", o.uscc());
		m.put("name", o.name());
		m.put("kind", o.kind().label());
		m.put("industry", o.industry());
		m.put("region", o.regionName());
		m.put("address", o.address());
		m.put("licences", o.licences());
		m.put("riskClass", o.riskClass().name());
		return m;
	}

	/** Imports a sheet: each good row saved in its own transaction (an existing code updates its entry), each bad row reported. */
	public Imported importObjects(Operator op, InputStream xlsx) {
		List<List<String>> rows = Excel.read(xlsx, HEADERS.size());
		if (rows.isEmpty() || !rows.get(0).get(0).strip().equals(HEADERS.get(0))) {
			throw new BusinessRuleViolation("表格第一行应为表头（第一列“统一社会信用代码”），请使用下载的导入模板");
		}
		int saved = 0;
		int updated = 0;
		Map<String, Integer> seen = new HashMap<>();
		List<ImportReport.RowError> errors = new ArrayList<>();
		for (int i = 1; i < rows.size(); i++) {
			List<String> r = rows.get(i);
			if (r.stream().allMatch(String::isBlank)) {
				continue;
			}
			int rowNo = i + 1;
			String uscc = r.get(0).strip().toUpperCase();
			Integer first = seen.putIfAbsent(uscc, rowNo);
			if (first != null) {
				errors.add(new ImportReport.RowError(rowNo, r.get(1), "统一社会信用代码与第" + first + "行重复", r));
				continue;
			}
			Long regionId = region(r.get(4));
			ObjectForm f = new ObjectForm(uscc, r.get(1), r.get(2).isBlank() ? ObjectKind.ENTERPRISE.label() : r.get(2), r.get(3), regionId, r.get(5), r.get(6),
					r.get(7), r.get(8).isBlank() ? "Excel导入" : r.get(8));
			try {
				if (regionId == null) {
					throw BusinessRuleViolation.onField("regionId", "所属区划“" + r.get(4) + "”不存在");
				}
				Optional<InspectionObject> existing = Uscc.isValid(uscc) ? byUscc(uscc) : Optional.empty();
				if (existing.isPresent()) {
					update(op, existing.get().id(), existing.get().version(), f);
					updated++;
				}
				else {
					create(op, f, false);
				}
				saved++;
			}
			catch (BusinessRuleViolation e) {
				errors.add(new ImportReport.RowError(rowNo, r.get(1), e.getMessage(), r));
			}
		}
		return new Imported(new ImportReport(saved, errors, HEADERS), updated);
	}

	private Long region(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String t = text.strip();
		return regions.findByCode(t).or(() -> regions.tree().stream().filter(r -> r.name().equals(t)).findFirst()).map(Region::id).orElse(null);
	}

	public byte[] template() {
		return Excel.workbook("检查对象", HEADERS, List.of(Excel.sample(List.of("91533103MA6K00001K", "芒市某某食品有限公司", "企业", "食品生产", "533103", "芒市勐焕街道某路1号",
				"食品生产许可证 SC10653310300001", "B", "2026年度信用风险分类结果"))));
	}

	public byte[] export(Query q) {
		List<List<String>> rows = new ArrayList<>();
		int page = 0;
		Page<InspectionObject> p;
		do {
			p = search(q, page++, 500);
			for (InspectionObject o : p.items()) {
				rows.add(List.of(o.uscc(), o.name(), o.kind().label(), o.industry(), o.regionName(), o.address(), o.licences(), o.riskClass().name(), ""));
			}
		} while (p.hasNext() && page < 400);
		return Excel.workbook("检查对象", HEADERS, rows);
	}

	/**
	 * Demo data: {@code n} generated objects across the given regions (valid check characters, not real codes), marked
	 * 演示数据, in one statement and one record entry.
	 */
	public int generateDemo(Operator op, List<Long> regionIds, int n, long seed) {
		String[] industries = { "食品销售", "餐饮服务", "食品生产", "药品零售", "特种设备使用", "建筑施工", "道路运输", "娱乐场所", "危险化学品经营", "农资经营" };
		String[] streets = { "勐焕大街", "团结大街", "青年路", "建国路", "勇罕街", "菩提路", "芒市大道", "金孔雀路" };
		java.util.Random random = new java.util.Random(seed);
		Timestamp now = Timestamp.from(clock.instant());
		List<MapSqlParameterSource> batch = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			boolean individual = random.nextInt(10) < 3;
			String first17 = (individual ? "92" : "91") + "533103" + "MA" + String.format("%07d", i + 1);
			String industry = industries[random.nextInt(industries.length)];
			int r = random.nextInt(100);
			String risk = r < 40 ? "A" : r < 85 ? "B" : r < 95 ? "C" : "D";
			batch.add(new MapSqlParameterSource().addValue("uscc", first17 + Uscc.checkCharacter(first17))
				.addValue("name", (individual ? "芒市某某" + industry + "店" : "芒市某某" + industry + "有限公司") + (i + 1) + "（演示）")
				.addValue("kind", individual ? "INDIVIDUAL_BUSINESS" : "ENTERPRISE").addValue("industry", industry)
				.addValue("region", regionIds.get(random.nextInt(regionIds.size())))
				.addValue("address", streets[random.nextInt(streets.length)] + (1 + random.nextInt(300)) + "号").addValue("licences", "")
				.addValue("risk", risk).addValue("now", now));
		}
		jdbc.batchUpdate("""
				insert into insp_object (uscc, name, kind, industry, region_id, address, licences, risk_class, demo, created_at, updated_at)
				values (:uscc, :name, :kind, :industry, :region, :address, :licences, :risk, true, :now, :now) on conflict (uscc) do nothing""",
				batch.toArray(MapSqlParameterSource[]::new));
		jdbc.update("""
				insert into insp_object_risk_change (object_id, from_class, to_class, source, changed_on, actor_name, recorded_at)
				select o.id, null, o.risk_class, '演示数据', :on, :actor, :now from insp_object o
				where o.demo and not exists (select 1 from insp_object_risk_change c where c.object_id = o.id)""",
				new MapSqlParameterSource().addValue("on", LocalDate.now(clock)).addValue("actor", op.operatorName()).addValue("now", now));
		record.append(op, "insp_object", "demo", null, "inspection.objects_generated", "演示数据：生成检查对象 " + n + " 个", Map.of("count", n));
		return n;
	}

	private static InspectionObject row(ResultSet rs, int i) throws SQLException {
		return new InspectionObject(rs.getLong("id"), rs.getString("uscc"), rs.getString("name"), ObjectKind.valueOf(rs.getString("kind")),
				rs.getString("industry"), rs.getLong("region_id"), rs.getString("region_name"), rs.getString("region_path"), rs.getString("address"),
				rs.getString("licences"), RiskClass.valueOf(rs.getString("risk_class").strip()), rs.getBoolean("demo"), rs.getInt("version"),
				rs.getTimestamp("updated_at").toInstant());
	}
}
