package zhifa.officer;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import zhifa.organization.Bodies;
import zhifa.organization.Domains;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.Excel;
import zhifa.shared.ImportReport;
import zhifa.shared.Page;

/** Excel import (good rows kept, per-row errors) and export (ID numbers masked) of officers. */
@Service
public class OfficerExcel {

	public static final List<String> HEADERS = List.of("姓名", "身份证号", "所属单位", "岗位", "人员性质（在编/聘用/辅助人员）",
			"执法领域（多个用、分隔）", "法律职业资格证书编号", "人民警察（是/否）", "执法监督人员（是/否）", "法制审核人员（是/否）", "人民警察证号（警号，仅人民警察）");

	private final Officers officers;
	private final Bodies bodies;
	private final Domains domains;
	private final Certificates certificates;

	OfficerExcel(Officers officers, Bodies bodies, Domains domains, Certificates certificates) {
		this.officers = officers;
		this.bodies = bodies;
		this.domains = domains;
		this.certificates = certificates;
	}

	/** Imports officers; an empty 所属单位 means the importing user's own body. */
	public ImportReport importOfficers(DataScope scope, Long ownBodyId, InputStream xlsx) {
		List<List<String>> rows = Excel.read(xlsx, HEADERS.size());
		if (rows.isEmpty() || !rows.get(0).get(0).equals(HEADERS.get(0))) {
			throw new BusinessRuleViolation("表格第一行应为表头（第一列“姓名”），请使用下载的导入模板");
		}
		var choices = bodies.choices(scope);
		int created = 0;
		List<ImportReport.RowError> errors = new ArrayList<>();
		for (int i = 1; i < rows.size(); i++) {
			List<String> r = rows.get(i);
			if (r.stream().allMatch(String::isBlank)) {
				continue;
			}
			List<String> problems = new ArrayList<>();
			OfficerForm f = new OfficerForm();
			f.setName(r.get(0));
			f.setIdNumber(r.get(1));
			if (r.get(2).isBlank()) {
				f.setBodyId(ownBodyId);
			}
			else {
				choices.stream().filter(b -> b.name().equals(r.get(2))).findFirst().ifPresentOrElse(b -> f.setBodyId(b.id()),
						() -> problems.add("单位“" + r.get(2) + "”不存在或不在您的管理范围内"));
			}
			f.setPost(r.get(3));
			f.setStaffing(r.get(4).isBlank() ? StaffingType.ESTABLISHED : StaffingType.fromLabel(r.get(4)));
			if (f.getStaffing() == null) {
				problems.add("人员性质“" + r.get(4) + "”应为在编、聘用或辅助人员");
			}
			for (String d : r.get(5).split("[、,，;；]")) {
				if (!d.isBlank()) {
					domains.byCodeOrName(d).ifPresentOrElse(x -> f.getDomainCodes().add(x.code()), () -> problems.add("执法领域“" + d.strip() + "”不存在"));
				}
			}
			f.setLegalQualificationNo(r.get(6));
			f.setPolice(Excel.yes(r.get(7), "人民警察", problems));
			f.setSupervisionStaff(Excel.yes(r.get(8), "执法监督人员", problems));
			f.setLegalReviewer(Excel.yes(r.get(9), "法制审核人员", problems));
			// a sheet on the template before the 警号 column was added has none: read as empty
			f.setPoliceNumber(r.get(10));
			try {
				if (problems.isEmpty()) {
					// the form's own checks first, so a bad row is reported without touching any transaction
					problems.addAll(officers.validate(scope, f, null).values());
				}
				if (!problems.isEmpty()) {
					throw new BusinessRuleViolation(String.join("；", problems));
				}
				officers.create(scope, f, false);
				created++;
			}
			catch (BusinessRuleViolation e) {
				errors.add(new ImportReport.RowError(i + 1, r.get(0), e.getMessage()));
			}
		}
		// the error workbook names the rows, without their cells: they hold ID numbers, which are kept encrypted, never in a session
		return new ImportReport(created, errors);
	}

	public byte[] template() {
		return Excel.workbook("执法人员", HEADERS, List.of(Excel.sample(List.of("张三", "11010519491231002X", "", "执法队员", "在编", "市场监管", "", "否", "否", "否", ""))));
	}

	public byte[] export(DataScope scope, Officers.Query q) {
		List<List<String>> rows = new ArrayList<>();
		int page = 0;
		Page<Officer> p;
		do {
			p = officers.search(scope, q, page++, 100);
			var held = certificates.held(p.items().stream().map(Officer::id).toList());
			for (Officer o : p.items()) {
				Certificate c = held.get(o.id());
				rows.add(List.of(o.name(), o.idNumberMasked(), o.bodyName(), o.post(), o.staffing().label(),
						String.join("、", o.domainCodes().stream().map(d -> domains.byCodeOrName(d).map(Domains.Domain::name).orElse(d)).toList()),
						o.legalQualificationNo() == null ? "" : o.legalQualificationNo(), o.police() ? "是" : "否", o.supervisionStaff() ? "是" : "否",
						o.legalReviewer() ? "是" : "否", o.policeNumber() == null ? "" : o.policeNumber(), o.status().label(),
						c == null ? "" : c.number(), c == null ? (o.police() ? "人民警察证" : "无有效证件") : c.status().label(),
						c == null || c.validTo() == null ? "" : c.validTo().toString()));
			}
		} while (p.hasNext());
		List<String> headers = new ArrayList<>(HEADERS);
		headers.set(1, "身份证号（脱敏）");
		headers.add("状态");
		headers.addAll(List.of("执法证件号", "证件状态", "证件有效期至"));
		return Excel.workbook("执法人员", headers, rows);
	}
}
