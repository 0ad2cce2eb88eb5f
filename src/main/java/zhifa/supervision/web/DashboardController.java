package zhifa.supervision.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.Excel;
import zhifa.shared.Money;
import zhifa.shared.Operator;
import zhifa.shared.web.Downloads;
import zhifa.supervision.Dashboard;
import zhifa.supervision.Stages;

/**
 * 执法监督 — the supervisor's dashboard over the ledger: the bodies in his scope with their figures for a year, monthly
 * trends and stages as charts, each body's acts behind its figures, each act's facts, and the table as Excel.
 */
@Controller
@PreAuthorize("hasAnyRole('SUPERVISOR','PLATFORM_ADMIN')")
class DashboardController {

	static final int PAGE_SIZE = 50;

	private final Dashboard dashboard;
	private final Clock clock;
	private final zhifa.organization.Regions regions;

	private final zhifa.supervision.complaint.Complaints complaints;

	private final zhifa.supervision.special.SpecialSupervision special;

	DashboardController(Dashboard dashboard, Clock clock, zhifa.organization.Regions regions, zhifa.supervision.complaint.Complaints complaints,
			zhifa.supervision.special.SpecialSupervision special) {
		this.special = special;
		this.complaints = complaints;
		this.regions = regions;
		this.dashboard = dashboard;
		this.clock = clock;
	}

	private int year(Integer year) {
		int y = year == null ? LocalDate.now(clock).getYear() : year;
		if (y < 2000 || y > LocalDate.now(clock).getYear() + 1) {
			throw BusinessRuleViolation.onField("year", "年份应在 2000 年至明年之间");
		}
		return y;
	}

	/**
	 * The scope of the page: the user's own, or one region inside it ({@code ?region=}) — the drill-down from a region
	 * to the regions below it and their bodies.
	 */
	private record View(DataScope scope, zhifa.organization.Region region) {
	}

	private View view(Long regionId) {
		DataScope own = Operator.current().scope();
		zhifa.organization.Region base;
		if (regionId != null) {
			base = regions.find(regionId).orElseThrow(() -> new zhifa.shared.NotFound("区划"));
			if (own.kind() == DataScope.Kind.BODY || (own.kind() == DataScope.Kind.REGION_SUBTREE && !base.path().startsWith(own.regionPath()))) {
				throw new zhifa.shared.NotFound("区划");
			}
			return new View(DataScope.regionSubtree(own.bodyId() == null ? 0 : own.bodyId(), base.path()), base);
		}
		if (own.kind() == DataScope.Kind.REGION_SUBTREE) {
			String[] ids = own.regionPath().split("/");
			return new View(own, regions.find(Long.parseLong(ids[ids.length - 1])).orElse(null));
		}
		return new View(own, regions.tree().isEmpty() ? null : regions.tree().get(0));
	}

	/** Bodies listed on the page unless all are asked for, and bodies in the heat-table (most open alerts first). */
	static final int BODY_ROWS = 50, HEAT_ROWS = 30;

	@GetMapping("/supervision")
	String overview(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long region,
			@RequestParam(defaultValue = "false") boolean all, Model model) {
		int y = year(year);
		View v = view(region);
		var o = dashboard.overview(v.scope(), y);
		model.addAttribute("region", v.region());
		model.addAttribute("regionRows", v.region() == null ? List.of()
				: Dashboard.byRegion(o, v.region().path(), v.region().id(), v.region().name(), id -> regions.find(id).map(zhifa.organization.Region::name).orElse("区划" + id)));
		if (v.region() != null && v.region().parentId() != null && (Operator.current().scope().kind() == DataScope.Kind.ALL
				|| regions.find(v.region().parentId()).map(p -> p.path().startsWith(Operator.current().scope().regionPath())).orElse(false))) {
			model.addAttribute("parentRegion", v.region().parentId());
		}
		model.addAttribute("o", o);
		// a province has hundreds of bodies: the page lists the busiest (all on request, in the Excel and by region)
		model.addAttribute("bodyRows", all ? o.bodies() : o.bodies().stream().limit(BODY_ROWS).toList());
		model.addAttribute("heatIds", o.alerts().bodyIds().stream().limit(HEAT_ROWS).toList());
		model.addAttribute("year", y);
		model.addAttribute("years", List.of(y - 2, y - 1, y, y + 1).stream().filter(x -> x <= LocalDate.now(clock).getYear()).toList());
		model.addAttribute("monthLabels", json(o.months().stream().map(Dashboard.Month::month).toList()));
		model.addAttribute("monthSeries", json(List.of(series("执法行为", o.months().stream().map(Dashboard.Month::acts).toList()),
				series("作出决定", o.months().stream().map(Dashboard.Month::decided).toList()))));
		// the fifteen bodies with the most money decided (the table below lists every body)
		var top = o.bodies().stream().sorted(java.util.Comparator.comparingLong((Dashboard.BodyRow b) -> -(b.fines() + b.confiscations()))).limit(15).toList();
		model.addAttribute("bodyLabels", json(top.stream().map(Dashboard.BodyRow::bodyName).toList()));
		model.addAttribute("bodySeries", json(List.of(series("罚款（元）", top.stream().map(b -> b.fines() / 100).toList()),
				series("没收（元）", top.stream().map(b -> b.confiscations() / 100).toList()))));
		model.addAttribute("stageLabels", json(o.stages().stream().map(Dashboard.StageCount::label).toList()));
		model.addAttribute("stageSeries", json(List.of(series("执法行为", o.stages().stream().map(Dashboard.StageCount::count).toList()))));
		return "supervision/dashboard";
	}

	@GetMapping("/supervision/export.xlsx")
	ResponseEntity<byte[]> export(@RequestParam(required = false) Integer year) {
		int y = year(year);
		var o = dashboard.overview(Operator.current().scope(), y);
		List<List<Object>> rows = new ArrayList<>();
		java.util.Set<Long> listed = new java.util.HashSet<>();
		for (var b : o.bodies()) {
			rows.add(row(b, o.alerts().total(b.bodyId())));
			listed.add(b.bodyId());
		}
		// the open alerts of bodies with no act this year (a campaign's duty, a training shortfall) on a line of their own,
		// so that the total is the sum of the lines above it
		long elsewhere = o.alerts().bodyIds().stream().filter(id -> !listed.contains(id)).mapToLong(id -> o.alerts().total(id)).sum();
		if (elsewhere > 0) {
			List<Object> other = new ArrayList<>(java.util.Collections.nCopies(19, (Object) ""));
			other.set(0, "本年度无执法行为的单位");
			other.set(18, elsewhere);
			rows.add(other);
		}
		rows.add(row(o.total(), o.alerts().bodyIds().stream().mapToLong(id -> o.alerts().total(id)).sum()));
		return Downloads.xlsx(y + "年行政执法情况.xlsx", Excel.workbook("执法情况", List.of("执法主体", "区划", "执法行为", "已作出决定", "处罚决定", "罚款（元）",
				"没收金额（元）", "平均办理天数（立案至决定）", "最长办理天数", "已立案（有办案期限）", "超期（超过办案期限决定或未决定）", "超期率（占已立案）", "持证率", "培训完成率", "被申请复议或起诉", "复议诉讼已结",
				"被纠错", "纠错率", "待处理预警"), rows));
	}

	/** One series of a chart. */
	record Series(String name, List<? extends Number> data) {
	}

	private static Series series(String name, List<? extends Number> data) {
		return new Series(name, data);
	}

	private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

	/** Chart data for a {@code data-*} attribute (the page's scripts may not be inline: the CSP allows only our files). */
	private static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	/** A body's line of the Excel: counts, amounts and rates as numbers Excel can add up, "—" where there is none. */
	private static List<Object> row(Dashboard.BodyRow b, long openAlerts) {
		return Arrays.asList(b.bodyName(), b.regionName(), b.acts(), b.decided(), b.penalties(), Excel.yuan(b.fines()), Excel.yuan(b.confiscations()),
				b.averageDays() == null ? "—" : b.averageDays(), b.longestDays() == null ? "—" : b.longestDays(), b.filed(), b.overdue(), Excel.percent(b.overdueRate()),
				Excel.percent(b.certificateRate()), Excel.percent(b.trainingRate()), b.challenged(), b.concluded(), b.corrected(),
				Excel.percent(b.correctedRate()), openAlerts);
	}

	/** A body's page: the supervisor's, and the body's own head and administrator see what the supervisor sees of it. */
	@PreAuthorize("hasAnyRole('SUPERVISOR','PLATFORM_ADMIN','LEADER','UNIT_ADMIN')")
	@GetMapping("/supervision/bodies/{bodyId}")
	String body(@PathVariable long bodyId, @RequestParam(required = false) Integer year, @RequestParam(defaultValue = "0") int page, Model model) {
		int y = year(year);
		if (page < 0 || page > 10_000) {
			throw BusinessRuleViolation.onField("page", "页码超出范围");
		}
		var scope = Operator.current().scope();
		var months = dashboard.months(scope, bodyId, y);
		var acts = dashboard.acts(scope, bodyId, y, page, PAGE_SIZE);
		var row = dashboard.body(scope, bodyId, y).orElse(null);
		long total = dashboard.actCount(bodyId, y);
		model.addAttribute("row", row);
		model.addAttribute("bodyId", bodyId);
		model.addAttribute("acts", acts);
		model.addAttribute("year", y);
		model.addAttribute("page", page);
		model.addAttribute("total", total);
		model.addAttribute("hasNext", (long) (page + 1) * PAGE_SIZE < total);
		model.addAttribute("monthLabels", json(months.stream().map(Dashboard.Month::month).toList()));
		model.addAttribute("monthSeries", json(List.of(series("执法行为", months.stream().map(Dashboard.Month::acts).toList()),
				series("作出决定", months.stream().map(Dashboard.Month::decided).toList()))));
		return "supervision/body";
	}

	@PreAuthorize("hasAnyRole('SUPERVISOR','PLATFORM_ADMIN','LEADER','UNIT_ADMIN')")
	@GetMapping("/supervision/acts/{actId}")
	String act(@PathVariable long actId, Model model) {
		model.addAttribute("a", dashboard.act(Operator.current().scope(), actId));
		model.addAttribute("complaints", complaints.forAct(Operator.current(), actId));
		model.addAttribute("special", special.ofAct(Operator.current().scope(), actId));
		return "supervision/act";
	}
}
