package zhifa.supervision.complaint.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.Operator;
import zhifa.shared.web.PageActions;
import zhifa.supervision.complaint.ComplaintAction;
import zhifa.supervision.complaint.ComplaintCategory;
import zhifa.supervision.complaint.ComplaintChannel;
import zhifa.supervision.complaint.ComplaintForm;
import zhifa.supervision.complaint.ComplaintStatus;
import zhifa.supervision.complaint.Complaints;
import zhifa.supervision.complaint.HotlineOutbox;
import zhifa.supervision.complaint.Satisfaction;

/** The complaint pages of the supervisor and of the bodies' administrators, and the 12345 dead-letter list. */
@Controller
class ComplaintController {

	private final Complaints complaints;
	private final HotlineOutbox outbox;
	private final java.time.Clock clock;
	private final zhifa.record.RecordQueries records;
	private final zhifa.casework.Cases cases;
	private final zhifa.casework.CaseKinds kinds;

	ComplaintController(Complaints complaints, HotlineOutbox outbox, java.time.Clock clock, zhifa.casework.Cases cases, zhifa.casework.CaseKinds kinds,
			zhifa.record.RecordQueries records) {
		this.records = records;
		this.complaints = complaints;
		this.outbox = outbox;
		this.clock = clock;
		this.cases = cases;
		this.kinds = kinds;
	}

	/** A linked case as its page shows it: its number (or 案源第N号) and its page, the kernel's label and path. */
	record LinkedCase(String label, String path) {
	}

	@PreAuthorize("hasAnyRole('SUPERVISOR','UNIT_ADMIN','LEADER','PLATFORM_ADMIN')")
	@GetMapping("/supervision/complaints")
	String list(@RequestParam(required = false) ComplaintStatus status, @RequestParam(required = false) ComplaintChannel channel,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Operator me = Operator.current();
		model.addAttribute("page", complaints.list(me, status, null, channel, page, 20));
		model.addAttribute("status", status);
		model.addAttribute("channel", channel);
		model.addAttribute("statuses", ComplaintStatus.values());
		model.addAttribute("channels", ComplaintChannel.values());
		model.addAttribute("categories", ComplaintCategory.values());
		model.addAttribute("registrable", ComplaintChannel.registrable());
		model.addAttribute("today", java.time.LocalDate.now(clock));
		model.addAttribute("bodies", complaints.assignableBodies(me));
		model.addAttribute("baseUrl", "/supervision/complaints?" + (status != null ? "status=" + status + "&" : "")
				+ (channel != null ? "channel=" + channel + "&" : ""));
		return "supervision/complaint/list";
	}

	@PreAuthorize("hasRole('SUPERVISOR')")
	@PostMapping("/supervision/complaints")
	String register(@RequestParam(required = false) String channel, @RequestParam(required = false) String category, @RequestParam(required = false) Boolean enterpriseRelated,
			@RequestParam(required = false) Long subjectBodyId, @RequestParam(required = false) String actNumber,
			@RequestParam(required = false) String complainantName, @RequestParam(required = false) String phone,
			@RequestParam(required = false) String idNumber, @RequestParam(required = false) String title,
			@RequestParam(required = false) String content, @RequestParam(required = false) java.time.LocalDate receivedOn, RedirectAttributes flash) {
		List<Long> created = new ArrayList<>();
		String redirect = PageActions.run(flash, "/supervision/complaints", () -> {
			var form = new ComplaintForm(null, Inputs.category(category), enterpriseRelated, null, subjectBodyId, null, null, complainantName,
					phone, idNumber, title, content);
			zhifa.supervision.complaint.ComplaintChannel how;
			try {
				how = Inputs.registeredChannel(channel, false);
			}
			catch (zhifa.shared.BusinessRuleViolation e) {
				// the channel not chosen: said together with whatever else the form lacks, not in a second round
				java.util.Map<String, String> all = new java.util.LinkedHashMap<>(e.fieldErrors());
				form.problems().forEach(all::putIfAbsent);
				throw new zhifa.shared.BusinessRuleViolation("投诉举报有 " + all.size() + " 处需要更正：" + String.join("；", all.values()), all);
			}
			var c = complaints.receive(Operator.current(), how, form, actNumber, receivedOn, false).complaint();
			created.add(c.id());
			return "已登记，受理编号 " + c.receiptNo();
		});
		return created.isEmpty() ? redirect : "redirect:/supervision/complaints/" + created.get(0);
	}

	@PreAuthorize("hasAnyRole('SUPERVISOR','UNIT_ADMIN','LEADER','PLATFORM_ADMIN')")
	@GetMapping("/supervision/complaints/{id}")
	String detail(@PathVariable long id, Model model) {
		Operator me = Operator.current();
		var c = complaints.get(me, id);
		model.addAttribute("c", c);
		model.addAttribute("bodies", complaints.assignableBodies(me));
		model.addAttribute("satisfactions", Satisfaction.values());
		boolean supervisor = me.holdsAnyRole(List.of("SUPERVISOR"));
		boolean assignedHere = me.bodyId() != null && me.bodyId().equals(c.assignedBodyId()) && me.holdsAnyRole(List.of("UNIT_ADMIN", "LEADER", "SUPERVISOR"));
		model.addAttribute("mayAssign", supervisor && c.may(ComplaintAction.ASSIGN));
		model.addAttribute("mayReply", assignedHere && c.may(ComplaintAction.REPLY));
		model.addAttribute("mayClose", supervisor && c.may(ComplaintAction.CLOSE));
		model.addAttribute("mayCallBack", complaints.receivedBy(me, c));
		model.addAttribute("mayReopen", supervisor && c.may(ComplaintAction.REOPEN));
		model.addAttribute("late", c.lateOn(java.time.LocalDate.now(clock)));
		model.addAttribute("steps", steps(id));
		// the record is the receiving body's: the body it was assigned to is not led to a page it may not read
		model.addAttribute("mayReadRecord", records.visible(zhifa.record.RecordQueries.View.current(), "sv_complaint", c.supervisingBodyId()));
		model.addAttribute("acts", complaints.acts(me, id));
		model.addAttribute("linkedCases", cases.load(c.caseIds()).stream()
			.map(k -> new LinkedCase(kinds.of(k.kind()).caseLabel(k), kinds.of(k.kind()).pagePath(k.id()))).toList());
		return "supervision/complaint/detail";
	}

	/** The whole phone number for the callback, on the page (not kept anywhere but in the answer). */
	@PreAuthorize("hasRole('SUPERVISOR')")
	@PostMapping("/supervision/complaints/{id}/phone")
	String phone(@PathVariable long id, RedirectAttributes flash) {
		// shown once on the page it leads back to (a flash attribute: not in the address, gone on reload)
		flash.addFlashAttribute("fullPhone", complaints.phoneForCallback(Operator.current(), id));
		return "redirect:/supervision/complaints/" + id;
	}

	@PreAuthorize("hasRole('SUPERVISOR')")
	@PostMapping("/supervision/complaints/{id}/assignment")
	String assign(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) Long bodyId,
			@RequestParam(required = false) String actNumbers, @RequestParam(required = false) Long subjectBodyId, RedirectAttributes flash) {
		return PageActions.run(flash, "/supervision/complaints/" + id, () -> {
			var c = complaints.assign(Operator.current(), id, version, bodyId, List.of(),
					actNumbers == null ? List.of() : List.of(actNumbers.split("[,，、;；\\r\\n]+")), subjectBodyId);
			return "已分办至" + c.assignedBodyName() + "，" + c.replyDue() + " 前答复";
		});
	}

	@PreAuthorize("hasAnyRole('SUPERVISOR','UNIT_ADMIN','LEADER')")
	@PostMapping("/supervision/complaints/{id}/reply")
	String reply(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String reply, RedirectAttributes flash) {
		return PageActions.run(flash, "/supervision/complaints/" + id, () -> {
			var c = complaints.reply(Operator.current(), id, version, reply);
			return c.hotlineOrderNo() != null ? "已答复，答复将送回12345热线" : "已答复";
		});
	}

	@PreAuthorize("hasRole('SUPERVISOR')")
	@PostMapping("/supervision/complaints/{id}/closure")
	String close(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String satisfaction, RedirectAttributes flash) {
		return PageActions.run(flash, "/supervision/complaints/" + id, () -> {
			complaints.close(Operator.current(), id, version, Inputs.satisfaction(satisfaction));
			return "已办结";
		});
	}

	@PreAuthorize("hasRole('SUPERVISOR')")
	@PostMapping("/supervision/complaints/{id}/reopening")
	String reopen(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String satisfaction,
			@RequestParam(required = false) String reason, RedirectAttributes flash) {
		return PageActions.run(flash, "/supervision/complaints/" + id, () -> {
			var c = complaints.reopen(Operator.current(), id, version, Inputs.satisfaction(satisfaction), reason);
			return "已重办，" + c.replyDue() + " 前重新答复";
		});
	}

	@PreAuthorize("hasAnyRole('SUPERVISOR','UNIT_ADMIN','LEADER','PLATFORM_ADMIN')")
	@GetMapping("/supervision/complaints/statistics")
	String statistics(Model model) {
		model.addAttribute("stats", complaints.statistics(Operator.current()));
		return "supervision/complaint/statistics";
	}

	/** The complaints about a case, loaded into the case page for its supervisor. */
	@PreAuthorize("hasRole('SUPERVISOR')")
	@GetMapping("/supervision/complaints/for-case/{caseId}")
	String forCase(@PathVariable long caseId, Model model) {
		model.addAttribute("complaints", complaints.forCase(Operator.current(), caseId));
		return "supervision/complaint/case-complaints :: list";
	}

	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@GetMapping("/supervision/hotline/dead-letters")
	String deadLetters(Model model) {
		model.addAttribute("letters", outbox.deadLetters());
		model.addAttribute("settings", outbox.settings());
		return "supervision/complaint/dead-letters";
	}

	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@PostMapping("/supervision/hotline/dead-letters/{id}/requeue")
	String requeue(@PathVariable long id, RedirectAttributes flash) {
		return PageActions.run(flash, "/supervision/hotline/dead-letters", () -> {
			var r = outbox.requeue(Operator.current(), id);
			return "工单 " + r.orderNo() + " 的答复已重新排队推送";
		});
	}

	/** A step of the handling as the complaint's page lists it: when, by whom, what, and the reply's text for a reply. */
	record Step(String at, String actor, String summary, String reply) {
	}

	private static final java.util.Set<String> STEPS = java.util.Set.of("complaint.received", "complaint.assigned", "complaint.replied",
			"complaint.reopened", "complaint.closed");

	private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

	/**
	 * The handling so far, from the record (every reply, also those a reopening superseded): for whoever sees the
	 * complaint — its page was just allowed — not the audit entries (who viewed the phone number).
	 */
	private List<Step> steps(long id) {
		return records.timeline(zhifa.shared.DataScope.all(), "sv_complaint", String.valueOf(id)).stream().filter(e -> STEPS.contains(e.action()))
			.map(e -> new Step(zhifa.shared.web.Formats.at(e.occurredAt()), zhifa.shared.web.Formats.name(e.actorName()), e.summary(),
					e.action().equals("complaint.replied") ? JSON.readTree(e.payload()).path("reply").asString(null) : null))
			.toList();
	}
}
