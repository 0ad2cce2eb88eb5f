package zhifa.supervision.complaint.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.Operator;
import zhifa.shared.Page;
import zhifa.supervision.complaint.Complaint;
import zhifa.supervision.complaint.ComplaintChannel;
import zhifa.supervision.complaint.ComplaintForm;
import zhifa.supervision.complaint.ComplaintStatus;
import zhifa.supervision.complaint.Complaints;

@Tag(name = "投诉举报", description = "执法监督人员登记、分办、办结、重办；承办单位答复；按单位和事项统计")
@RestController
@RequestMapping("/api/v1/complaints")
@PreAuthorize("hasAnyRole('SUPERVISOR','UNIT_ADMIN','LEADER','PLATFORM_ADMIN')")
class ComplaintApi {

	private final Complaints complaints;

	ComplaintApi(Complaints complaints) {
		this.complaints = complaints;
	}

	@Operation(summary = "投诉举报列表（新的在前）", description = "status：RECEIVED 待分办、ASSIGNED 办理中、REPLIED 已答复、CLOSED 已办结")
	@GetMapping
	Page<Complaint> list(@RequestParam(required = false) ComplaintStatus status, @RequestParam(required = false) Long assignedBodyId,
			@RequestParam(required = false) ComplaintChannel channel, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return complaints.list(Operator.current(), status, assignedBodyId, channel, page, size);
	}

	@GetMapping("/{id}")
	Complaint get(@PathVariable long id) {
		return complaints.get(Operator.current(), id);
	}

	/** {@code actNumber}: a case number or a decision's document number; the acts with it in the supervisor's scope are linked. */
	record NewComplaint(String channel, String category, Boolean enterpriseRelated, Long subjectBodyId, Long matterId, Long caseId, String actNumber,
			String complainantName, String phone, String idNumber, String title, String content, java.time.LocalDate receivedOn) {
	}

	@Operation(summary = "登记投诉举报（来信、来访、来电）", description = "由执法监督人员登记，本单位受理；channel 为 LETTER（来信）、VISIT（来访）或 PHONE（来电），不填记为“登记”；actNumber 为涉及的案件编号或决定书文号（可不填），"
			+ "关联监督范围内台账中该编号的执法行为（含其他系统报送的），找不到时返回 400；receivedOn 为收到日期（晚于收到才登记时填写，不晚于今天、不早于一年前；不填为今天）")
	@PreAuthorize("hasRole('SUPERVISOR')")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> register(@RequestBody NewComplaint n) {
		var form = new ComplaintForm(null, Inputs.category(n.category()), n.enterpriseRelated(), null, n.subjectBodyId(), n.matterId(),
				n.caseId(), n.complainantName(), n.phone(), n.idNumber(), n.title(), n.content());
		return Inputs.receipt(complaints.receive(Operator.current(), Inputs.registeredChannel(n.channel(), true), form, n.actNumber(), n.receivedOn(), false));
	}

	record Assignment(Integer version, Long bodyId, List<Long> caseIds, List<String> actNumbers, Long subjectBodyId) {
	}

	@Operation(summary = "分办", description = "bodyId 为承办单位（本机构即直接办理）；答复期限按配置的工作日计算；caseIds 关联本平台案件；actNumbers 以案件编号或决定书文号关联台账中的执法行为（含其他系统报送的）；subjectBodyId 为被投诉的执法主体（投诉未指明时由监督人员确定，可不填）。version 为读取时的版本（乐观锁，过期返回 409）。")
	@PreAuthorize("hasRole('SUPERVISOR')")
	@PostMapping("/{id}/assignment")
	Complaint assign(@PathVariable long id, @RequestBody Assignment a) {
		return complaints.assign(Operator.current(), id, version(a.version()), a.bodyId(), a.caseIds(), a.actNumbers(), a.subjectBodyId());
	}

	record ReplyText(Integer version, String reply) {
	}

	@Operation(summary = "答复（承办单位）")
	@PostMapping("/{id}/reply")
	Complaint reply(@PathVariable long id, @RequestBody ReplyText r) {
		return complaints.reply(Operator.current(), id, version(r.version()), r.reply());
	}

	record Closure(Integer version, String satisfaction) {
	}

	@Operation(summary = "办结（可记录回访满意度）")
	@PreAuthorize("hasRole('SUPERVISOR')")
	@PostMapping("/{id}/closure")
	Complaint close(@PathVariable long id, @RequestBody Closure c) {
		return complaints.close(Operator.current(), id, version(c.version()), Inputs.satisfaction(c.satisfaction()));
	}

	record Reopening(Integer version, String satisfaction, String reason) {
	}

	@Operation(summary = "重办")
	@PreAuthorize("hasRole('SUPERVISOR')")
	@PostMapping("/{id}/reopening")
	Complaint reopen(@PathVariable long id, @RequestBody Reopening r) {
		return complaints.reopen(Operator.current(), id, version(r.version()), Inputs.satisfaction(r.satisfaction()), r.reason());
	}

	@Operation(summary = "统计：按承办单位、按执法事项（件数、办理中、已答复、逾期、满意、不满意、重办）")
	@GetMapping("/statistics")
	Complaints.Statistics statistics() {
		return complaints.statistics(Operator.current());
	}

	private static int version(Integer v) {
		if (v == null) {
			throw BusinessRuleViolation.onField("version", "请提供读取时的版本号 version");
		}
		return v;
	}
}
