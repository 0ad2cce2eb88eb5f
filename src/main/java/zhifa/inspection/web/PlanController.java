package zhifa.inspection.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zhifa.shared.RandomDraw;
import zhifa.inspection.draw.Recompute;
import zhifa.inspection.items.InspectionItems;
import zhifa.inspection.objects.InspectionObjects;
import zhifa.inspection.plans.InspectionPlans;
import zhifa.inspection.visits.Draws;
import zhifa.inspection.visits.Visits;
import zhifa.organization.Bodies;
import zhifa.organization.Regions;
import zhifa.shared.BodyScopes;
import zhifa.shared.DataScope;
import zhifa.shared.Excel;
import zhifa.shared.Operator;
import zhifa.shared.web.PageActions;

/** 抽查计划与任务: the body drafts and files, the justice bureau approves or returns, the task is committed and drawn once. */
@Controller
@PreAuthorize("hasAnyRole('OFFICER','LEADER','LEGAL_REVIEWER','UNIT_ADMIN','SUPERVISOR','PLATFORM_ADMIN')")
class PlanController {

	private final InspectionPlans plans;
	private final InspectionItems items;
	private final InspectionObjects objects;
	private final Draws draws;
	private final zhifa.inspection.visits.DrawRecord drawRecord;
	private final Visits visits;
	private final zhifa.inspection.visits.InspectionOverview overview;
	private final zhifa.inspection.visits.VisitLists lists;
	private final Bodies bodies;
	private final Regions regions;
	private final BodyScopes scopes;
	private final Clock clock;

	PlanController(InspectionPlans plans, InspectionItems items, InspectionObjects objects, Draws draws, zhifa.inspection.visits.DrawRecord drawRecord, Visits visits,
			zhifa.inspection.visits.InspectionOverview overview, zhifa.inspection.visits.VisitLists lists, Bodies bodies, Regions regions, BodyScopes scopes, Clock clock) {
		this.overview = overview;
		this.lists = lists;
		this.plans = plans;
		this.items = items;
		this.objects = objects;
		this.draws = draws;
		this.drawRecord = drawRecord;
		this.visits = visits;
		this.bodies = bodies;
		this.regions = regions;
		this.scopes = scopes;
		this.clock = clock;
	}

	@GetMapping("/inspection/plans")
	String list(@RequestParam(required = false) Integer year, Model model) {
		Operator me = Operator.current();
		int thisYear = LocalDate.now(clock).getYear();
		model.addAttribute("plans", plans.plans(me.scope(), year));
		model.addAttribute("year", year);
		model.addAttribute("thisYear", thisYear);
		model.addAttribute("deadline", plans.filingDeadline(thisYear));
		model.addAttribute("mayCreate", me.holdsAnyRole(List.of("LEADER", "UNIT_ADMIN")) && me.bodyId() != null);
		model.addAttribute("tasks", plans.approvedTasks(me.scope(), 30));
		return "inspection/plans";
	}

	@GetMapping("/inspection/overview")
	String overview(@RequestParam(required = false) Integer year, Model model) {
		int y = year == null || year < 2000 || year > 2100 ? LocalDate.now(clock).getYear() : year;
		model.addAttribute("o", overview.of(Operator.current().scope(), y));
		model.addAttribute("caps", draws.caps());
		model.addAttribute("waiting", plans.plans(Operator.current().scope(), y).stream().filter(p -> p.status() == InspectionPlans.PlanStatus.FILED).toList());
		return "inspection/overview";
	}

	@PostMapping("/inspection/plans")
	String create(@RequestParam(required = false) Integer year, RedirectAttributes flash) {
		Operator me = Operator.current();
		long[] id = { 0 };
		String to = PageActions.run(flash, "/inspection/plans", () -> {
			var p = plans.createPlan(me, null, year);
			id[0] = p.id();
			return "已建立" + p.year() + "年度抽查计划，请添加抽查任务后报备";
		});
		return id[0] > 0 ? "redirect:/inspection/plans/" + id[0] : to;
	}

	@GetMapping("/inspection/plans/{id}")
	String show(@PathVariable long id, Model model) {
		Operator me = Operator.current();
		var p = plans.plan(me.scope(), id);
		model.addAttribute("p", p);
		model.addAttribute("tasks", plans.tasks(id));
		model.addAttribute("deadline", plans.filingDeadline(p.year()));
		model.addAttribute("today", LocalDate.now(clock));
		boolean own = me.holdsAnyRole(List.of("LEADER", "UNIT_ADMIN")) && scopes.covers(me.scope(), p.bodyId());
		boolean editable = p.status() == InspectionPlans.PlanStatus.DRAFT || p.status() == InspectionPlans.PlanStatus.RETURNED;
		model.addAttribute("mayEdit", own && editable);
		model.addAttribute("mayDecide", me.holdsAnyRole(List.of("SUPERVISOR")) && p.status() == InspectionPlans.PlanStatus.FILED);
		model.addAttribute("ownItems", items.published(p.bodyId()));
		List<InspectionItems.Item> partnerItems = new ArrayList<>();
		if (own && editable) {
			partnerItems.addAll(items.publishedByOthers(p.bodyId()));
		}
		model.addAttribute("partnerItems", partnerItems);
		model.addAttribute("regions", regions.tree());
		model.addAttribute("industries", objects.industries());
		return "inspection/plan";
	}

	@PostMapping("/inspection/plans/{id}/tasks")
	String addTask(@PathVariable long id, @RequestParam(required = false) String name, @RequestParam(required = false) List<Long> itemIds,
			@RequestParam(required = false) Long regionId, @RequestParam(required = false) String industry,
			@RequestParam(required = false) BigDecimal ratioA, @RequestParam(required = false) BigDecimal ratioB,
			@RequestParam(required = false) BigDecimal ratioC, @RequestParam(required = false) BigDecimal ratioD,
			@RequestParam(required = false) LocalDate startsOn, @RequestParam(required = false) LocalDate endsOn, RedirectAttributes flash) {
		return PageActions.run(flash, "/inspection/plans/" + id, () -> {
			var t = plans.addTask(Operator.current(), id, new InspectionPlans.TaskForm(name, itemIds, regionId, industry, ratioA, ratioB, ratioC, ratioD,
					startsOn, endsOn));
			return "已添加抽查任务 " + t.code() + (t.joint() ? "（联合检查）" : "");
		});
	}

	@PostMapping("/inspection/plans/{id}/filing")
	String file(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String lateReason, RedirectAttributes flash) {
		return PageActions.run(flash, "/inspection/plans/" + id, () -> {
			var p = plans.file(Operator.current(), id, version, lateReason);
			return "已报备执法监督机构" + (p.filedLate() ? "（已超过报备期限 " + plans.filingDeadline(p.year()) + "）" : "");
		});
	}

	@PostMapping("/inspection/plans/{id}/decision")
	String decide(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String note, RedirectAttributes flash) {
		return PageActions.run(flash, "/inspection/plans/" + id, () -> {
			var p = plans.decide(Operator.current(), id, version, "APPROVE".equals(outcome), note);
			return p.status() == InspectionPlans.PlanStatus.APPROVED ? "已批准，任务可以公布并抽取" : "已退回：" + p.decisionNote();
		});
	}

	@GetMapping("/inspection/tasks/{id}")
	String task(@PathVariable long id, Model model) {
		Operator me = Operator.current();
		var t = plans.task(me.scope(), id);
		model.addAttribute("t", t);
		model.addAttribute("p", plans.plan(DataScope.all(), t.planId()));
		// a partner body sees the joint task, not the lead body's plan: the plan's name without a link it could not open
		model.addAttribute("seesPlan", scopes.covers(me.scope(), t.bodyId()));
		boolean own = me.holdsAnyRole(List.of("LEADER", "UNIT_ADMIN")) && scopes.covers(me.scope(), t.bodyId());
		model.addAttribute("mayDraw", own);
		model.addAttribute("mayAccept", me.holdsAnyRole(List.of("LEADER", "UNIT_ADMIN"))
				&& t.partnerStatus().stream().anyMatch(x -> x.acceptedBy() == null && scopes.covers(me.scope(), x.bodyId())));
		if (t.commitment() == null && own) {
			model.addAttribute("preview", plans.preview(t));
		}
		if (t.commitment() != null) {
			var parsed = Recompute.parse(plans.canonical(id));
			model.addAttribute("poolSize", parsed.population().size());
			model.addAttribute("sizes", RandomDraw.sizes(parsed.ratios(), parsed.population()));
		}
		model.addAttribute("visits", lists.ofTask(id));
		model.addAttribute("caps", draws.caps());
		// the inspectors' pools the teams were drawn from, each with its body's name
		java.util.Map<Long, String> bodyNames = new java.util.HashMap<>();
		t.items().forEach(i -> bodyNames.putIfAbsent(i.bodyId(), i.bodyName()));
		var inputs = drawRecord.inputs(id);
		List<String> lines = new java.util.ArrayList<>(inputs.pools().stream()
			.map(p -> bodyNames.getOrDefault(p.bodyId(), "机关" + p.bodyId()) + "（机关编号 " + p.bodyId() + "）：人员编号 "
					+ p.officerIds().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining("、")) + "；每人最多 " + p.cap() + " 户")
			.toList());
		inputs.conflicts().forEach((uscc, ids) -> lines.add("回避 " + uscc + "：人员编号 "
				+ ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining("、"))));
		model.addAttribute("teamPools", lines);
		model.addAttribute("poolsFixedAtCommit", inputs.fixedAtCommit());
		return "inspection/task";
	}

	@PostMapping("/inspection/tasks/{id}/partnership")
	String acceptPartnership(@PathVariable long id, RedirectAttributes flash) {
		return PageActions.run(flash, "/inspection/tasks/" + id, () -> {
			plans.acceptPartnership(Operator.current(), id);
			return "已同意参加联合检查；本单位的检查人员将在抽取时按同一规则从本单位持证人员中抽取";
		});
	}

	@PostMapping("/inspection/tasks/{id}/commitment")
	String commit(@PathVariable long id, @RequestParam int version, RedirectAttributes flash) {
		return PageActions.run(flash, "/inspection/tasks/" + id, () -> {
			draws.commit(Operator.current(), id, version);
			return "已公布抽查参数和对象名录，并确定了检查人员库（不能再更改）；现在可以抽取";
		});
	}

	@PostMapping("/inspection/tasks/{id}/draw")
	String draw(@PathVariable long id, RedirectAttributes flash) {
		return PageActions.run(flash, "/inspection/tasks/" + id, () -> {
			var t = draws.draw(Operator.current(), id);
			return "已随机抽取检查对象并分配检查人员，见下方名单（抽取结果可复算核验，见“核验数据”）";
		});
	}

	/** The task's canonical text: what the commitment is the SM3 of, and what Recompute reads. */
	@GetMapping("/inspection/tasks/{id}/canonical.txt")
	ResponseEntity<byte[]> canonical(@PathVariable long id) {
		var t = plans.task(Operator.current().scope(), id);
		return ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(t.code() + ".txt").build().toString())
			.body(plans.canonical(id).getBytes(StandardCharsets.UTF_8));
	}

	/** The results of a task in the layout of the national enterprise-credit publicity system's 抽查检查结果. */
	@GetMapping("/inspection/tasks/{id}/results.xlsx")
	ResponseEntity<byte[]> results(@PathVariable long id) {
		var t = plans.task(Operator.current().scope(), id);
		List<List<String>> rows = new ArrayList<>();
		for (var l : lists.ofTask(id)) {
			var v = visits.load(l.id()).orElseThrow();
			rows.add(List.of(t.code(), t.name(), "双随机抽查" + (v.joint() ? "（部门联合）" : ""), v.bodyName(), v.objectName(), v.uscc(),
					String.join("；", v.checks().stream().map(Visits.Check::itemName).distinct().toList()), v.outcome(),
					v.checkedOn() == null ? "" : v.checkedOn().toString(), v.publishedOn() == null ? "未公示" : v.publishedOn().toString()));
		}
		byte[] xlsx = Excel.workbook("抽查检查结果", List.of("任务编号", "任务名称", "检查类型", "检查实施机关", "市场主体名称", "统一社会信用代码", "检查事项", "检查结果",
				"检查完成日期", "公示日期"), rows);
		return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(t.code() + "-抽查检查结果.xlsx", StandardCharsets.UTF_8)
				.build().toString())
			.body(xlsx);
	}
}
