package zhifa.penalty.execution;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.casework.CaseDocuments;
import zhifa.casework.CaseFile;
import zhifa.casework.CaseKinds;
import zhifa.casework.CaseRecord;
import zhifa.casework.CaseTimer;
import zhifa.casework.CaseTimers;
import zhifa.casework.Cases;
import zhifa.coercion.Enforcement;
import zhifa.coercion.Enforcements;
import zhifa.discretion.PenaltyType;
import zhifa.penalty.CaseStage;
import zhifa.penalty.PenaltyActions;
import zhifa.penalty.PenaltyCase;
import zhifa.penalty.PenaltyCases;
import zhifa.penalty.Sanction;
import zhifa.penalty.TimerKind;
import zhifa.penalty.execution.ExecutionRecords.Account;
import zhifa.penalty.execution.ExecutionRecords.ExecutionNote;
import zhifa.penalty.persistence.ExecutionRows;
import zhifa.penalty.persistence.PenaltyRows;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.Operator;

/**
 * 执行完毕 and 结案、归档 (行政处罚法第四十七条: the whole process kept and archived): execution of penalties other than
 * money, what still stands in the way of closing a case, the closure with its report, and the archive — after which the
 * case file is read-only.
 */
@Service
public class Closure {

	/** Penalties whose execution is complete with the decision itself (their notice is the execution). */
	private static final Set<PenaltyType> SELF_EXECUTING = Set.of(PenaltyType.FINE, PenaltyType.WARNING, PenaltyType.CRITICISM);

	private final PenaltyCases penaltyCases;
	private final Cases cases;
	private final CaseKinds kinds;
	private final CaseTimers timers;
	private final CaseRecord record;
	private final CaseDocuments documents;
	private final ExecutionRows rows;
	private final PenaltyRows penaltyRows;
	private final Payments payments;
	private final Enforcements enforcements;
	private final Clock clock;
	private final zhifa.penalty.persistence.NoticeRows notices;

	Closure(PenaltyCases penaltyCases, Cases cases, CaseKinds kinds, CaseTimers timers, CaseRecord record, CaseDocuments documents, ExecutionRows rows,
			PenaltyRows penaltyRows, Payments payments, Enforcements enforcements, Clock clock, zhifa.penalty.persistence.NoticeRows notices) {
		this.notices = notices;
		this.penaltyCases = penaltyCases;
		this.cases = cases;
		this.kinds = kinds;
		this.timers = timers;
		this.record = record;
		this.documents = documents;
		this.rows = rows;
		this.penaltyRows = penaltyRows;
		this.payments = payments;
		this.enforcements = enforcements;
		this.clock = clock;
	}

	public List<ExecutionNote> executionNotes(long caseId) {
		return rows.notes(caseId);
	}

	/** Execution of a non-monetary penalty: 吊销许可证 on a day, 停产停业 from/to, and the like. */
	@Transactional
	public ExecutionNote executionNote(DataScope scope, long caseId, String content, LocalDate from, LocalDate to) {
		PenaltyCase c = penaltyCases.get(scope, caseId);
		kinds.require(c.file(), PenaltyActions.EXECUTION_NOTE);
		if (blank(content) || from == null || from.isBefore(c.decidedOn()) || (to != null && to.isBefore(from))) {
			throw new BusinessRuleViolation("请填写执行内容和日期（决定之后；截止日期不早于开始日期）");
		}
		CaseFile file = cases.claim(c.file(), null);
		long id = rows.note(caseId, content.strip(), from, to, Operator.current().operatorName(), clock.instant());
		record.append(file, "case.executed", "执行：" + content.strip() + "（" + from + (to == null ? "" : " 至 " + to) + "）", Map.of());
		return executionNotes(caseId).stream().filter(n -> n.id() == id).findFirst().orElseThrow();
	}

	/** Why the case cannot be closed yet; empty when it can (结案: executed or legally ended). The lifecycle's guard. */
	public List<String> closureBlockers(PenaltyCase c) {
		List<String> b = new ArrayList<>();
		if (c.stage() != CaseStage.DECIDED) {
			b.add("案件当前为“" + c.stage().label() + "”，不能结案");
			return b;
		}
		b.addAll(kinds.closureBlockers(c.file()));
		missingDocuments(c).ifPresent(b::add);
		if (!c.penalised()) {
			return b;
		}
		var remedies = rows.remedies(c.id());
		// a 复议 or 诉讼 still running may change or revoke the decision: its result is recorded on the open case (the
		// archive is read-only, and the result starts the withdrawal of the publication)
		remedies.stream().filter(r -> r.endedOn() == null).findFirst().ifPresent(r -> b.add(("REVIEW".equals(r.kind()) ? "行政复议" : "行政诉讼")
				+ "（" + r.startedOn() + " 起）尚未审结，请登记其结果后再结案"));
		if (remedies.stream().anyMatch(r -> "REVOKED".equals(r.outcome()))) {
			return b;
		}
		if (rows.service(c.id()).isEmpty()) {
			b.add("处罚决定书尚未送达");
		}
		Optional<Account> a = payments.account(c, LocalDate.now(clock));
		boolean enforced = enforcements.enforcement(c.id()).map(Enforcement::done).orElse(false);
		if (a.isPresent() && a.get().outstanding() > 0 && !enforced) {
			b.add((a.get().gains() > 0 ? "罚款、没收违法所得及加处罚款尚欠 " : "罚款及加处罚款尚欠 ") + Sanction.yuan(a.get().outstanding()) + "，且没有强制执行结果");
		}
		// 没收违法所得 of a stated amount is paid in and counted like the fine: its payment is its execution
		Long gains = c.decision().sanction().gains();
		boolean nonMonetary = c.decision().sanction().types().stream()
			.anyMatch(t -> !SELF_EXECUTING.contains(t) && !(t == zhifa.discretion.PenaltyType.CONFISCATE_GAINS && gains != null && gains > 0));
		if (nonMonetary && executionNotes(c.id()).isEmpty()) {
			b.add("罚款以外的处罚尚未登记执行情况");
		}
		if (c.simpleProcedure()) {
			if (c.decision().collectedOnSpot() && c.decision().handedInOn() == null) {
				b.add("当场收缴的罚款尚未交回");
			}
			if (c.decision().reportedOn() == null) {
				b.add("当场处罚决定尚未报本机关备案");
			}
		}
		return b;
	}

	@Transactional
	public PenaltyCase close(DataScope scope, long caseId, String report) {
		PenaltyCase c = penaltyCases.get(scope, caseId);
		kinds.require(c.file(), PenaltyActions.CLOSURE);
		List<String> blockers = closureBlockers(c);
		if (!blockers.isEmpty()) {
			throw new BusinessRuleViolation("不能结案：" + String.join("；", blockers));
		}
		if (blank(report)) {
			throw BusinessRuleViolation.onField("report", "请填写结案报告（处理结果、执行情况）");
		}
		LocalDate today = LocalDate.now(clock);
		CaseFile file = cases.claim(c.file(), CaseStage.CLOSED.name());
		cases.closed(caseId, today);
		penaltyRows.closed(caseId, report.strip());
		timers.find(caseId, TimerKind.SERVICE).filter(t -> t.state() == CaseTimer.State.RUNNING).ifPresent(t -> timers.close(t, today));
		record.append(file, "case.closed", "结案", Map.of("report", report.strip()));
		// the 结案报告 goes into the file as a document at once: the file must hold it before it is archived
		documents.generate(DataScope.all(), caseId, "CLOSURE_REPORT");
		return penaltyCases.get(DataScope.all(), caseId);
	}

	/**
	 * The documents the file must hold before 结案 (a case file without them cannot be archived as complete): the 立案审批表
	 * of a filed case, the 事先告知书 when the party was notified, the 决定书 and its 送达回证 for a penalty.
	 */
	Optional<String> missingDocuments(PenaltyCase c) {
		var docs = documents.documents(DataScope.all(), c.id());
		java.util.Set<String> held = new java.util.HashSet<>();
		docs.forEach(d -> held.add(d.type()));
		java.util.Map<String, String> needed = new java.util.LinkedHashMap<>();
		if (c.simpleProcedure()) {
			needed.put("ONSPOT_DECISION", "当场行政处罚决定书");
		}
		else {
			if (c.caseNumber() != null) {
				needed.put("FILING_APPROVAL", "立案审批表");
			}
			if (notices.notice(c.id()).isPresent()) {
				needed.put("NOTICE", "行政处罚事先告知书");
			}
			if (c.penalised()) {
				needed.put("DECISION", "行政处罚决定书");
				needed.put("SERVICE_RECEIPT", "送达回证");
			}
		}
		List<String> missing = new java.util.ArrayList<>(needed.entrySet().stream().filter(e -> !held.contains(e.getKey())).map(java.util.Map.Entry::getValue).toList());
		// a 送达回证 printed before the service was recorded is the blank form taken to the party: the file holds the filled one
		if (needed.containsKey("SERVICE_RECEIPT") && held.contains("SERVICE_RECEIPT")) {
			java.time.Instant recorded = rows.serviceRecordedAt(c.id()).orElse(null);
			if (recorded == null || docs.stream().noneMatch(d -> d.type().equals("SERVICE_RECEIPT") && !d.at().isBefore(recorded))) {
				missing.add("送达登记后生成的送达回证（现有的是送达前打印的空白回证）");
			}
		}
		return missing.isEmpty() ? Optional.empty() : Optional.of("案卷缺少" + String.join("、", missing) + "（请在“执法文书”中生成后再结案）");
	}

	/** Why the case cannot be archived yet: its 结案报告 must be in the file. The lifecycle's guard. */
	public List<String> archiveBlockers(PenaltyCase c) {
		boolean report = documents.documents(DataScope.all(), c.id()).stream().anyMatch(d -> d.type().equals("CLOSURE_REPORT"));
		return report ? List.of() : List.of("案卷缺少结案报告（请先生成）");
	}

	/** 归档: the case and its materials become read-only. */
	@Transactional
	public PenaltyCase archive(DataScope scope, long caseId) {
		PenaltyCase c = penaltyCases.get(scope, caseId);
		kinds.check(c.file(), PenaltyActions.ARCHIVE);
		CaseFile file = cases.claim(c.file(), CaseStage.ARCHIVED.name());
		cases.archived(caseId, LocalDate.now(clock));
		record.append(file, "case.archived", "归档，案卷不再修改", Map.of("files", documents.fileIndex(caseId).size()));
		return penaltyCases.get(DataScope.all(), caseId);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
