package zhifa.penalty.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import zhifa.casework.DocumentTemplate;
import zhifa.casework.PdfDocument;
import zhifa.penalty.CaseStage;
import zhifa.penalty.PenaltyCase;
import zhifa.penalty.execution.ExecutionRecords;
import zhifa.penalty.documents.PenaltyTemplate.Body;

/**
 * 执法文书 of a penalty case, each the facts the national form asks for: 立案审批表, 行政处罚事先告知书, 听证通知书, 听证笔录,
 * 行政处罚决定书 (the six items of 行政处罚法第五十九条 and the remedies), 当场行政处罚决定书, 送达回证, 结案报告. (The 催告书 is
 * the coercion module's.)
 */
@Configuration(proxyBeanMethods = false)
class PenaltyDocumentTemplates {

	private static String nz(String s) {
		return s == null ? "" : s;
	}

	/** A time of day as a notice writes it: 9时30分, 14时. */
	static String clock(java.time.LocalTime t) {
		return t == null ? "" : t.getHour() + "时" + (t.getMinute() == 0 ? "" : t.getMinute() + "分");
	}

	/** A number of the body's own sequence for this kind of document (告知, 听证, 送达). */
	private static BiFunction<PenaltyCase, Integer, String> sequence(DocumentFacts facts, String kind) {
		return (c, year) -> facts.numbers.next(c.bodyId(), kind, year).text();
	}

	/**
	 * 立案审批表 (internal, no seal): the source, the party, the facts in brief, the handling officers' opinion, the
	 * handling unit head's and the body head's, each with signature and date cells; people by name.
	 */
	@Bean
	DocumentTemplate filingApproval(DocumentFacts facts) {
		return PenaltyTemplate.of(facts, "FILING_APPROVAL", "立案审批表", 10, null, c -> c.caseNumber() != null, (c, number) -> new Body(List.of(
				new PdfDocument.Table(List.of(PenaltyTemplate.row("案件来源", c.source().label() + "（" + DocumentFacts.date(c.receivedOn()) + "收到）"),
						PenaltyTemplate.row("案由", c.matterName()), PenaltyTemplate.row("当事人", facts.party(c)),
						PenaltyTemplate.row("违法行为地", c.placeName() + c.placeDetail()),
						PenaltyTemplate.row("简要案情", c.description(), null, 3),
						PenaltyTemplate.row("立案依据", "符合立案标准（《中华人民共和国行政处罚法》第五十四条第二款）：事项属本机关执法事项目录，违法行为发生地属本机关管辖区域，未超过追责时效。"
								+ "违反条款：" + facts.violated(c) + "；处罚条款：" + facts.punishing(c) + "。"),
						PenaltyTemplate.row("办案人员", facts.officersWithCertificates(c, c.filedOn())),
						requested(facts.cases.filingRequest(c.id())),
						PenaltyTemplate.row("承办机构负责人意见", "", "签名：　　　　　　　　" + DocumentFacts.date(null), 2),
						PenaltyTemplate.row("机关负责人审批意见", facts.cases.filingOpinion(c.id()).orElse("同意立案，由" + facts.officers(c) + "承办。"),
								"签名：" + DocumentFacts.person(c.filedBy()) + "　　" + DocumentFacts.date(c.filedOn()), 2)))),
				c.filedOn(), true));
	}

	/**
	 * The 承办人意见 of the 立案审批表: the officer's request to file as he wrote it, signed with his name and dated the day
	 * he made it; without a request the row is left for the officers to write and sign by hand (not an opinion the
	 * platform makes up for them).
	 */
	private static PdfDocument.Row requested(java.util.Optional<zhifa.penalty.PenaltyCases.FilingRequest> request) {
		return request.map(r -> PenaltyTemplate.row("承办人意见", r.opinion(), "承办人（签名）：" + DocumentFacts.person(r.by()) + "　　" + DocumentFacts.date(r.on()), 2))
			.orElseGet(() -> PenaltyTemplate.row("承办人意见", "", "承办人（签名）：　　　　　　　　" + DocumentFacts.date(null), 2));
	}

	@Bean
	DocumentTemplate notice(DocumentFacts facts) {
		return PenaltyTemplate.of(facts, "NOTICE", "行政处罚事先告知书", 20, sequence(facts, "告知"), c -> facts.notices.notice(c.id()).isPresent(),
				(c, number) -> LetterBodies.notice(facts, c, facts.notices.notice(c.id()).orElseThrow()));
	}

	@Bean
	DocumentTemplate hearingNotice(DocumentFacts facts) {
		return PenaltyTemplate.of(facts, "HEARING_NOTICE", "听证通知书", 30, sequence(facts, "听证"),
				c -> facts.hearings.hearing(c.id()).map(h -> h.hearingDate() != null).orElse(false), (c, number) -> {
					var h = facts.hearings.hearing(c.id()).orElseThrow();
					String you = DocumentFacts.you(c);
					var contact = facts.details(c);
					// the party asks those handling the case (the unit's general contact only when none is on it)
					String handlers = facts.officers(c);
					return new Body(List.of(PenaltyTemplate.line(c.partyName() + "："),
							PenaltyTemplate.line("根据" + you + "的申请，本机关定于" + DocumentFacts.date(h.hearingDate()) + clock(h.hearingTime())
									+ (h.place() == null ? "" : "在" + h.place()) + "就" + c.matterName() + "一案举行听证。"),
							PenaltyTemplate.line("听证由非本案调查人员" + (h.presidingName() == null ? "" : DocumentFacts.person(h.presidingName())) + "主持。" + you
									+ "可以亲自参加听证，也可以委托一至二人代理；认为主持人与本案有直接利害关系的，有权申请回避。"
									+ you + "不承担行政机关组织听证的费用。无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利。"),
							PenaltyTemplate.line("联系人：" + (handlers.isBlank() ? nz(contact.contactPerson()) : handlers) + "　　联系电话：" + nz(contact.contactPhone())),
							PenaltyTemplate.line("联系地址：" + nz(contact.contactAddress()))),
							h.noticeOn());
				});
	}

	@Bean
	DocumentTemplate hearingTranscript(DocumentFacts facts) {
		return PenaltyTemplate.of(facts, "HEARING_TRANSCRIPT", "听证笔录", 40, null,
				c -> facts.hearings.hearing(c.id()).map(h -> h.heldOn() != null).orElse(false), (c, number) -> {
					var h = facts.hearings.hearing(c.id()).orElseThrow();
					return new Body(List.of(PenaltyTemplate.block("听证时间", DocumentFacts.date(h.heldOn())),
							PenaltyTemplate.block("当事人及委托代理人", facts.party(c) + (h.agents() == null || h.agents().isBlank() ? "" : "；委托代理人：" + h.agents())),
							PenaltyTemplate.block("听证记录", h.transcript()), PenaltyTemplate.block("听证报告", h.report())), h.heldOn());
				});
	}

	@Bean
	DocumentTemplate decision(DocumentFacts facts) {
		return PenaltyTemplate.of(facts, "DECISION", "行政处罚决定书", 50, (c, year) -> c.decisionNumber(), c -> c.penalised() && !c.simpleProcedure(),
				(c, number) -> LetterBodies.decision(facts, c, false));
	}

	@Bean
	DocumentTemplate onSpotDecision(DocumentFacts facts) {
		return PenaltyTemplate.of(facts, "ONSPOT_DECISION", "当场行政处罚决定书", 60, (c, year) -> c.decisionNumber(), c -> c.penalised() && c.simpleProcedure(),
				(c, number) -> LetterBodies.decision(facts, c, true));
	}

	/**
	 * 送达回证 (行政处罚法第六十一条; RULES.md §11) as the usual table: the document and its number, the recipient, the
	 * place, the method, the recipient's signature and date, the servers' signatures, the witnesses for 留置送达, the
	 * tracking number for 邮寄. Printable from the decision on: before the service is recorded it is the form the officers
	 * take to the party (the ways of service to tick, the day and the signatures to write); once recorded, it is filled in
	 * (结案 needs that one).
	 */
	@Bean
	DocumentTemplate serviceReceipt(DocumentFacts facts) {
		return PenaltyTemplate.of(facts, "SERVICE_RECEIPT", "送达回证", 70, sequence(facts, "送达"),
				c -> c.penalised() && !c.simpleProcedure() && c.decidedOn() != null, (c, number) -> {
					String document = "行政处罚决定书（" + c.decisionNumber() + "）";
					var served = facts.delivery.service(c.id());
					if (served.isEmpty()) {
						return blankReceipt(facts, c, document);
					}
					var sv = served.get();
					List<PdfDocument.Row> rows = new ArrayList<>(List.of(PenaltyTemplate.row("送达文书名称及文号", document),
							PenaltyTemplate.row("受送达人", c.partyName()), PenaltyTemplate.row("送达地点", servicePlace(c, sv)),
							PenaltyTemplate.row("送达方式", sv.method().label() + (sv.trackingNo() != null ? "（邮件单号：" + sv.trackingNo() + "）" : "")),
							PenaltyTemplate.row("送达日期", DocumentFacts.date(sv.servedOn())),
							PenaltyTemplate.row("受送达人签名或者盖章", "签收人：" + nz(sv.recipient()), "签名：　　　　　　　　" + DocumentFacts.date(null), 3),
							PenaltyTemplate.row("送达人", facts.officers(c), "签名：　　　　　　　　" + DocumentFacts.date(null), 3)));
					if (sv.method() == ExecutionRecords.ServiceMethod.LEAVE || sv.witnesses() != null) {
						rows.add(PenaltyTemplate.row("见证人", nz(sv.witnesses()) + (sv.method() == ExecutionRecords.ServiceMethod.LEAVE ? "（受送达人拒绝签收，留置送达）" : ""),
								"签名：　　　　　　　　" + DocumentFacts.date(null), 3));
					}
					rows.add(PenaltyTemplate.row("备注", nz(sv.proof()), null, 2));
					return new Body(List.of(new PdfDocument.Table(rows)), sv.servedOn());
				});
	}

	/**
	 * 送达回证 of the 事先告知书 (行政处罚法第四十四条: the party is told before the decision; the receipt proves when, from
	 * which day the statement and hearing windows run): the form to take along until the service is recorded, then filled
	 * in with the day and the way recorded.
	 */
	@Bean
	DocumentTemplate noticeReceipt(DocumentFacts facts) {
		return PenaltyTemplate.of(facts, "NOTICE_RECEIPT", "送达回证（事先告知书）", 25, sequence(facts, "送达"), c -> facts.notices.notice(c.id()).isPresent(),
				(c, number) -> {
					var n = facts.notices.notice(c.id()).orElseThrow();
					String document = "行政处罚事先告知书" + facts.noticeNumber(c.id()).map(x -> "（" + x + "）").orElse("（案件编号 " + c.label() + "）");
					if (n.servedOn() == null) {
						return blankReceipt(facts, c, document);
					}
					return new Body(List.of(new PdfDocument.Table(List.of(PenaltyTemplate.row("送达文书名称及文号", document),
							PenaltyTemplate.row("受送达人", c.partyName()),
							PenaltyTemplate.row("送达地点", c.partyAddress() == null || c.partyAddress().isBlank() ? "　" : c.partyAddress()),
							PenaltyTemplate.row("送达方式", nz(n.serviceMethod())), PenaltyTemplate.row("送达日期", DocumentFacts.date(n.servedOn())),
							PenaltyTemplate.row("受送达人签名或者盖章", "　", "签名：　　　　　　　　" + DocumentFacts.date(null), 3),
							PenaltyTemplate.row("送达人", facts.officers(c), "签名：　　　　　　　　" + DocumentFacts.date(null), 3),
							PenaltyTemplate.row("备注", nz(n.serviceProof()), null, 2)))), n.servedOn());
				});
	}

	/** The receipt before the service: what is known printed, the way ticked and the day and signatures written by hand. */
	private static Body blankReceipt(DocumentFacts facts, zhifa.penalty.PenaltyCase c, String document) {
		String ways = java.util.Arrays.stream(ExecutionRecords.ServiceMethod.values()).map(m -> "□" + m.label()).collect(java.util.stream.Collectors.joining("　"));
		return new Body(List.of(new PdfDocument.Table(List.of(PenaltyTemplate.row("送达文书名称及文号", document),
				PenaltyTemplate.row("受送达人", c.partyName()),
				PenaltyTemplate.row("送达地点", c.partyAddress() == null || c.partyAddress().isBlank() ? "　" : c.partyAddress()),
				PenaltyTemplate.row("送达方式", ways), PenaltyTemplate.row("送达日期", "　　　　年　　月　　日　　时　　分"),
				PenaltyTemplate.row("受送达人签名或者盖章", "　", "签名：　　　　　　　　" + DocumentFacts.date(null), 2),
				PenaltyTemplate.row("送达人", facts.officers(c), "签名：　　　　　　　　" + DocumentFacts.date(null), 2),
				PenaltyTemplate.row("备注", "受送达人拒绝签收的，记明拒收事由和日期，由送达人、见证人签名（留置送达）：", "见证人签名：　　　　　　　　", 2)))), null);
	}

	@Bean
	DocumentTemplate closureReport(DocumentFacts facts) {
		return PenaltyTemplate.of(facts, "CLOSURE_REPORT", "结案报告", 90, null, c -> c.stage() == CaseStage.CLOSED || c.stage() == CaseStage.ARCHIVED,
				(c, number) -> {
					// the head who approved 结案 (the step is his) and its day, as the record has them
					var closed = facts.lastStep(c, "case.closed");
					String head = closed.map(e -> DocumentFacts.person(e.actorName())).orElse("　　　　　　　　");
					java.time.LocalDate on = closed.map(facts::day).orElse(c.file().closedOn());
					return new Body(List.of(new PdfDocument.Table(List.of(PenaltyTemplate.row("案由", c.matterName()),
							PenaltyTemplate.row("当事人", facts.party(c)),
							PenaltyTemplate.row("处理决定", c.decisionOutcome() == null ? ""
									: c.decisionOutcome().label() + (c.decisionNumber() == null ? "" : "（" + c.decisionNumber() + "）")
											+ (c.penalised() && c.decision() != null ? "：" + c.decision().sanction().describe() : "")),
							PenaltyTemplate.row("执行情况", nz(c.decision().closureReport()), null, 3),
							PenaltyTemplate.row("承办人意见", "建议结案。", "承办人（签名）：" + facts.officers(c) + "　　" + DocumentFacts.date(null), 3),
							PenaltyTemplate.row("机关负责人审批意见", "同意结案。", "签名：" + head + "　　" + DocumentFacts.date(on), 3)))), null, true);
				});
	}

	/**
	 * Where the decision was served: the party's address for service there or by post (the place of the violation is not
	 * where a party receives papers), the way itself for 公告 and 电子送达; left to be written in when no address is known.
	 */
	static String servicePlace(zhifa.penalty.PenaltyCase c, ExecutionRecords.Served sv) {
		if (sv.method() == ExecutionRecords.ServiceMethod.ANNOUNCE) {
			return "公告送达";
		}
		if (sv.method() == ExecutionRecords.ServiceMethod.ELECTRONIC) {
			return "当事人书面同意的电子送达地址" + (sv.consentRef() == null ? "" : "（" + sv.consentRef() + "）");
		}
		return c.partyAddress() == null || c.partyAddress().isBlank() ? "　" : c.partyAddress();
	}
}
