package zhifa.discretion;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import zhifa.organization.Bodies;
import zhifa.organization.Regions;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.Excel;
import zhifa.shared.ImportReport;

/**
 * Excel import of benchmark tables: one row per tier; rows with the same level, owner, violation code and effective date
 * form one item. Items are saved upper levels first, each in its own transaction and validated like a form; a refused
 * item reports every one of its rows.
 */
@Service
public class BenchmarkExcel {

	public static final List<String> HEADERS = List.of("层级（省级/州级/县级/本单位）", "区划或执法主体名称", "违法行为编码", "违法行为", "执法领域",
			"违反条款", "处罚条款", "文号", "施行日期", "阶次", "适用条件", "处罚种类（、分隔）", "罚款下限（元）", "罚款上限（元）", "倍数下限", "倍数上限");

	private final Benchmarks benchmarks;
	private final Regions regions;
	private final Bodies bodies;
	private final zhifa.organization.Domains domains;
	private final TransactionTemplate tx;

	BenchmarkExcel(Benchmarks benchmarks, Regions regions, Bodies bodies, zhifa.organization.Domains domains, TransactionTemplate tx) {
		this.benchmarks = benchmarks;
		this.regions = regions;
		this.bodies = bodies;
		this.domains = domains;
		this.tx = tx;
	}

	public ImportReport importBenchmarks(InputStream xlsx, java.util.function.Consumer<BenchmarkForm> accessCheck) {
		List<List<String>> rows = Excel.read(xlsx, HEADERS.size());
		if (rows.isEmpty() || !rows.get(0).get(0).startsWith("层级")) {
			throw new BusinessRuleViolation("表格第一行应为表头（第一列“层级”），请使用下载的导入模板");
		}
		List<ImportReport.RowError> errors = new ArrayList<>();
		Map<String, BenchmarkForm> items = new LinkedHashMap<>();
		Map<String, List<Integer>> itemRows = new LinkedHashMap<>();
		// the platform's bodies by name, read once for the whole sheet
		Map<String, Long> bodyIds = new java.util.HashMap<>();
		bodies.choices(DataScope.all()).forEach(b -> bodyIds.putIfAbsent(b.name(), b.id()));
		for (int i = 1; i < rows.size(); i++) {
			List<String> r = rows.get(i);
			if (r.stream().allMatch(String::isBlank)) {
				continue;
			}
			List<String> problems = new ArrayList<>();
			BenchmarkLevel level = switch (r.get(0)) {
				case "省级" -> BenchmarkLevel.PROVINCE;
				case "州级", "市级（地级）" -> BenchmarkLevel.PREFECTURE;
				case "县级" -> BenchmarkLevel.COUNTY;
				case "本单位" -> BenchmarkLevel.BODY;
				default -> null;
			};
			if (level == null) {
				problems.add("层级“" + r.get(0) + "”应为省级、州级、县级或本单位");
			}
			Tier tier = null;
			for (Tier t : Tier.values()) {
				if (t.label().equals(r.get(9)) || t.label().replace("处罚", "").equals(r.get(9))) {
					tier = t;
				}
			}
			if (tier == null) {
				problems.add("阶次“" + r.get(9) + "”应为不予处罚、减轻处罚、从轻处罚、一般处罚或从重处罚");
			}
			LocalDate from = null;
			try {
				from = LocalDate.parse(r.get(8).replace('/', '-'));
			}
			catch (DateTimeParseException e) {
				problems.add("施行日期“" + r.get(8) + "”格式应为 YYYY-MM-DD");
			}
			EnumSet<PenaltyType> types = EnumSet.noneOf(PenaltyType.class);
			for (String t : r.get(11).split("[、,，]")) {
				if (t.isBlank()) {
					continue;
				}
				PenaltyType found = null;
				for (PenaltyType p : PenaltyType.values()) {
					if (p.label().equals(t.strip())) {
						found = p;
					}
				}
				if (found == null) {
					problems.add("处罚种类“" + t.strip() + "”不是行政处罚法第九条规定的种类");
				}
				else {
					types.add(found);
				}
			}
			BigDecimal[] numbers = new BigDecimal[4];
			for (int n = 0; n < 4; n++) {
				String text = r.get(12 + n);
				if (!text.isBlank()) {
					try {
						numbers[n] = new BigDecimal(text.replace(",", ""));
					}
					catch (NumberFormatException e) {
						problems.add(HEADERS.get(12 + n) + "“" + text + "”不是数字");
					}
				}
			}
			Long regionId = null;
			Long bodyId = null;
			if (level == BenchmarkLevel.BODY) {
				bodyId = bodyIds.get(r.get(1));
				if (bodyId == null) {
					problems.add("执法主体“" + r.get(1) + "”不存在");
				}
			}
			else if (level != null) {
				var matches = regions.tree().stream().filter(x -> x.name().equals(r.get(1)) || r.get(1).equals(x.code())).toList();
				if (matches.size() != 1) {
					problems.add(matches.isEmpty() ? "区划“" + r.get(1) + "”不存在" : "区划名称“" + r.get(1) + "”不唯一，请填写区划代码");
				}
				else {
					regionId = matches.get(0).id();
				}
			}
			String domain = domains.byCodeOrName(r.get(4)).map(zhifa.organization.Domains.Domain::code).orElse(null);
			if (domain == null) {
				problems.add("执法领域“" + r.get(4) + "”不存在");
			}
			if (!problems.isEmpty()) {
				errors.add(new ImportReport.RowError(i + 1, r.get(2), String.join("；", problems)));
				continue;
			}
			String key = level + "|" + regionId + "|" + bodyId + "|" + r.get(2).toUpperCase() + "|" + from;
			BenchmarkForm form = items.get(key);
			if (form == null) {
				form = new BenchmarkForm();
				form.setLevel(level);
				form.setRegionId(regionId);
				form.setBodyId(bodyId);
				form.setViolationCode(r.get(2));
				form.setViolation(r.get(3));
				form.setDomainCode(domain);
				form.setViolatedArticle(r.get(5));
				form.setPenaltyArticle(r.get(6));
				form.setDocumentNumber(r.get(7).isBlank() ? null : r.get(7));
				form.setEffectiveFrom(from);
				form.setPublished(true);
				items.put(key, form);
				itemRows.put(key, new ArrayList<>());
			}
			BenchmarkForm.TierForm t = new BenchmarkForm.TierForm();
			t.setTier(tier);
			t.setEnabled(true);
			t.setConditions(r.get(10));
			t.setTypes(types);
			t.setMinFineYuan(numbers[0]);
			t.setMaxFineYuan(numbers[1]);
			t.setMinMultiple(numbers[2]);
			t.setMaxMultiple(numbers[3]);
			List<BenchmarkForm.TierForm> tiers = new ArrayList<>(form.getTiers());
			tiers.add(t);
			form.setTiers(tiers);
			itemRows.get(key).add(i + 1);
		}
		int created = 0;
		List<String> keys = new ArrayList<>(items.keySet());
		keys.sort((a, b) -> items.get(a).getLevel().compareTo(items.get(b).getLevel()));
		for (String key : keys) {
			BenchmarkForm form = items.get(key);
			try {
				accessCheck.accept(form);
				tx.executeWithoutResult(s -> benchmarks.save(null, form));
				created++;
			}
			catch (BusinessRuleViolation e) {
				for (int row : itemRows.get(key)) {
					errors.add(new ImportReport.RowError(row, form.getViolationCode(), e.getMessage()));
				}
			}
		}
		errors.sort((a, b) -> a.row() - b.row());
		return new ImportReport(created, errors);
	}

	public byte[] template() {
		return Excel.workbook("裁量基准", HEADERS, List.of(Excel.sample(List.of("县级", "芒市", "SP-124-TJJ", "生产经营超范围使用食品添加剂的食品", "市场监管",
				"食品安全法第三十四条第一款第(四)项", "食品安全法第一百二十四条第一款第(三)项", "芒市监规〔2025〕1号", "2025-01-01", "一般处罚", "无从轻、从重情节",
				"罚款、没收违法所得", "60000", "70000", "", ""))));
	}
}
