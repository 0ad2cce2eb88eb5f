package zhifa.officer.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import zhifa.officer.Certificates;
import zhifa.officer.Compliance;
import zhifa.officer.Officers;
import zhifa.organization.Bodies;
import zhifa.shared.Excel;
import zhifa.shared.Operator;
import zhifa.shared.web.Downloads;

/** 持证与培训合规: one page for a supervisor across all bodies in its region, with drill-down and Excel export. */
@Controller
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR','UNIT_ADMIN')")
class ComplianceController {

	private final Compliance compliance;
	private final Officers officers;
	private final Certificates certificates;
	private final Bodies bodies;
	private final java.time.Clock clock;

	ComplianceController(Compliance compliance, Officers officers, Certificates certificates, Bodies bodies, java.time.Clock clock) {
		this.compliance = compliance;
		this.officers = officers;
		this.certificates = certificates;
		this.bodies = bodies;
		this.clock = clock;
	}

	@GetMapping("/compliance")
	String overview(@RequestParam(required = false) Integer year, Model model) {
		int y = year == null ? LocalDate.now(clock).getYear() : year;
		var figures = compliance.figures(Operator.current().scope(), y);
		model.addAttribute("year", y);
		model.addAttribute("figures", figures);
		model.addAttribute("total", compliance.total(figures));
		model.addAttribute("targets", compliance.targets());
		model.addAttribute("expiring", certificates.expiringSoon(Operator.current().scope()).size());
		return "officer/compliance";
	}

	@GetMapping("/compliance/bodies/{bodyId}")
	String body(@PathVariable long bodyId, @RequestParam(required = false) Integer year, Model model) {
		int y = year == null ? LocalDate.now(clock).getYear() : year;
		var scope = Operator.current().scope();
		var lines = compliance.drillDown(scope, bodyId, y, officers, certificates);
		model.addAttribute("year", y);
		model.addAttribute("body", bodies.get(scope, bodyId));
		model.addAttribute("figures", compliance.figures(scope, y).stream().filter(f -> f.bodyId() == bodyId).findFirst().orElse(null));
		model.addAttribute("lines", lines);
		model.addAttribute("pastDue", compliance.pastCompletionDue(y));
		model.addAttribute("below", lines.stream().filter(l -> l.officer().inEnforcementPost() && !l.hours().complete()).toList());
		return "officer/compliance-body";
	}

	@GetMapping("/compliance/export.xlsx")
	ResponseEntity<byte[]> export(@RequestParam(required = false) Integer year) {
		int y = year == null ? LocalDate.now(clock).getYear() : year;
		var figures = compliance.figures(Operator.current().scope(), y);
		List<List<Object>> rows = new ArrayList<>();
		for (var f : figures) {
			rows.add(List.of(f.bodyName(), f.regionName(), f.officers(), f.certified(), Excel.percent(f.certificateRate()), f.trainingComplete(),
					Excel.percent(f.trainingRate()), f.supervisionStaff(), f.supervisionMin() + "–" + f.supervisionMax(), f.legalReviewers(),
					f.legalReviewersTarget(), f.auxiliary()));
		}
		// each body's people, as the drill-down page shows them: who lacks a certificate or hours is what the list is for
		List<List<Object>> people = new ArrayList<>();
		java.util.Set<Long> applying = certificates.pending(Operator.current().scope()).stream().map(zhifa.officer.Certificate::officerId)
			.collect(java.util.stream.Collectors.toSet());
		if (figures.size() <= 200) {
			for (var f : figures) {
				for (var l : compliance.drillDown(Operator.current().scope(), f.bodyId(), y, officers, certificates)) {
					var o = l.officer();
					String credential = o.police() ? "人民警察证" : o.staffing() == zhifa.officer.StaffingType.AUXILIARY ? "辅助人员（不持证）"
							: l.certificate() == null ? (applying.contains(o.id()) ? "无证（证件申领中）" : "无证") : l.certificate().status().label() + "（" + l.certificate().number() + "，至 " + l.certificate().validTo() + "）";
					people.add(List.of(f.bodyName(), o.name(), o.staffing().label(), credential, l.certified() ? "是" : "否", l.hours().publicLaw(),
							l.hours().businessAndSkill(), l.hours().total(), !o.inEnforcementPost() ? "—" : l.hours().complete() ? "达标" : l.hours().shortfall()));
				}
			}
		}
		else {
			people.add(List.of("单位较多（" + figures.size() + " 个），请在各单位的明细页查看人员", "", "", "", "", "", "", "", ""));
		}
		return Downloads.xlsx(y + "年执法人员持证与培训情况.xlsx", Excel.workbook(List.of(
				new Excel.SheetData("持证与培训", List.of("执法主体", "区划", "执法岗位人数", "持证人数", "持证率", "培训达标人数", "培训达标率", "执法监督人员",
						"监督人员目标", "法制审核人员", "法制审核人员目标", "辅助人员"), rows),
				new Excel.SheetData("人员明细", List.of("执法主体", "姓名", "人员类别", "执法证件", "持证有效", "公共法律知识学时", "业务和技能学时", "合计学时",
						"培训达标"), people))));
	}
}
