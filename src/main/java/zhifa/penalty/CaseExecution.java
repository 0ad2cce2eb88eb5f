package zhifa.penalty;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.calendar.CalendarService;
import zhifa.record.FullProcessRecord;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.Deadline;
import zhifa.shared.DeadlineUnit;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;

/**
 * After the decision (part 2, first slice): service of the decision under the method's own rules (行政处罚法第六十一条), the
 * payment due day (送达之日起十五日内, 第六十七条), payments with their receipts, a deferral with approval (第六十六条),
 * 复议/诉讼 periods and outcomes (第七十三条; a changed or revoked decision starts the 3-working-day withdrawal of its
 * publication, 第四十八条), and the late fee to the day ({@link LateFee}).
 */
@Service
public class CaseExecution {

	private final NamedParameterJdbcTemplate jdbc;
	private final PenaltyCases cases;
	private final CaseTimers timers;
	private final CalendarService calendar;
	private final FullProcessRecord record;
	private final Clock clock;
	private final OnTheSpot onTheSpot;

	CaseExecution(NamedParameterJdbcTemplate jdbc, PenaltyCases cases, CaseTimers timers, CalendarService calendar, FullProcessRecord record,
			Clock clock, OnTheSpot onTheSpot) {
		this.onTheSpot = onTheSpot;
		this.jdbc = jdbc;
		this.cases = cases;
		this.timers = timers;
		this.calendar = calendar;
		this.record = record;
		this.clock = clock;
	}

	public enum ServiceMethod {
		DIRECT("直接送达"), LEAVE("留置送达"), MAIL("邮寄送达"), ENTRUST("委托送达"), FORWARD("转交送达"), ANNOUNCE("公告送达"), ELECTRONIC("电子送达");

		private final String label;

		ServiceMethod(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public record ServiceForm(ServiceMethod method, LocalDate servedOn, String recipient, String proof, String witnesses, String trackingNo,
			String consentRef, LocalDate announceFrom, Integer announceDays) {
	}

	public record Served(ServiceMethod method, LocalDate servedOn, String recipient, String proof, String witnesses, String trackingNo,
			String consentRef, LocalDate announceFrom, Integer announceDays) {
	}

	public record PaymentRecord(long id, LocalDate paidOn, long amount, String receiptNo) {
	}

	public record Remedy(long id, String kind, LocalDate startedOn, LocalDate endedOn, String outcome, String note) {
	}

	/** Where the money stands on a day: fine, due day (after deferral), paid, unpaid, late fee to the day, status. */
	public record Account(long fine, LocalDate due, boolean deferred, long paid, long unpaidFine, LateFee.Result lateFee, long outstanding,
			String status) {
	}

	// ---- reading

	public Optional<Served> service(long caseId) {
		return jdbc.query("select * from penalty_service where case_id = :c", Map.of("c", caseId), (rs, i) -> new Served(
				ServiceMethod.valueOf(rs.getString("method")), rs.getDate("served_on").toLocalDate(), rs.getString("recipient"), rs.getString("proof"),
				rs.getString("witnesses"), rs.getString("tracking_no"), rs.getString("consent_ref"),
				rs.getDate("announce_from") == null ? null : rs.getDate("announce_from").toLocalDate(), (Integer) rs.getObject("announce_days")))
			.stream().findFirst();
	}

	public List<PaymentRecord> payments(long caseId) {
		return jdbc.query("select * from penalty_payment where case_id = :c order by paid_on, id", Map.of("c", caseId),
				(rs, i) -> new PaymentRecord(rs.getLong("id"), rs.getDate("paid_on").toLocalDate(), rs.getLong("amount"), rs.getString("receipt_no")));
	}

	public List<Remedy> remedies(long caseId) {
		return jdbc.query("select * from penalty_remedy where case_id = :c order by id", Map.of("c", caseId), (rs, i) -> new Remedy(rs.getLong("id"),
				rs.getString("kind"), rs.getDate("started_on").toLocalDate(), rs.getDate("ended_on") == null ? null : rs.getDate("ended_on").toLocalDate(),
				rs.getString("outcome"), rs.getString("note")));
	}

	/** The payment account of a decided fine on a day; empty when the decision has no fine or is not served yet. */
	public Optional<Account> account(long caseId, LocalDate day) {
		var row = jdbc.queryForList("select decision_fine from penalty_case where id = :c and decision_outcome = 'PENALTY'", Map.of("c", caseId));
		if (row.isEmpty() || row.get(0).get("decision_fine") == null) {
			return Optional.empty();
		}
		Optional<Served> served = service(caseId);
		if (served.isEmpty()) {
			return Optional.empty();
		}
		long fine = ((Number) row.get(0).get("decision_fine")).longValue();
		var deferral = jdbc.queryForList("select new_due from penalty_deferral where case_id = :c", Map.of("c", caseId), LocalDate.class);
		LocalDate due = deferral.isEmpty() ? paymentDue(served.get().servedOn()) : deferral.get(0);
		// payments go to the fine first, then to the late fee
		List<LateFee.Payment> toFine = new ArrayList<>();
		long allocated = 0;
		long paid = 0;
		for (PaymentRecord p : payments(caseId)) {
			paid += p.amount();
			long part = Math.min(p.amount(), fine - allocated);
			if (part > 0) {
				toFine.add(new LateFee.Payment(p.paidOn(), part));
				allocated += part;
			}
		}
		List<LateFee.Pause> pauses = remedies(caseId).stream().map(r -> new LateFee.Pause(r.startedOn(), r.endedOn())).toList();
		List<LateFee.Instalment> schedule = instalments(caseId);
		if (!schedule.isEmpty()) {
			LocalDate lastDue = schedule.get(schedule.size() - 1).due();
			long dueByNow = schedule.stream().filter(i -> i.due().isBefore(day)).mapToLong(LateFee.Instalment::amount).sum();
			LateFee.Result fee = LateFee.asOf(fine, schedule, toFine, pauses, day);
			long outstanding = Math.max(0, fine + fee.fee() - paid);
			String status = outstanding == 0 ? "已缴清" : allocated < dueByNow ? "逾期未缴" : "分期缴纳中";
			return Optional.of(new Account(fine, lastDue, true, paid, Math.max(0, fine - allocated), fee, outstanding, status));
		}
		LateFee.Result fee = LateFee.asOf(fine, due, toFine, pauses, day);
		long outstanding = Math.max(0, fine + fee.fee() - paid);
		String status = outstanding == 0 ? "已缴清" : day.isAfter(due) ? "逾期未缴" : paid > 0 ? "部分缴纳" : "待缴纳";
		return Optional.of(new Account(fine, due, !deferral.isEmpty(), paid, Math.max(0, fine - allocated), fee, outstanding, status));
	}

	/** 自收到行政处罚决定书之日起十五日内: calendar days, moved to the next working day when the last is a day off. */
	public LocalDate paymentDue(LocalDate servedOn) {
		return calendar.due(Deadline.of(servedOn, 15, DeadlineUnit.CALENDAR_DAYS, "行政处罚法第六十七条第三款")).date();
	}

	// ---- service

	@Transactional
	public Served serve(DataScope scope, long caseId, ServiceForm f) {
		PenaltyCase c = decided(scope, caseId);
		if (service(caseId).isPresent()) {
			throw new BusinessRuleViolation("处罚决定书已送达");
		}
		if (f.method() == null) {
			throw BusinessRuleViolation.onField("method", "请选择送达方式");
		}
		if (blank(f.recipient()) || blank(f.proof())) {
			throw new BusinessRuleViolation("请填写受送达人和送达凭证（送达回证、邮件回执、公告截图等）");
		}
		LocalDate servedOn = f.servedOn();
		switch (f.method()) {
			case LEAVE -> {
				if (blank(f.witnesses())) {
					throw BusinessRuleViolation.onField("witnesses", "留置送达应当邀请见证人到场并在送达回证上记明，请填写见证人");
				}
			}
			case MAIL -> {
				if (blank(f.trackingNo())) {
					throw BusinessRuleViolation.onField("trackingNo", "邮寄送达请填写邮件单号，以签收日期为送达日期");
				}
			}
			case ELECTRONIC -> {
				if (blank(f.consentRef())) {
					throw BusinessRuleViolation.onField("consentRef", "电子送达须当事人同意并签订确认书（行政处罚法第六十一条第二款），请填写确认书编号");
				}
			}
			case ANNOUNCE -> {
				if (f.announceFrom() == null || f.announceDays() == null || f.announceDays() < 1) {
					throw BusinessRuleViolation.onField("announceDays", "公告送达请填写公告发布日期和公告期（日）");
				}
				servedOn = f.announceFrom().plusDays(f.announceDays());
			}
			default -> {
			}
		}
		if (servedOn == null || servedOn.isBefore(c.decidedOn()) || (f.method() != ServiceMethod.ANNOUNCE && servedOn.isAfter(today()))) {
			throw BusinessRuleViolation.onField("servedOn", "送达日期应在作出决定之后、今天之前");
		}
		jdbc.update("""
				insert into penalty_service (case_id, method, served_on, recipient, proof, witnesses, tracking_no, consent_ref, announce_from, announce_days,
				  recorded_by, recorded_at)
				values (:c, :m, :s, :r, :p, :w, :t, :cr, :af, :ad, :by, :now)""",
				new MapSqlParameterSource().addValue("c", caseId).addValue("m", f.method().name()).addValue("s", servedOn).addValue("r", f.recipient().strip())
					.addValue("p", f.proof().strip()).addValue("w", trim(f.witnesses())).addValue("t", trim(f.trackingNo()))
					.addValue("cr", trim(f.consentRef())).addValue("af", f.announceFrom()).addValue("ad", f.announceDays())
					.addValue("by", Operator.current().operatorName()).addValue("now", Timestamp.from(clock.instant())));
		timers.find(caseId, TimerKind.SERVICE).ifPresent(t -> timers.close(t, f.method() == ServiceMethod.ANNOUNCE ? f.announceFrom() : f.servedOn()));
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("method", f.method().label());
		data.put("servedOn", servedOn.toString());
		data.put("proof", f.proof().strip());
		account(caseId, today()).ifPresent(a -> data.put("paymentDue", a.due().toString()));
		record.append("penalty_case", caseId, c.bodyId(), "case.decision_served", "处罚决定书" + f.method().label() + "，送达日期 " + servedOn, data);
		return service(caseId).orElseThrow();
	}

	// ---- payment

	@Transactional
	public Account pay(DataScope scope, long caseId, LocalDate paidOn, Long amount, String receiptNo) {
		PenaltyCase c = decided(scope, caseId);
		Account before = account(caseId, today()).orElseThrow(() -> new BusinessRuleViolation("本案没有罚款，或处罚决定书尚未送达"));
		if (amount == null || amount <= 0) {
			throw BusinessRuleViolation.onField("amount", "请填写缴款金额");
		}
		if (paidOn == null || paidOn.isAfter(today()) || paidOn.isBefore(c.decidedOn())) {
			throw BusinessRuleViolation.onField("paidOn", "缴款日期应在作出决定之后、今天之前");
		}
		if (blank(receiptNo)) {
			throw BusinessRuleViolation.onField("receiptNo", "请填写缴款凭证号或非税收入缴款码（罚缴分离，行政处罚法第六十七条）");
		}
		Account asPaid = account(caseId, paidOn).orElseThrow();
		if (amount > asPaid.outstanding()) {
			throw BusinessRuleViolation.onField("amount", "缴款金额超过应缴金额 " + Sanction.yuan(asPaid.outstanding()) + "（罚款及截至缴款日的加处罚款）");
		}
		jdbc.update("""
				insert into penalty_payment (case_id, paid_on, amount, receipt_no, recorded_by, recorded_at) values (:c, :d, :a, :r, :by, :now)""",
				new MapSqlParameterSource().addValue("c", caseId).addValue("d", paidOn).addValue("a", amount).addValue("r", receiptNo.strip())
					.addValue("by", Operator.current().operatorName()).addValue("now", Timestamp.from(clock.instant())));
		Account after = account(caseId, today()).orElseThrow();
		record.append("penalty_case", caseId, c.bodyId(), "case.payment", "缴纳 " + Sanction.yuan(amount) + "（" + paidOn + "，" + receiptNo.strip() + "）",
				Map.of("outstanding", after.outstanding(), "status", after.status(), "before", before.outstanding()));
		return after;
	}

	/** 暂缓或者分期缴纳 with the head's approval (第六十六条): the due day moves. Instalments are not modelled yet. */
	@Transactional
	public Account defer(DataScope scope, long caseId, LocalDate newDue, String reason) {
		PenaltyCase c = decided(scope, caseId);
		Account a = account(caseId, today()).orElseThrow(() -> new BusinessRuleViolation("本案没有罚款，或处罚决定书尚未送达"));
		if (a.deferred()) {
			throw new BusinessRuleViolation("已批准过暂缓或分期缴纳");
		}
		if (newDue == null || !newDue.isAfter(a.due())) {
			throw BusinessRuleViolation.onField("newDue", "暂缓后的缴纳期限应晚于原期限 " + a.due());
		}
		if (blank(reason)) {
			throw BusinessRuleViolation.onField("reason", "当事人确有经济困难需要暂缓缴纳的，请写明理由");
		}
		jdbc.update("insert into penalty_deferral (case_id, new_due, reason, approved_by, approved_on) values (:c, :d, :r, :by, :on)",
				Map.of("c", caseId, "d", newDue, "r", reason.strip(), "by", Operator.current().operatorName(), "on", today()));
		record.append("penalty_case", caseId, c.bodyId(), "case.payment_deferred", "经批准暂缓缴纳罚款至 " + newDue, Map.of("reason", reason.strip()));
		return account(caseId, today()).orElseThrow();
	}

	public List<LateFee.Instalment> instalments(long caseId) {
		return jdbc.query("select due_date, amount from penalty_instalment where case_id = :c order by seq", Map.of("c", caseId),
				(rs, i) -> new LateFee.Instalment(rs.getDate(1).toLocalDate(), rs.getLong(2)));
	}

	/** 分期缴纳 with approval: the parts must add up to the fine, each with a later due day than the one before. */
	@Transactional
	public Account instalments(DataScope scope, long caseId, List<LateFee.Instalment> parts, String reason) {
		PenaltyCase c = decided(scope, caseId);
		Account a = account(caseId, today()).orElseThrow(() -> new BusinessRuleViolation("本案没有罚款，或处罚决定书尚未送达"));
		if (a.deferred()) {
			throw new BusinessRuleViolation("已批准过暂缓或分期缴纳");
		}
		if (parts == null || parts.size() < 2) {
			throw BusinessRuleViolation.onField("parts", "分期缴纳至少分两期");
		}
		if (reason == null || reason.isBlank()) {
			throw BusinessRuleViolation.onField("reason", "请写明分期缴纳的理由");
		}
		long sum = 0;
		LocalDate previous = c.decidedOn();
		for (LateFee.Instalment p : parts) {
			if (p.due() == null || p.amount() <= 0 || !p.due().isAfter(previous)) {
				throw BusinessRuleViolation.onField("parts", "每期应有金额，且期限晚于上一期（首期晚于决定日期）");
			}
			previous = p.due();
			sum += p.amount();
		}
		if (sum != a.fine()) {
			throw BusinessRuleViolation.onField("parts", "各期金额合计 " + Sanction.yuan(sum) + " 应等于罚款 " + Sanction.yuan(a.fine()));
		}
		int seq = 1;
		for (LateFee.Instalment p : parts) {
			jdbc.update("insert into penalty_instalment (case_id, seq, due_date, amount, approved_by, reason) values (:c, :s, :d, :a, :by, :r)",
					Map.of("c", caseId, "s", seq++, "d", p.due(), "a", p.amount(), "by", Operator.current().operatorName(), "r", reason.strip()));
		}
		record.append("penalty_case", caseId, c.bodyId(), "case.payment_instalments", "经批准分 " + parts.size() + " 期缴纳罚款",
				Map.of("parts", parts.stream().map(p -> p.due() + " " + Sanction.yuan(p.amount())).toList(), "reason", reason.strip()));
		return account(caseId, today()).orElseThrow();
	}

	// ---- 复议、诉讼

	@Transactional
	public Remedy startRemedy(DataScope scope, long caseId, String kind, LocalDate startedOn) {
		PenaltyCase c = decided(scope, caseId);
		if (!"REVIEW".equals(kind) && !"LITIGATION".equals(kind)) {
			throw BusinessRuleViolation.onField("kind", "请选择行政复议或行政诉讼");
		}
		if (startedOn == null || startedOn.isBefore(c.decidedOn()) || startedOn.isAfter(today())) {
			throw BusinessRuleViolation.onField("startedOn", "日期应在作出决定之后、今天之前");
		}
		if (remedies(caseId).stream().anyMatch(r -> r.endedOn() == null)) {
			throw new BusinessRuleViolation("已有正在进行的复议或诉讼");
		}
		long id = jdbc.queryForObject("insert into penalty_remedy (case_id, kind, started_on) values (:c, :k, :d) returning id",
				Map.of("c", caseId, "k", kind, "d", startedOn), Long.class);
		record.append("penalty_case", caseId, c.bodyId(), "case.remedy_started", ("REVIEW".equals(kind) ? "当事人申请行政复议" : "当事人提起行政诉讼") + "（" + startedOn
				+ "），期间不加处罚款", Map.of());
		return remedies(caseId).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
	}

	@Transactional
	public Remedy endRemedy(DataScope scope, long caseId, long remedyId, LocalDate endedOn, String outcome, String note) {
		PenaltyCase c = decided(scope, caseId);
		Remedy r = remedies(caseId).stream().filter(x -> x.id() == remedyId).findFirst().orElseThrow(() -> new NotFound("复议或诉讼"));
		if (r.endedOn() != null) {
			throw new BusinessRuleViolation("该复议或诉讼已结束");
		}
		if (endedOn == null || endedOn.isBefore(r.startedOn()) || endedOn.isAfter(today())) {
			throw BusinessRuleViolation.onField("endedOn", "结束日期应在开始之后、今天之前");
		}
		if (!List.of("UPHELD", "CHANGED", "REVOKED", "CONFIRMED_ILLEGAL").contains(outcome == null ? "" : outcome)) {
			throw BusinessRuleViolation.onField("outcome", "请选择结果：维持、变更、撤销或确认违法");
		}
		jdbc.update("update penalty_remedy set ended_on = :e, outcome = :o, note = :n where id = :id",
				new MapSqlParameterSource().addValue("e", endedOn).addValue("o", outcome).addValue("n", trim(note)).addValue("id", remedyId));
		if ("CHANGED".equals(outcome) || "REVOKED".equals(outcome) || "CONFIRMED_ILLEGAL".equals(outcome)) {
			if (timers.find(caseId, TimerKind.WITHDRAW_PUBLICATION).isEmpty()) {
				timers.start(caseId, TimerKind.WITHDRAW_PUBLICATION, endedOn, TimerKind.WITHDRAW_PUBLICATION.defaultAmount());
			}
		}
		record.append("penalty_case", caseId, c.bodyId(), "case.remedy_ended", ("REVIEW".equals(r.kind()) ? "行政复议" : "行政诉讼") + "结果：" + switch (outcome) {
			case "UPHELD" -> "维持";
			case "CHANGED" -> "变更";
			case "REVOKED" -> "撤销";
			default -> "确认违法";
		}, Map.of("endedOn", endedOn.toString(), "note", trim(note) == null ? "" : trim(note)));
		return remedies(caseId).stream().filter(x -> x.id() == remedyId).findFirst().orElseThrow();
	}

	// ---- enforcement, execution records, closure, archive

	public record Enforcement(LocalDate urgeServedOn, String urgeProof, LocalDate appliedOn, String court, String result, LocalDate resultOn) {
	}

	public record ExecutionNote(long id, String content, LocalDate from, LocalDate to) {
	}

	public Optional<Enforcement> enforcement(long caseId) {
		return jdbc.query("select * from penalty_enforcement where case_id = :c", Map.of("c", caseId), (rs, i) -> new Enforcement(
				rs.getDate("urge_served_on").toLocalDate(), rs.getString("urge_proof"), date(rs, "applied_on"), rs.getString("court"), rs.getString("result"),
				date(rs, "result_on"))).stream().findFirst();
	}

	public List<ExecutionNote> executionNotes(long caseId) {
		return jdbc.query("select * from penalty_execution_note where case_id = :c order by from_date, id", Map.of("c", caseId),
				(rs, i) -> new ExecutionNote(rs.getLong("id"), rs.getString("content"), rs.getDate("from_date").toLocalDate(), date(rs, "to_date")));
	}

	/** The last day of the litigation period (六个月, 行政诉讼法第四十六条), after which the court application window opens. */
	public LocalDate remedyPeriodsEnd(LocalDate servedOn) {
		return servedOn.plusMonths(6);
	}

	/** 催告 (行政强制法第三十五条): the written reminder to a party who has not paid by the due day. */
	@Transactional
	public Enforcement urge(DataScope scope, long caseId, LocalDate servedOn, String proof) {
		PenaltyCase c = decided(scope, caseId);
		Account a = account(caseId, today()).orElseThrow(() -> new BusinessRuleViolation("本案没有罚款，或处罚决定书尚未送达"));
		if (a.outstanding() == 0) {
			throw new BusinessRuleViolation("罚款已缴清，无需催告");
		}
		if (!today().isAfter(a.due())) {
			throw new BusinessRuleViolation("缴纳期限 " + a.due() + " 尚未届满，不能催告");
		}
		if (enforcement(caseId).isPresent()) {
			throw new BusinessRuleViolation("已催告");
		}
		if (servedOn == null || servedOn.isAfter(today()) || !servedOn.isAfter(a.due()) || blank(proof)) {
			throw new BusinessRuleViolation("请填写催告书送达日期（缴纳期限届满之后、今天之前）和送达凭证");
		}
		jdbc.update("insert into penalty_enforcement (case_id, urge_served_on, urge_proof) values (:c, :d, :p)",
				Map.of("c", caseId, "d", servedOn, "p", proof.strip()));
		LocalDate served = service(caseId).orElseThrow().servedOn();
		timers.start(caseId, TimerKind.COURT_APPLICATION, null, TimerKind.COURT_APPLICATION.label(), remedyPeriodsEnd(served), 3);
		record.append("penalty_case", caseId, c.bodyId(), "case.urged", "催告书送达（" + servedOn + "）", Map.of("proof", proof.strip(),
				"courtWindow", remedyPeriodsEnd(served) + " 至 " + timers.get(caseId, TimerKind.COURT_APPLICATION).due()));
		return enforcement(caseId).orElseThrow();
	}

	/** 申请人民法院强制执行: ten days after the 催告书 was served, after the review and litigation periods, within three months. */
	@Transactional
	public Enforcement applyToCourt(DataScope scope, long caseId, LocalDate appliedOn, String court) {
		PenaltyCase c = decided(scope, caseId);
		Enforcement e = enforcement(caseId).orElseThrow(() -> new BusinessRuleViolation("申请强制执行前应当催告当事人履行义务（行政强制法第五十四条）"));
		if (e.appliedOn() != null) {
			throw new BusinessRuleViolation("已于 " + e.appliedOn() + " 申请强制执行");
		}
		if (appliedOn == null || appliedOn.isAfter(today()) || blank(court)) {
			throw new BusinessRuleViolation("请填写申请日期（不晚于今天）和受理法院");
		}
		if (appliedOn.isBefore(e.urgeServedOn().plusDays(10))) {
			throw BusinessRuleViolation.onField("appliedOn", "催告书送达十日后当事人仍未履行的，才可以申请强制执行（行政强制法第五十四条），最早 " + e.urgeServedOn().plusDays(10));
		}
		CaseTimer window = timers.get(caseId, TimerKind.COURT_APPLICATION);
		if (!appliedOn.isAfter(window.start())) {
			throw BusinessRuleViolation.onField("appliedOn", "复议、诉讼期限届满（" + window.start() + "）前不能申请强制执行（行政强制法第五十三条）");
		}
		if (appliedOn.isAfter(window.due())) {
			throw BusinessRuleViolation.onField("appliedOn", "已超过申请强制执行的期限（" + window.due() + "，行政强制法第五十三条）");
		}
		jdbc.update("update penalty_enforcement set applied_on = :d, court = :c where case_id = :id", Map.of("d", appliedOn, "c", court.strip(), "id", caseId));
		timers.close(caseId, TimerKind.COURT_APPLICATION, appliedOn);
		record.append("penalty_case", caseId, c.bodyId(), "case.court_applied", "向" + court.strip() + "申请强制执行（" + appliedOn + "）", Map.of());
		return enforcement(caseId).orElseThrow();
	}

	@Transactional
	public Enforcement courtResult(DataScope scope, long caseId, LocalDate on, String result) {
		PenaltyCase c = decided(scope, caseId);
		Enforcement e = enforcement(caseId).filter(x -> x.appliedOn() != null).orElseThrow(() -> new BusinessRuleViolation("尚未申请强制执行"));
		if (on == null || on.isBefore(e.appliedOn()) || on.isAfter(today()) || blank(result)) {
			throw new BusinessRuleViolation("请填写法院裁定日期（申请之后、今天之前）和结果");
		}
		jdbc.update("update penalty_enforcement set result = :r, result_on = :d where case_id = :id", Map.of("r", result.strip(), "d", on, "id", caseId));
		record.append("penalty_case", caseId, c.bodyId(), "case.court_result", "法院强制执行结果：" + result.strip(), Map.of("on", on.toString()));
		return enforcement(caseId).orElseThrow();
	}

	/** Execution of a non-monetary penalty: 吊销许可证 on a day, 停产停业 from/to, and the like. */
	@Transactional
	public ExecutionNote executionNote(DataScope scope, long caseId, String content, LocalDate from, LocalDate to) {
		PenaltyCase c = decided(scope, caseId);
		if (blank(content) || from == null || from.isBefore(c.decidedOn()) || (to != null && to.isBefore(from))) {
			throw new BusinessRuleViolation("请填写执行内容和日期（决定之后；截止日期不早于开始日期）");
		}
		long id = jdbc.queryForObject("""
				insert into penalty_execution_note (case_id, content, from_date, to_date, recorded_by, recorded_at) values (:c, :x, :f, :t, :by, now()) returning id""",
				new MapSqlParameterSource().addValue("c", caseId).addValue("x", content.strip()).addValue("f", from).addValue("t", to)
					.addValue("by", Operator.current().operatorName()), Long.class);
		record.append("penalty_case", caseId, c.bodyId(), "case.executed", "执行：" + content.strip() + "（" + from + (to == null ? "" : " 至 " + to) + "）", Map.of());
		return executionNotes(caseId).stream().filter(n -> n.id() == id).findFirst().orElseThrow();
	}

	/** Why the case cannot be closed yet; empty when it can (结案: executed or legally ended). */
	public List<String> closureBlockers(PenaltyCase c) {
		List<String> b = new ArrayList<>();
		if (c.stage() != CaseStage.DECIDED) {
			b.add("案件当前为“" + c.stage().label() + "”，不能结案");
			return b;
		}
		if (c.decisionOutcome() != DecisionOutcome.PENALTY) {
			return b;
		}
		boolean revoked = remedies(c.id()).stream().anyMatch(r -> "REVOKED".equals(r.outcome()));
		if (revoked) {
			return b;
		}
		if (service(c.id()).isEmpty()) {
			b.add("处罚决定书尚未送达");
		}
		Optional<Account> a = account(c.id(), today());
		boolean courtDone = enforcement(c.id()).map(e -> e.result() != null).orElse(false);
		if (a.isPresent() && a.get().outstanding() > 0 && !courtDone) {
			b.add("罚款及加处罚款尚欠 " + Sanction.yuan(a.get().outstanding()) + "，且没有法院强制执行结果");
		}
		var types = jdbc.queryForObject("select decision_types from penalty_case where id = :id", Map.of("id", c.id()), String.class);
		boolean nonMonetary = types != null && java.util.Arrays.stream(types.split(",")).anyMatch(t -> !t.isBlank() && !t.equals("FINE") && !t.equals("WARNING")
				&& !t.equals("CRITICISM"));
		if (nonMonetary && executionNotes(c.id()).isEmpty()) {
			b.add("罚款以外的处罚尚未登记执行情况");
		}
		if (c.simpleProcedure()) {
			OnTheSpot.Status st = onTheSpot.status(c.id());
			if (st.collectedOnSpot() && st.handedInOn() == null) {
				b.add("当场收缴的罚款尚未交回");
			}
			if (st.reportedOn() == null) {
				b.add("当场处罚决定尚未报本机关备案");
			}
		}
		return b;
	}

	@Transactional
	public PenaltyCase close(DataScope scope, long caseId, String report) {
		PenaltyCase c = cases.get(scope, caseId);
		List<String> blockers = closureBlockers(c);
		if (!blockers.isEmpty()) {
			throw new BusinessRuleViolation("不能结案：" + String.join("；", blockers));
		}
		if (blank(report)) {
			throw BusinessRuleViolation.onField("report", "请填写结案报告（处理结果、执行情况）");
		}
		jdbc.update("update penalty_case set stage = 'CLOSED', closed_on = :d, closure_report = :r, updated_at = now() where id = :id",
				Map.of("d", today(), "r", report.strip(), "id", caseId));
		timers.find(caseId, TimerKind.SERVICE).ifPresent(t -> {
			if (t.state() == CaseTimer.State.RUNNING) {
				timers.close(t, today());
			}
		});
		record.append("penalty_case", caseId, c.bodyId(), "case.closed", "结案", Map.of("report", report.strip()));
		return cases.get(DataScope.all(), caseId);
	}

	/** 归档: the case and its materials become read-only. */
	@Transactional
	public PenaltyCase archive(DataScope scope, long caseId) {
		PenaltyCase c = cases.get(scope, caseId);
		if (c.stage() != CaseStage.CLOSED) {
			throw new BusinessRuleViolation("结案后才能归档");
		}
		jdbc.update("update penalty_case set stage = 'ARCHIVED', archived_on = :d, updated_at = now() where id = :id", Map.of("d", today(), "id", caseId));
		record.append("penalty_case", caseId, c.bodyId(), "case.archived", "归档，案卷不再修改", Map.of("files", fileIndex(caseId).size()));
		return cases.get(DataScope.all(), caseId);
	}

	/**
	 * The case file (案卷目录) in procedural order: the latest version of every generated document with its number and page
	 * count, then the evidence and transcripts.
	 */
	public List<String> fileIndex(long caseId) {
		List<String> index = new ArrayList<>();
		jdbc.query("""
				select d.type, d.number, d.pages, d.version from penalty_document d
				where d.case_id = :c and d.version = (select max(x.version) from penalty_document x where x.case_id = d.case_id and x.type = d.type)""",
				Map.of("c", caseId), (java.sql.ResultSet rs) -> {
					index.add(rs.getString("type") + "|" + CaseDocuments.Type.valueOf(rs.getString("type")).label() + "（" + rs.getString("number") + "，第"
							+ rs.getInt("version") + "版）" + rs.getInt("pages") + "页");
				});
		index.sort(java.util.Comparator.comparing(s -> CaseDocuments.Type.valueOf(s.substring(0, s.indexOf('|'))).ordinal()));
		List<String> result = new ArrayList<>(index.stream().map(s -> s.substring(s.indexOf('|') + 1)).toList());
		jdbc.queryForList("select type, title, collected_on from penalty_evidence where case_id = :c order by collected_on, id", Map.of("c", caseId))
			.forEach(e -> result.add("证据：" + e.get("title") + "（" + EvidenceType.valueOf((String) e.get("type")).label() + "，" + e.get("collected_on") + "）"));
		jdbc.queryForList("select kind, subject, held_on from penalty_transcript where case_id = :c order by held_on, id", Map.of("c", caseId))
			.forEach(t -> result.add(("INQUIRY".equals(t.get("kind")) ? "询问笔录：" : "现场检查笔录：") + t.get("subject") + "（" + t.get("held_on") + "）"));
		return result;
	}

	// ----

	private static LocalDate date(java.sql.ResultSet rs, String col) throws java.sql.SQLException {
		return rs.getDate(col) == null ? null : rs.getDate(col).toLocalDate();
	}

	private PenaltyCase decided(DataScope scope, long caseId) {
		PenaltyCase c = cases.get(scope, caseId);
		if (c.stage() != CaseStage.DECIDED || c.decisionOutcome() != DecisionOutcome.PENALTY) {
			throw new BusinessRuleViolation("只有已作出行政处罚决定的案件才能办理送达、缴款和复议诉讼登记");
		}
		return c;
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static String trim(String s) {
		return blank(s) ? null : s.strip();
	}
}
