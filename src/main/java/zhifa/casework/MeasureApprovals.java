package zhifa.casework;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import zhifa.casework.persistence.MeasureApprovalRows;
import org.springframework.transaction.annotation.Transactional;

import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;
import zhifa.shared.Todo;
import zhifa.shared.TodoSource;

/**
 * The head's approval of a measure on a case — 先行登记保存 (行政处罚法第五十六条: 经行政机关负责人批准) and 查封、扣押
 * (行政强制法第十八条第（一）项; 第十九条: 当场实施的，二十四小时内向负责人报告并补办批准手续，负责人认为不应当采取的，
 * 应当立即解除) — given by the head's own account. A head who records the measure approves it himself; an officer names
 * the head who approved it (one of the body's 负责人 accounts), who then confirms or refuses it from his home page. A
 * refused measure is released at once by the caller ({@code CaseMeasures}).
 */
@Service
public class MeasureApprovals implements TodoSource, ClosureCheck {

	/** A head of a body who may approve its measures. */
	public record Head(long accountId, String name) {
	}

	/** Who approves a measure being recorded; {@code self}: the operator, a head, recording it himself. */
	public record Approver(long accountId, String name, boolean self) {
	}

	/** A measure's approval: pending while {@code approved} is null. */
	public record Approval(long measureId, long caseId, long approverId, String approverName, String requestedBy, Instant requestedAt, Instant decidedAt,
			Boolean approved, String note) {

		public boolean pending() {
			return approved == null;
		}

		/** How the case page says it: 待刘强确认批准 / 刘强已确认批准 / 刘强不予批准. */
		public String state() {
			return approved == null ? "待" + approverName + "确认批准" : approved ? approverName + "已确认批准" : approverName + "不予批准";
		}
	}

	private final MeasureApprovalRows rows;
	private final Cases cases;
	private final CaseRecord record;
	private final Clock clock;

	MeasureApprovals(MeasureApprovalRows rows, Cases cases, CaseRecord record, Clock clock) {
		this.rows = rows;
		this.cases = cases;
		this.record = record;
		this.clock = clock;
	}

	/** The body's heads: its enabled accounts holding the 负责人 role, by name. */
	public List<Head> heads(long bodyId) {
		return rows.heads(bodyId);
	}

	/**
	 * Who approves a measure on case {@code c}: the head chosen by account ({@code approverId}) or named
	 * ({@code approvedBy}, as the API has always taken it) — one of the case's body's heads — or, when neither is given
	 * and the operator is one of them, the operator. Refused on the field {@code approvedBy} otherwise.
	 */
	public Approver approver(CaseFile c, Long approverId, String approvedBy, String measure) {
		List<Head> heads = heads(c.bodyId());
		if (heads.isEmpty()) {
			throw BusinessRuleViolation.onField("approvedBy", c.bodyName() + "还没有负责人账号：请单位管理员为负责人开设账号后，由负责人批准" + measure);
		}
		Operator me = Operator.current();
		Optional<Head> chosen;
		if (approverId != null) {
			chosen = heads.stream().filter(h -> h.accountId() == approverId).findFirst();
		}
		else if (approvedBy != null && !approvedBy.isBlank()) {
			List<Head> named = heads.stream().filter(h -> h.name().equals(approvedBy.strip())).toList();
			if (named.size() > 1) {
				throw BusinessRuleViolation.onField("approvedBy", "本机关有" + named.size() + "名负责人都叫“" + approvedBy.strip() + "”，请从列表中选择批准人");
			}
			chosen = named.stream().findFirst();
		}
		else {
			chosen = heads.stream().filter(h -> me.operatorId() != null && h.accountId() == me.operatorId()).findFirst();
			if (chosen.isEmpty()) {
				throw BusinessRuleViolation.onField("approvedBy", measure + "应当经行政机关负责人批准，请选择批准的负责人");
			}
		}
		if (chosen.isEmpty()) {
			throw BusinessRuleViolation.onField("approvedBy", "批准人应是" + c.bodyName() + "的负责人：" + String.join("、", heads.stream().map(Head::name).toList()));
		}
		Head h = chosen.get();
		return new Approver(h.accountId(), h.name(), me.operatorId() != null && me.operatorId() == h.accountId());
	}

	/**
	 * Records the approval of a measure just written on case {@code c}, in the measure's own transaction: approved now
	 * when the head recorded it himself.
	 */
	public void request(CaseFile c, long measureId, Approver a) {
		zhifa.shared.Transactions.requireActive();
		rows.insert(measureId, c.id(), a.accountId(), a.name(), Operator.current().operatorName(), clock.instant(), a.self());
	}

	public Optional<Approval> of(long measureId) {
		return rows.find(measureId);
	}

	/** The approvals of a case's measures, by measure id (measures recorded before approvals were kept have none). */
	public Map<Long, Approval> ofCase(long caseId) {
		return rows.ofCase(caseId);
	}

	/**
	 * The head named confirms ({@code approved}) or refuses the measure; only he, and only once. A refusal needs the
	 * reason; the measure must then be released at once (the caller does it in the same transaction).
	 */
	@Transactional
	public Approval decide(DataScope scope, long caseId, long measureId, boolean approved, String note, String measure) {
		CaseFile c = cases.get(scope, caseId);
		Approval a = of(measureId).filter(x -> x.caseId() == caseId).orElseThrow(() -> new NotFound("措施的批准"));
		Operator me = Operator.current();
		if (me.operatorId() == null || me.operatorId() != a.approverId()) {
			throw new BusinessRuleViolation("该措施报请" + a.approverName() + "批准，只有" + a.approverName() + "本人可以确认或不予批准");
		}
		if (!a.pending()) {
			throw new BusinessRuleViolation("该措施的批准已有结果：" + a.state() + "（" + LocalDate.ofInstant(a.decidedAt(), java.time.ZoneId.of("Asia/Shanghai")) + "）");
		}
		String why = note == null ? "" : note.strip();
		if (!approved && why.isEmpty()) {
			throw BusinessRuleViolation.onField("note", "请写明不予批准的理由");
		}
		if (why.length() > 500) {
			throw BusinessRuleViolation.onField("note", "意见不超过500字");
		}
		CaseFile claimed = cases.claim(c, null);
		if (!rows.decide(measureId, approved, why.isEmpty() ? null : why, clock.instant())) {
			throw new zhifa.shared.StaleWrite("措施的批准");
		}
		record.append(claimed, approved ? "case.measure_approved" : "case.measure_refused",
				(approved ? "负责人确认批准" : "负责人不予批准") + measure + (why.isEmpty() ? "" : "：" + why), Map.of("measure", measureId, "note", why));
		return of(measureId).orElseThrow();
	}

	/** A measure whose approval the head has not given yet keeps the case open: he confirms it, or refuses and it is released. */
	@Override
	public List<String> blockers(CaseFile c) {
		return ofCase(c.id()).values().stream().filter(Approval::pending)
			.map(a -> "有措施待" + a.approverName() + "确认批准（行政强制法第十九条、行政处罚法第五十六条）").distinct().toList();
	}

	/** 待确认批准的措施: the measures an officer says the head approved, on that head's home page. */
	@Override
	public List<Todo> todos(Operator me, LocalDate today) {
		if (!TodoSource.holds(me, "LEADER") || me.operatorId() == null) {
			return List.of();
		}
		List<Todo.Item> items = rows.pending(me.operatorId()).stream()
			.map(p -> new Todo.Item(p.caseLabel(), zhifa.shared.web.Formats.name(p.requestedBy()) + " 报请，" + MINUTE.format(p.requestedAt()),
					"/cases/" + p.caseId() + "#measures", p.requestedAt().plus(java.time.Duration.ofHours(24)).isBefore(clock.instant())))
			.toList();
		return List.of(new Todo("LEADER", 15, "待确认批准的先行登记保存、查封、扣押", items.size(), items.isEmpty() ? null : items.get(0).link(), items));
	}

	private static final java.time.format.DateTimeFormatter MINUTE = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(java.time.ZoneId.of("Asia/Shanghai"));

}
