package zhifa.catalog;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import zhifa.organization.Domains;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.Excel;
import zhifa.shared.ImportReport;

/**
 * A body's catalogue in Excel: export of the working catalogue or of a published version, and import into the working
 * catalogue (a row with a known 事项编码 updates that matter, a new code adds a draft; each row is saved on its own and a
 * refused row is reported with its reason and changes nothing).
 */
@Component
public class CatalogueExcel {

	static final List<String> HEADERS = List.of("事项编码", "事项名称", "事项类别", "执法领域", "下放乡镇（街道）", "法律依据（多条用；分隔）",
			"违法行为编码（多个用；分隔）", "状态", "违反条款（多条用；分隔）", "处罚条款（多条用；分隔）");

	private final Matters matters;
	private final Domains domains;

	CatalogueExcel(Matters matters, Domains domains) {
		this.matters = matters;
		this.domains = domains;
	}

	public byte[] template() {
		return Excel.workbook("执法事项目录", HEADERS, List.of(Excel.sample(Arrays.asList("SJ-CF-101", "对未按规定公示食品经营许可证的行政处罚", "行政处罚", "市场监管", "否",
				"", "", "", "食品安全法第三十五条", "食品安全法第一百二十二条"))));
	}

	/**
	 * The entries as rows; 法律依据 holds the citations that are neither 违反条款 nor 处罚条款 (a version's snapshot keeps no
	 * roles: they are the matter's current ones, and a citation whose role is no longer known stays under 法律依据).
	 */
	public byte[] export(List<CatalogueEntry> entries, String sheet) {
		Map<Long, Matter> current = matters.byIds(entries.stream().map(CatalogueEntry::matterId).toList());
		return Excel.workbook(sheet, HEADERS, entries.stream().map(e -> {
			Matter m = current.get(e.matterId());
			List<String> violated = m == null ? List.of() : m.violatedClauses().stream().filter(e.basis()::contains).toList();
			List<String> penalty = m == null ? List.of() : m.penaltyClauses().stream().filter(e.basis()::contains).toList();
			List<String> other = e.basis().stream().filter(c -> !violated.contains(c) && !penalty.contains(c)).toList();
			return List.of(e.code(), e.name(), e.type().label(), domains.byCodeOrName(e.domainCode()).map(Domains.Domain::name).orElse(e.domainCode()),
					e.township() ? "是" : "否", String.join("；", other), String.join("；", e.violationCodes()), e.status().label(), String.join("；", violated),
					String.join("；", penalty));
		}).toList());
	}

	public ImportReport importInto(DataScope scope, long bodyId, InputStream xlsx) {
		List<List<String>> rows = Excel.read(xlsx, HEADERS.size());
		if (rows.isEmpty() || !rows.get(0).isEmpty() && !rows.get(0).get(0).strip().equals(HEADERS.get(0))) {
			throw new BusinessRuleViolation("表格第一行应为表头（第一列“事项编码”），请使用下载的导入模板");
		}
		int saved = 0;
		List<ImportReport.RowError> errors = new ArrayList<>();
		for (int i = 1; i < rows.size(); i++) {
			List<String> r = rows.get(i);
			if (r.stream().allMatch(String::isBlank)) {
				continue;
			}
			String code = cell(r, 0);
			try {
				Matters.MatterForm form = toForm(bodyId, r);
				Optional<Matter> existing = matters.list(scope, bodyId, null).stream().filter(m -> m.code().equals(code)).findFirst();
				if (existing.isPresent()) {
					matters.update(scope, existing.get().id(), form);
				}
				else {
					matters.create(scope, form, false);
				}
				saved++;
			}
			catch (BusinessRuleViolation e) {
				errors.add(new ImportReport.RowError(i + 1, code + " " + cell(r, 1), e.getMessage(), r));
			}
		}
		return new ImportReport(saved, errors, HEADERS);
	}

	private Matters.MatterForm toForm(long bodyId, List<String> r) {
		List<String> problems = new ArrayList<>();
		MatterType type = Arrays.stream(MatterType.values()).filter(t -> t.label().equals(cell(r, 2)) || t.label().equals("行政" + cell(r, 2)))
			.findFirst().orElse(null);
		if (type == null) {
			problems.add("事项类别应为" + String.join("、", Arrays.stream(MatterType.values()).map(MatterType::label).toList()) + "之一");
		}
		String domain = domains.byCodeOrName(cell(r, 3)).map(Domains.Domain::code).orElse(null);
		if (domain == null) {
			problems.add("找不到执法领域“" + cell(r, 3) + "”");
		}
		boolean township = Excel.yes(cell(r, 4), "下放乡镇（街道）", problems);
		// the status is the catalogue's (a new matter is a draft; it takes effect when a version is published): read, not set —
		// but a word that is none of them is a mistake to tell, not to pass over
		if (!cell(r, 7).isEmpty() && Arrays.stream(MatterStatus.values()).noneMatch(st -> st.label().equals(cell(r, 7)))) {
			problems.add("状态“" + cell(r, 7) + "”应为" + String.join("、", Arrays.stream(MatterStatus.values()).map(MatterStatus::label).toList())
					+ "之一或留空（导入不改变状态：新事项为草稿，随目录发布生效）");
		}
		if (!problems.isEmpty()) {
			throw new BusinessRuleViolation(String.join("；", problems));
		}
		return new Matters.MatterForm(bodyId, cell(r, 0), cell(r, 1), type, domain, township, split(cell(r, 5)), split(cell(r, 6)), split(cell(r, 8)),
				split(cell(r, 9)));
	}

	private static List<String> split(String text) {
		return Arrays.stream(text.split("[；;\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	private static String cell(List<String> r, int i) {
		return i < r.size() && r.get(i) != null ? r.get(i).strip() : "";
	}
}
