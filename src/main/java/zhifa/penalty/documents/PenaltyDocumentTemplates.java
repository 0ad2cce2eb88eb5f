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
import zhifa.penalty.Sanction;
import zhifa.penalty.execution.ExecutionRecords;
import zhifa.penalty.documents.PenaltyTemplate.Body;

/**
 * 执法文书 of a penalty case, each the facts the national form asks for: 立案审批表, 行政处罚事先告知书, 听证通知书, 听证笔录,
 * 行政处罚决定书 (the six items of 行政处罚法第五十九条 and the remedies), 当场行政处罚决定书, 送达回证, 结案报告. (The 催告书 is
 * the coercion module's.)
 */
@Configuration(proxyBeanMethods = false)
class PenaltyDocumentTemplates {

	/** A number of the body's own sequence for this kind of document (告知, 听证, 送达). */
	private static BiFunction<PenaltyCase, Integer, String> sequence(DocumentFacts facts, String kind) {
		return (c, year) -> facts.numbers.next(c.bodyId(), kind, year).text();
	}

	@Bean
	DocumentTemplate filingApproval(DocumentFacts facts) {
		return PenaltyTemplate.of(facts, "FILING_APPROVAL", "立案审批表", 10, null, c -> c.caseNumber() != null, (c, number) -> new Body(List.of(
				PenaltyTemplate.block("案由", c.matterName()), PenaltyTemplate.block("当事人", facts.party(c)),
				PenaltyTemplate.block("案件来源", c.source().label() + "，" + c.receivedOn() + " 收到"), PenaltyTemplate.block("简要案情", c.description()),
				PenaltyTemplate.block("立案依据", "《中华人民共和国行政处罚法》第五十四条第二款：符合立案标准的，应当及时立案。事项属本机关执法事项目录，违法行为发生地属本机关管辖区域，未超过追责时效。"),
				PenaltyTemplate.block("办案人员", facts.officers(c)), PenaltyTemplate.block("负责人审批意见", "同意立案。" + c.filedBy() + "，" + c.filedOn())),
				c.filedOn()));
	}

	@Bean
	DocumentTemplate notice(DocumentFacts facts) {
		return PenaltyTemplate.of(facts, "NOTICE", "行政处罚事先告知书", 20, sequence(facts, "告知"), c -> facts.notices.notice(c.id()).isPresent(),
				(c, number) -> {
					var n = facts.notices.notice(c.id()).orElseThrow();
					var p = facts.proposals.proposal(c.id()).orElseThrow();
					return new Body(List.of(PenaltyTemplate.line(facts.party(c) + "："), PenaltyTemplate.line("经调查，" + n.facts()),
							PenaltyTemplate.line("以上事实有" + facts.evidenceList(c) + "等证据证实。"),
							PenaltyTemplate.line("你（单位）的行为违反了" + String.join("、", facts.basis(c)) + "的规定。" + p.reasoning()),
							PenaltyTemplate.line("依据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，本机关拟对你（单位）作出如下行政处罚：" + n.sanction().describe() + "。"),
							PenaltyTemplate.line("你（单位）有权进行陈述和申辩。" + (n.hearingRight()
									? "根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你（单位）有权要求举行听证；要求听证的，应当在收到本告知书之日起五个工作日内提出。"
									: "") + "逾期未提出陈述、申辩" + (n.hearingRight() ? "或者听证申请" : "") + "的，视为放弃上述权利。")),
							n.issuedOn());
				});
	}

	@Bean
	DocumentTemplate hearingNotice(DocumentFacts facts) {
		return PenaltyTemplate.of(facts, "HEARING_NOTICE", "听证通知书", 30, sequence(facts, "听证"),
				c -> facts.hearings.hearing(c.id()).map(h -> h.hearingDate() != null).orElse(false), (c, number) -> {
					var h = facts.hearings.hearing(c.id()).orElseThrow();
					return new Body(List.of(PenaltyTemplate.line(facts.party(c) + "："),
							PenaltyTemplate.line("根据你（单位）的申请，本机关定于" + DocumentFacts.date(h.hearingDate()) + "就" + c.matterName() + "一案举行听证。"),
							PenaltyTemplate.line("听证由非本案调查人员主持。你（单位）可以亲自参加听证，也可以委托一至二人代理；认为主持人与本案有直接利害关系的，有权申请回避。"
									+ "你（单位）不承担行政机关组织听证的费用。无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利。")),
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
				(c, number) -> decisionBody(facts, c, false));
	}

	@Bean
	DocumentTemplate onSpotDecision(DocumentFacts facts) {
		return PenaltyTemplate.of(facts, "ONSPOT_DECISION", "当场行政处罚决定书", 60, (c, year) -> c.decisionNumber(), c -> c.penalised() && c.simpleProcedure(),
				(c, number) -> decisionBody(facts, c, true));
	}

	/** 行政处罚法第五十九条: the six items, and for the on-the-spot form the officers who showed their certificates (第五十二条). */
	private static Body decisionBody(DocumentFacts facts, PenaltyCase c, boolean onTheSpot) {
		Sanction s = c.decision().sanction();
		List<PdfDocument.Block> blocks = new ArrayList<>();
		// (一) 当事人的姓名或者名称、地址
		blocks.add(PenaltyTemplate.block("当事人", c.partyName() + "，" + (c.partyKind() == zhifa.casework.PartyType.ORGANIZATION ? "统一社会信用代码 " : "身份证号 ")
				+ c.partyMasked() + "；地址：" + c.placeName() + c.placeDetail()));
		// (二) 违反法律、法规、规章的事实和证据
		blocks.add(PenaltyTemplate.block("违法事实和证据", c.decision().text() + (onTheSpot ? "" : "\n以上事实有" + facts.evidenceList(c) + "等证据证实。")));
		// (三) 行政处罚的种类和依据
		blocks.add(PenaltyTemplate.block("处罚依据和处罚内容", "依据" + String.join("、", facts.basis(c)) + "的规定，决定给予如下行政处罚：" + s.describe() + "。"));
		// (四) 行政处罚的履行方式和期限
		String payment = s.fine() == null ? "本决定自送达之日起生效。"
				: c.simpleProcedure() && facts.payments.payments(c.id()).stream().mapToLong(ExecutionRecords.PaymentRecord::amount).sum() >= s.fine()
						? "罚款已当场收缴，并出具罚没款专用票据。"
						: "请自收到本决定书之日起十五日内，到指定银行或者通过电子支付系统缴纳罚款。到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不超过罚款的数额。";
		blocks.add(PenaltyTemplate.block("履行方式和期限", payment));
		// (五) 申请行政复议、提起行政诉讼的途径和期限
		blocks.add(PenaltyTemplate.block("救济途径和期限", "如不服本行政处罚决定，可以在收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。"
				+ "行政复议和行政诉讼期间，本决定不停止执行，法律另有规定的除外。"));
		// (六) 作出行政处罚决定的行政机关名称和作出决定的日期: the issuer and the date below
		if (onTheSpot) {
			blocks.add(PenaltyTemplate.block("执法人员", facts.officers(c) + "（已出示执法证件）"));
		}
		return new Body(blocks, c.decidedOn());
	}

	@Bean
	DocumentTemplate serviceReceipt(DocumentFacts facts) {
		return PenaltyTemplate.of(facts, "SERVICE_RECEIPT", "送达回证", 70, sequence(facts, "送达"),
				c -> c.penalised() && !c.simpleProcedure() && facts.delivery.service(c.id()).isPresent(), (c, number) -> {
					var sv = facts.delivery.service(c.id()).orElseThrow();
					return new Body(List.of(PenaltyTemplate.block("送达文书", "行政处罚决定书（" + c.decisionNumber() + "）"),
							PenaltyTemplate.block("受送达人", sv.recipient() + "（" + c.partyName() + "）"),
							PenaltyTemplate.block("送达方式", sv.method().label() + (sv.witnesses() != null ? "；见证人：" + sv.witnesses() : "")
									+ (sv.trackingNo() != null ? "；邮件单号：" + sv.trackingNo() : "")),
							PenaltyTemplate.block("送达日期", DocumentFacts.date(sv.servedOn())), PenaltyTemplate.block("送达凭证", sv.proof())), sv.servedOn());
				});
	}

	@Bean
	DocumentTemplate closureReport(DocumentFacts facts) {
		return PenaltyTemplate.of(facts, "CLOSURE_REPORT", "结案报告", 90, null, c -> c.stage() == CaseStage.CLOSED || c.stage() == CaseStage.ARCHIVED,
				(c, number) -> new Body(List.of(PenaltyTemplate.block("案由", c.matterName()), PenaltyTemplate.block("当事人", facts.party(c)),
						PenaltyTemplate.block("处理决定", c.decisionOutcome() == null ? ""
								: c.decisionOutcome().label() + (c.decisionNumber() == null ? "" : "（" + c.decisionNumber() + "）")),
						PenaltyTemplate.block("执行情况", c.decision().closureReport()), PenaltyTemplate.block("负责人审批意见", "同意结案。")), null));
	}
}
