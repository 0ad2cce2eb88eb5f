package zhifa.penalty;

import static zhifa.penalty.CaseStage.ARCHIVED;
import static zhifa.penalty.CaseStage.CLOSED;
import static zhifa.penalty.CaseStage.CLUE;
import static zhifa.penalty.CaseStage.DECIDED;
import static zhifa.penalty.CaseStage.FILED;
import static zhifa.penalty.CaseStage.HANDED_OVER;
import static zhifa.penalty.CaseStage.NOTIFIED;
import static zhifa.penalty.CaseStage.NOT_FILED;
import static zhifa.penalty.CaseStage.PROPOSED;
import static zhifa.penalty.CaseStage.TRANSFERRED;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import zhifa.casework.CaseActions;
import zhifa.casework.CaseEvidence;
import zhifa.casework.CaseFile;
import zhifa.casework.CaseKind;
import zhifa.casework.Lifecycle;
import zhifa.casework.Transition;
import zhifa.penalty.decision.Decisions;
import zhifa.penalty.execution.Closure;
import zhifa.penalty.execution.Delivery;
import zhifa.penalty.execution.Payments;
import zhifa.penalty.filing.Filing;
import zhifa.penalty.filing.PartyCorrections;
import zhifa.penalty.notice.Hearings;
import zhifa.penalty.notice.Notices;
import zhifa.penalty.proposal.Proposals;

/**
 * 行政处罚 as a case kind: general procedure (立案 → 调查 → 拟作处罚 → 告知 → 决定 → 执行 → 结案 → 归档) and simple procedure
 * (当场处罚), declared here as data — every step with the stages it is taken from and leads to, who takes it, its article
 * and its guard. The API, the case page and {@code docs/penalty-lifecycle.md} all read this declaration.
 */
@Component
public class PenaltyKind implements CaseKind {

	private final java.util.function.Supplier<Services> lookup;
	private volatile Services services;
	private volatile Lifecycle lifecycle;

	/** The services whose policies guard the steps (looked up on first use: they use the kernel, which uses this kind). */
	record Services(Filing filing, Proposals proposals, Notices notices, Hearings hearings, Decisions decisions, Delivery delivery, Payments payments,
			Closure closure, CaseEvidence evidence, PenaltyCases cases, zhifa.casework.CaseTimers timers, PartyCorrections party, Clock clock,
			zhifa.penalty.proposal.ReviewCorrections corrections) {

		/** The state of the case's 办案期限 (作出处罚决定) timer, if it has one. */
		zhifa.casework.CaseTimer.State decisionTimer(long caseId) {
			return timers.find(caseId, TimerKind.DECISION).map(zhifa.casework.CaseTimer::state).orElse(null);
		}
	}

	PenaltyKind(ObjectProvider<Filing> filing, ObjectProvider<Proposals> proposals, ObjectProvider<Notices> notices, ObjectProvider<Hearings> hearings,
			ObjectProvider<Decisions> decisions, ObjectProvider<Delivery> delivery, ObjectProvider<Payments> payments, ObjectProvider<Closure> closure,
			ObjectProvider<CaseEvidence> evidence, ObjectProvider<PenaltyCases> cases, ObjectProvider<zhifa.casework.CaseTimers> timers,
			ObjectProvider<PartyCorrections> party, Clock clock, ObjectProvider<zhifa.penalty.proposal.ReviewCorrections> corrections) {
		this.lookup = () -> new Services(filing.getObject(), proposals.getObject(), notices.getObject(), hearings.getObject(), decisions.getObject(),
				delivery.getObject(), payments.getObject(), closure.getObject(), evidence.getObject(), cases.getObject(), timers.getObject(),
				party.getObject(), clock, corrections.getObject());
	}

	@Override
	public String code() {
		return PenaltyCases.KIND;
	}

	@Override
	public String label() {
		return "行政处罚";
	}

	@Override
	public String recordSubject() {
		return "penalty_case";
	}

	@Override
	public List<TimerKind> timerTypes() {
		return List.of(TimerKind.values());
	}

	/** The hearing is recorded by the officer who presided (not an investigator, 行政处罚法第六十四条第（四）项), or a head. */
	@Override
	public boolean ownHandlers(String action) {
		return PenaltyActions.HEARING_RECORD.equals(action);
	}

	@Override
	public boolean handlesStep(CaseFile c, long officerId, String action) {
		return PenaltyActions.HEARING_RECORD.equals(action)
				&& s().hearings().hearing(c.id()).map(h -> h.presidingId() != null && h.presidingId() == officerId).orElse(false);
	}

	/** A clue whose officer has written his opinion and asked to file it says so, with who and when: the head's next 立案审批. */
	@Override
	public java.util.Map<Long, String> listNotes(List<CaseFile> cases) {
		List<Long> clues = cases.stream().filter(c -> CLUE.name().equals(c.stage())).map(CaseFile::id).toList();
		java.util.Map<Long, String> notes = new java.util.HashMap<>();
		s().cases().filingRequests(clues).forEach((id, r) -> notes.put(id, "已报请立案（" + zhifa.shared.web.Formats.name(r.by()) + "，" + r.on() + "）"));
		return notes;
	}

	@Override
	public Lifecycle lifecycle() {
		Lifecycle l = lifecycle;
		if (l == null) {
			lifecycle = l = declare();
		}
		return l;
	}

	private Services s() {
		Services x = services;
		if (x == null) {
			services = x = lookup.get();
		}
		return x;
	}

	private PenaltyCase p(CaseFile c) {
		return s().cases().of(c);
	}

	private Lifecycle declare() {
		CaseStage[] investigating = { FILED, PROPOSED, NOTIFIED };
		List<Transition> steps = List.of(
				// 立案
				Transition.step(PenaltyActions.REGISTER, "登记案源").to(CLUE).by("办案人员或单位管理员", "OFFICER", "LEADER", "UNIT_ADMIN")
					.basis("行政处罚法第五十四条（符合立案标准的及时立案）；市场监督管理行政处罚程序规定第十七条（案源登记）").build(),
				Transition.step(PenaltyActions.ON_THE_SPOT, "当场作出行政处罚决定（简易程序）").to(DECIDED).by("两名持证执法人员", "OFFICER", "LEADER")
					.basis("行政处罚法第五十一条、第五十二条").guard("OnTheSpotPolicy、FilingPolicy、裁量基准", Transition.Guard.NONE).build(),
				Transition.step(PenaltyActions.FILING_REQUEST, "报请立案（承办人核查意见）").from(CLUE).by("办案人员", "OFFICER", "LEADER")
					.basis("行政处罚法第五十四条第二款；市场监督管理行政处罚程序规定第十八条（核查）、第十九条（立案审批表）")
					.guard("写明核查情况和意见", Transition.Guard.NONE)
					// once reported, the head's approval is next (a new report still replaces it, from the case page)
					.suggestedWhen(c -> s().cases().filingRequest(c.id()).isEmpty()).build(),
				Transition.step(PenaltyActions.FILING, "立案").from(CLUE).to(FILED).by("负责人批准", "LEADER")
					.basis("行政处罚法第五十四条第二款；第四十二条；第三十六条").guard("FilingPolicy（目录、管辖、时效、两名持证人员；自然人已登记身份证号且行为时已满十四周岁）",
							c -> s().filing().filingRefusals(c, LocalDate.now(s().clock())))
					.todo("LEADER", "待立案审批").build(),
				Transition.step(PenaltyActions.DECLINE, "不予立案、移交或移送").from(CLUE).to(NOT_FILED, HANDED_OVER, TRANSFERRED).by("负责人批准", "LEADER")
					.basis("行政处罚法第二十二条、第二十七条、第三十条、第三十一条、第三十三条、第三十六条").guard("理由代码；须教育的填写教育情况", Transition.Guard.NONE).build(),
				Transition.step(PenaltyActions.TRIAGE_EXTENSION, "延长立案审查期限").from(CLUE).by("负责人批准", "LEADER")
					.basis("市场监督管理行政处罚程序规定第十八条；本领域办案期限设置").guard("限延长一次且期限未届满", c -> s().filing().triageExtensionRefusals(c)).build(),
				Transition.step(PenaltyActions.PARTY, "更正当事人信息").from(CLUE, FILED, PROPOSED, NOTIFIED, DECIDED).by("办案人员", "OFFICER", "LEADER")
					.basis("行政处罚法第四十条（查明事实）、第五十九条第一款第（一）项（决定书载明当事人的地址）")
					.guard("类型、名称和证件号码在事先告知前，地址在作出决定前（此前未登记的，决定后仍可补填）；写明更正理由", c -> s().party().refusals(c)).unlisted().build(),
				// 调查
				Transition.step(CaseActions.EVIDENCE, "调查取证（证据、笔录）").from(CLUE, FILED, PROPOSED, NOTIFIED, DECIDED).listedIn(FILED)
					.by("办案人员", "OFFICER", "LEADER").basis("行政处罚法第四十六条、第五十四条第一款")
					.todo("OFFICER", "调查取证")
					.build(),
				Transition.step(CaseActions.TRANSCRIPT, "制作询问笔录、现场检查笔录").from(investigating).by("办案人员", "OFFICER", "LEADER")
					.basis("行政处罚法第五十五条").unlisted().build(),
				Transition.step(CaseActions.PRESERVATION, "先行登记保存").from(investigating).by("办案人员（负责人批准）", "OFFICER", "LEADER")
					.basis("行政处罚法第五十六条").unlisted().build(),
				Transition.step(CaseActions.PRESERVATION_DECISION, "先行登记保存处理决定").from(FILED, PROPOSED, NOTIFIED, DECIDED).by("办案人员", "OFFICER", "LEADER")
					.basis("行政处罚法第五十六条（七日内；第八十五条：“七日”指工作日）").unlisted().build(),
				Transition.step(CaseActions.COERCIVE_MEASURE, "查封、扣押").from(investigating).by("办案人员（负责人批准）", "OFFICER", "LEADER")
					.basis("行政强制法第十八条、第二十二条至第二十五条").guard("全程音像记录；两名以上执法人员", Transition.Guard.NONE).unlisted().build(),
				Transition.step(CaseActions.COERCIVE_MEASURE_EXTENSION, "延长查封、扣押期限").from(investigating).by("负责人批准", "LEADER")
					.basis("行政强制法第二十五条").guard("限延长一次，不超过三十日", Transition.Guard.NONE).unlisted().build(),
				Transition.step(CaseActions.COERCIVE_MEASURE_END, "解除查封、扣押或作出处理决定").from(FILED, PROPOSED, NOTIFIED, DECIDED)
					.by("办案人员", "OFFICER", "LEADER").basis("行政强制法第二十七条、第二十八条").unlisted().build(),
				Transition.step(PenaltyActions.RECUSAL, "申请回避").from(investigating).by("办案人员登记", "OFFICER", "LEADER").basis("行政处罚法第四十三条")
					.unlisted().build(),
				Transition.step(PenaltyActions.RECUSAL_DECISION, "决定回避").from(investigating).by("负责人", "LEADER").basis("行政处罚法第四十三条")
					.guard("回避后仍有两名持证人员", Transition.Guard.NONE).unlisted().build(),
				Transition.step(PenaltyActions.OFFICERS, "变更办案人员").from(investigating).by("负责人", "LEADER").basis("行政处罚法第四十二条")
					.guard("变更后仍有两名持证人员", Transition.Guard.NONE).unlisted().build(),
				Transition.step(PenaltyActions.DECISION_PAUSE, "办案期限中止计算").from(investigating).by("负责人", "LEADER")
					.when("办案期限正在计算", c -> s().decisionTimer(c.id()) == zhifa.casework.CaseTimer.State.RUNNING)
					.basis("行政处罚法第六十条（立案之日起九十日内作出行政处罚决定）；本领域程序规定（中止、听证、公告、检测鉴定期间不计入）").unlisted().build(),
				Transition.step(PenaltyActions.DECISION_RESUME, "办案期限恢复计算").from(investigating).by("负责人", "LEADER")
					.when("办案期限处于中止", c -> s().decisionTimer(c.id()) == zhifa.casework.CaseTimer.State.PAUSED).basis("行政处罚法第六十条")
					.unlisted().build(),
				Transition.step(PenaltyActions.DECISION_EXTENSION, "延长办案期限").from(investigating).by("负责人批准", "LEADER")
					.basis("行政处罚法第六十条（立案之日起九十日内作出行政处罚决定，规章另有规定的从其规定）；本领域办案期限设置（市场监管：三十日，再延长须集体讨论）").unlisted().build(),
				// 拟作处罚
				Transition.step(PenaltyActions.PROPOSAL, "提出处罚建议（调查终结报告、裁量评估）").from(FILED, PROPOSED).to(PROPOSED).listedIn(FILED)
					.by("办案人员", "OFFICER", "LEADER").basis("行政处罚法第五十七条；裁量基准")
					.guard("已收集证据或制作笔录", c -> s().evidence().anyOnFile(c.id()) ? List.of() : List.of("尚未收集证据或制作笔录")).todo("OFFICER", "提出处罚建议").build(),
				Transition.step(PenaltyActions.PROPOSAL_REVISION, "采纳陈述、申辩或听证意见后重新裁量").from(NOTIFIED).by("办案人员", "OFFICER", "LEADER")
					.basis("行政处罚法第四十五条、第六十五条；裁量基准（不得因陈述、申辩加重处罚；重新裁量后此前的法制审核、集体讨论不再适用）")
					.when("陈述、申辩经复核予以采纳（含部分采纳）、已举行听证，或告知的罚款因行刑衔接不得给予", c -> s().proposals().revisable(c.id())).unlisted().build(),
				Transition.step(PenaltyActions.LEGAL_REVIEW, "法制审核").from(PROPOSED, NOTIFIED).listedIn(PROPOSED).by("法制审核人员", "LEGAL_REVIEWER")
					.basis("行政处罚法第五十八条").suggestedWhen(c -> !s().proposals().legalReviewGrounds(c).isEmpty())
					.guard("退回补正的，办案人员补正之后（初次审核须有法律职业资格）", c -> s().corrections().awaiting(c).map(List::of).orElse(List.of()))
					.todo("LEGAL_REVIEWER", "待法制审核").build(),
				Transition.step(PenaltyActions.COLLECTIVE, "负责人集体讨论").from(PROPOSED, NOTIFIED).listedIn(PROPOSED).by("负责人", "LEADER")
					.basis("行政处罚法第五十七条第二款").suggestedWhen(c -> !s().proposals().collectiveGrounds(c.id()).isEmpty()).todo("LEADER", "待集体讨论").build(),
				// 告知
				Transition.step(PenaltyActions.NOTICE, "制作并送达行政处罚事先告知书").from(PROPOSED, NOTIFIED).to(NOTIFIED).listedIn(PROPOSED)
					.by("办案人员", "OFFICER", "LEADER").basis("行政处罚法第四十四条、第六十三条")
					// made again from the proposal as it stands while the one made is not served yet
					.when("告知书尚未送达", c -> s().notices().notice(c.id()).map(n -> n.servedOn() == null).orElse(true))
					.guard("拟处罚款不受行刑衔接限制", c -> s().proposals().barredFine(c.id()).map(b -> List.of("拟处罚款：" + b)).orElse(List.of()))
					.todo("OFFICER", "制作事先告知书").build(),
				Transition.step(PenaltyActions.NOTICE_SERVICE, "送达事先告知书").from(NOTIFIED).by("办案人员", "OFFICER", "LEADER").basis("行政处罚法第四十四条")
					.when("告知书尚未送达", c -> s().notices().notice(c.id()).map(n -> n.servedOn() == null).orElse(false)).todo("OFFICER", "送达事先告知书").build(),
				Transition.step(PenaltyActions.WAIVER, "当事人书面放弃陈述申辩或听证").from(NOTIFIED).by("办案人员", "OFFICER", "LEADER")
					.basis("行政处罚法第四十四条、第六十四条").unlisted().build(),
				Transition.step(PenaltyActions.STATEMENT, "登记陈述、申辩").from(NOTIFIED).by("办案人员", "OFFICER", "LEADER").basis("行政处罚法第四十五条")
					.unlisted().build(),
				Transition.step(PenaltyActions.REEXAMINE, "复核当事人的陈述、申辩").from(NOTIFIED).by("办案人员", "OFFICER", "LEADER").basis("行政处罚法第四十五条")
					.when("有尚未复核的陈述、申辩", c -> s().notices().statements(c.id()).stream().anyMatch(x -> x.result() == null)).todo("OFFICER", "复核陈述、申辩").build(),
				Transition.step(PenaltyActions.HEARING_REQUEST, "登记听证申请").from(NOTIFIED).by("办案人员", "OFFICER", "LEADER")
					.basis("行政处罚法第六十三条、第六十四条第（一）项").guard("告知后五个工作日内", Transition.Guard.NONE).unlisted().build(),
				Transition.step(PenaltyActions.HEARING_SCHEDULE, "组织听证（通知、主持人）").from(NOTIFIED).by("负责人", "LEADER")
					.basis("行政处罚法第六十四条第（二）至（五）项").when("当事人要求听证且尚未举行",
							c -> s().hearings().hearing(c.id()).map(h -> h.heldOn() == null).orElse(false))
					.todo("LEADER", "待组织听证").build(),
				Transition.step(PenaltyActions.HEARING_RECORD, "记录听证笔录和听证报告").from(NOTIFIED).by("听证主持人", "OFFICER", "LEADER")
					.basis("行政处罚法第六十四条第（八）项、第六十五条").when("听证已安排尚未举行",
							c -> s().hearings().hearing(c.id()).map(h -> h.hearingDate() != null && h.heldOn() == null).orElse(false))
					.todo("OFFICER", "记录听证").build(),
				// 决定
				Transition.step(PenaltyActions.NO_PENALTY, "不予处罚、撤销立案或移送司法机关").from(investigating).to(DECIDED).listedIn(FILED)
					.by("负责人", "LEADER").basis("行政处罚法第五十七条、第三十三条").guard("DecisionGates", c -> s().decisions().noPenaltyRefusals(p(c))).build(),
				Transition.step(PenaltyActions.DECISION, "作出行政处罚决定").from(investigating).to(DECIDED).listedIn(NOTIFIED).by("负责人", "LEADER")
					.basis("行政处罚法第五十七条、第五十八条、第六十条、第六十二条")
					.guard("DecisionGates（告知、陈述申辩与听证、复核、不重于告知、一事不二罚款、法制审核、集体讨论、两名持证人员、办案期限）",
							c -> s().decisions().penaltyRefusals(p(c)))
					.todo("LEADER", "待作出决定").build(),
				// 执行
				Transition.step(PenaltyActions.SERVICE, "送达行政处罚决定书").from(DECIDED).by("办案人员", "OFFICER", "LEADER").basis("行政处罚法第六十一条")
					.when("处罚决定书尚未送达", c -> p(c).penalised() && s().delivery().service(c.id()).isEmpty()).todo("OFFICER", "送达处罚决定书").build(),
				Transition.step(PenaltyActions.PAYMENT, "登记缴款").from(DECIDED).by("办案人员", "OFFICER", "LEADER").basis("行政处罚法第六十七条")
					.when("罚款尚未缴清", c -> s().payments().account(p(c), LocalDate.now(s().clock())).map(a -> a.outstanding() > 0).orElse(false)).todo("OFFICER", "登记缴款").build(),
				Transition.step(PenaltyActions.DEFERRAL, "暂缓或分期缴纳").from(DECIDED).by("负责人批准", "LEADER").basis("行政处罚法第六十六条")
					.when("有罚款的处罚决定", c -> p(c).penalised()).unlisted().build(),
				Transition.step(PenaltyActions.REMEDY, "登记行政复议、行政诉讼").from(DECIDED).by("办案人员", "OFFICER", "LEADER")
					.basis("行政处罚法第七十三条（申请行政复议或者提起行政诉讼期间不予计算加处罚款）；行政复议法第二十条（六十日内提出行政复议申请）；行政诉讼法第四十六条（六个月内提出）")
					.when("给予处罚的决定", c -> p(c).penalised()).unlisted().build(),
				Transition.step(CaseActions.ENFORCEMENT, "行政强制执行（催告、陈述申辩、执行结果）").from(DECIDED).by("办案人员", "OFFICER", "LEADER")
					.basis("行政处罚法第七十二条（逾期不履行行政处罚决定的强制执行）；行政强制法第三十五条（催告）、第三十六条（陈述和申辩）")
					.when("给予处罚的决定", c -> p(c).penalised())
					.guard("逾期不缴纳罚款（催告时校验）", Transition.Guard.NONE).unlisted().build(),
				Transition.step(CaseActions.ENFORCEMENT_APPLICATION, "申请人民法院强制执行或作出强制执行决定").from(DECIDED).by("负责人批准", "LEADER")
					.basis("行政强制法第三十七条（强制执行决定）、第五十三条（申请人民法院强制执行）、第五十四条（催告书送达十日后）")
					.when("给予处罚的决定", c -> p(c).penalised()).unlisted().build(),
				Transition.step(PenaltyActions.EXECUTION_NOTE, "登记执行情况").from(DECIDED).by("办案人员", "OFFICER", "LEADER").basis("行政处罚法第六十六条")
					.when("给予处罚的决定", c -> p(c).penalised()).unlisted().build(),
				Transition.step(PenaltyActions.HAND_IN, "当场收缴的罚款交至行政机关").from(DECIDED).by("执法人员", "OFFICER", "LEADER").basis("行政处罚法第七十一条")
					.when("当场收缴尚未交回", c -> p(c).simpleProcedure() && p(c).decision().collectedOnSpot() && p(c).decision().handedInOn() == null).todo("OFFICER", "交回当场收缴的罚款").build(),
				Transition.step(PenaltyActions.ONSPOT_REPORT, "当场处罚决定报本机关备案").from(DECIDED).by("负责人或单位管理员", "LEADER", "UNIT_ADMIN")
					.basis("行政处罚法第五十二条第三款").when("当场处罚尚未备案", c -> p(c).simpleProcedure() && p(c).decision().reportedOn() == null).todo("LEADER", "当场处罚待备案").build(),
				Transition.step(PenaltyActions.CLOSURE, "结案").from(DECIDED).to(CLOSED).by("负责人批准", "LEADER").basis("行政处罚法第四十七条")
					.guard("执行完毕或依法终结", c -> s().closure().closureBlockers(p(c))).todo("LEADER", "待结案").build(),
				Transition.step(PenaltyActions.ARCHIVE, "归档").from(CLOSED).to(ARCHIVED).by("负责人或单位管理员", "LEADER", "UNIT_ADMIN")
					.basis("行政处罚法第四十七条").guard("结案报告已入卷", c -> s().closure().archiveBlockers(p(c))).todo("LEADER", "待归档").build(),
				Transition.step(CaseActions.DOCUMENT, "生成执法文书").from(CLUE, FILED, PROPOSED, NOTIFIED, DECIDED, CLOSED).by("办案人员", "OFFICER", "LEADER")
					.basis("行政处罚法第五十九条；文书格式").unlisted().build());
		return new Lifecycle(code(), label(), "案件", Arrays.stream(CaseStage.values()).map(CaseStage::stage).toList(), steps);
	}
}
