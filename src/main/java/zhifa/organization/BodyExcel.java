package zhifa.organization;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Service;

import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.Excel;
import zhifa.shared.ImportReport;

/**
 * Excel import and export of enforcement bodies. Import keeps every good row (each row is created in its own
 * transaction) and reports every bad row with its row number and the reasons.
 */
@Service
public class BodyExcel {

	static final List<String> HEADERS = List.of("主体名称", "统一社会信用代码", "主体类别", "所属区划（代码或名称）",
			"执法领域（多个用、分隔）", "资格公告文号", "执法监督机构（是/否）", "垂直管理（是/否）", "上级主管机关");

	private final Bodies bodies;
	private final Regions regions;
	private final Domains domains;

	BodyExcel(Bodies bodies, Regions regions, Domains domains) {
		this.bodies = bodies;
		this.regions = regions;
		this.domains = domains;
	}

	public ImportReport importBodies(DataScope scope, InputStream xlsx) {
		List<List<String>> rows = Excel.read(xlsx, HEADERS.size());
		if (rows.isEmpty() || !rows.get(0).isEmpty() && !rows.get(0).get(0).strip().equals(HEADERS.get(0))) {
			throw new BusinessRuleViolation("表格第一行应为表头（第一列“主体名称”），请使用下载的导入模板");
		}
		int created = 0;
		List<ImportReport.RowError> errors = new ArrayList<>();
		for (int i = 1; i < rows.size(); i++) {
			List<String> r = rows.get(i);
			if (r.stream().allMatch(String::isBlank)) {
				continue;
			}
			int rowNo = i + 1;
			String name = cell(r, 0);
			try {
				BodyForm form = toForm(r);
				bodies.create(scope, form, false);
				created++;
			}
			catch (BusinessRuleViolation e) {
				errors.add(new ImportReport.RowError(rowNo, name, e.getMessage(), r));
			}
		}
		return new ImportReport(created, errors, HEADERS);
	}

	private BodyForm toForm(List<String> r) {
		List<String> problems = new ArrayList<>();
		BodyForm f = new BodyForm();
		f.setName(cell(r, 0));
		f.setUscc(cell(r, 1));
		String kind = cell(r, 2);
		f.setKind(BodyKind.fromLabel(kind));
		if (f.getKind() == null) {
			problems.add("主体类别“" + kind + "”应为行政机关、法律法规授权组织之一");
		}
		else if (f.getKind() == BodyKind.ENTRUSTED_ORGANIZATION) {
			problems.add("受委托组织须同时录入委托书，请在页面上逐个新建");
		}
		String regionText = cell(r, 3);
		if (regionText.isBlank()) {
			problems.add("请填写所属区划");
		}
		else {
			var byCode = regions.findByCode(regionText);
			if (byCode.isPresent()) {
				f.setRegionId(byCode.get().id());
			}
			else {
				var byName = regions.tree().stream().filter(x -> x.name().equals(regionText)).toList();
				if (byName.size() == 1) {
					f.setRegionId(byName.get(0).id());
				}
				else {
					problems.add(byName.isEmpty() ? "区划“" + regionText + "”不存在" : "区划名称“" + regionText + "”不唯一，请填写区划代码");
				}
			}
		}
		String domainText = cell(r, 4);
		if (!domainText.isBlank()) {
			for (String d : domainText.split("[、,，;；]")) {
				if (d.isBlank()) {
					continue;
				}
				var domain = domains.byCodeOrName(d);
				if (domain.isPresent()) {
					f.getDomainCodes().add(domain.get().code());
				}
				else {
					problems.add("执法领域“" + d.strip() + "”不存在");
				}
			}
		}
		f.setQualificationNotice(cell(r, 5));
		f.setSupervisory(Excel.yes(cell(r, 6), "执法监督机构", problems));
		f.setVertical(Excel.yes(cell(r, 7), "垂直管理", problems));
		String superior = cell(r, 8);
		if (!superior.isBlank()) {
			var match = bodies.organs().stream().filter(m -> superior.equals(m.name())).toList();
			if (match.size() == 1) {
				f.setSuperiorBodyId(match.get(0).id());
			}
			else {
				problems.add(match.isEmpty() ? "上级主管机关“" + superior + "”不存在" : "上级主管机关“" + superior + "”不唯一");
			}
		}
		if (!problems.isEmpty()) {
			throw new BusinessRuleViolation(String.join("；", problems));
		}
		return f;
	}

	private static String cell(List<String> r, int i) {
		return i < r.size() ? r.get(i).strip() : "";
	}

	/** The import template: the header row and one example row. */
	public byte[] template() {
		return Excel.workbook("执法主体", HEADERS, List.of(Excel.sample(Arrays.asList("芒市某某局", "", "行政机关", "533103", "市场监管、卫生健康",
				"芒政执资〔2024〕1号", "否", "否", ""))));
	}

	public byte[] export(DataScope scope, Bodies.Query q) {
		List<List<String>> rows = new ArrayList<>();
		int page = 0;
		zhifa.shared.Page<EnforcementBody> p;
		do {
			p = bodies.search(scope, q, page++, Bodies.MAX_PAGE_SIZE);
			for (EnforcementBody b : p.items()) {
				rows.add(List.of(b.name(), b.uscc(), b.kind().label(), b.regionName(),
						String.join("、", b.domainCodes().stream().map(c -> domains.byCodeOrName(c).map(Domains.Domain::name).orElse(c)).toList()),
						b.qualificationNotice() == null ? "" : b.qualificationNotice(), b.supervisory() ? "是" : "否",
						b.vertical() ? "是" : "否", b.superiorBodyName() == null ? "" : b.superiorBodyName(),
						b.active() ? "启用" : "停用", b.demo() ? "演示数据" : ""));
			}
		} while (p.hasNext());
		List<String> headers = new ArrayList<>(HEADERS);
		headers.add("状态");
		headers.add("备注");
		return Excel.workbook("执法主体", headers, rows);
	}

}
