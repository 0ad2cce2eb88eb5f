package zhifa.penalty.documents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import zhifa.casework.PartyType;
import zhifa.casework.PdfDocument;
import zhifa.organization.DocumentDetails;
import zhifa.penalty.PenaltyCase;
import zhifa.penalty.Sanction;
import zhifa.shared.BusinessRuleViolation;
import zhifa.penalty.execution.ExecutionRecords;
import zhifa.penalty.notice.Notice;
import zhifa.penalty.notice.Statement;
import zhifa.penalty.proposal.Review;
import zhifa.penalty.documents.PenaltyTemplate.Body;

/**
 * The texts of the 行政处罚事先告知书 and the 行政处罚决定书 (RULES.md §11): what the law requires them to say to the
 * party, and nothing internal (no discretion ranges or reasoning, no drafting notes).
 */
final class LetterBodies {

	private static final String LAW = "《中华人民共和国行政处罚法》";

	private LetterBodies() {
	}

	/**
	 * 行政处罚事先告知书 (行政处罚法第四十四条、第四十五条、第六十二条、第六十四条): the facts and evidence, the violated and the
	 * punishing clause, the proposed penalty, the right to 陈述、申辩 with its last day, the hearing right with its last day
	 * where it exists, and whom to contact.
	 */
	/** Whether the facts as written already say what proves them (the draft does): the sentence is not printed twice. */
	static boolean namesItsEvidence(String facts) {
		return facts != null && (facts.contains("以上事实有") || facts.contains("等证据证实") || facts.contains("等证据予以证实"));
	}

	static Body notice(DocumentFacts facts, PenaltyCase c, Notice n) {
		DocumentDetails body = facts.details(c, "行政处罚事先告知书", facts.details(c).missingForNotice());
		String you = DocumentFacts.you(c);
		List<PdfDocument.Block> blocks = new ArrayList<>();
		blocks.add(PenaltyTemplate.line(c.partyName() + "："));
		String found = n.facts().strip();
		blocks.add(PenaltyTemplate.line(found.startsWith("经查") || found.startsWith("经调查") ? found : "经调查，" + found));
		if (!namesItsEvidence(found)) {
			blocks.add(PenaltyTemplate.line("以上事实有" + facts.evidenceList(c) + "等证据证实。"));
		}
		blocks.add(PenaltyTemplate.line(you + "的上述行为违反了" + facts.violated(c) + "的规定。依据" + facts.punishing(c) + "的规定，本机关拟对" + you
				+ "作出如下行政处罚：" + n.sanction().describe() + "。"));
		LocalDate from = n.servedOn() != null ? n.servedOn() : n.issuedOn();
		String when = n.servedOn() != null ? "" : "（本告知书于" + DocumentFacts.date(n.issuedOn()) + "当日送达的）";
		LocalDate statementDue = n.statementDue() != null ? n.statementDue() : facts.windowEnd(from, facts.statementDays(c), "行政处罚法第四十五条");
		blocks.add(PenaltyTemplate.line("根据" + LAW + "第四十四条、第四十五条的规定，" + you + "有权进行陈述和申辩。" + you + "可以自收到本告知书之日起"
				+ chineseCount(facts.statementDays(c)) + "个工作日内" + when + "，即最迟于" + DocumentFacts.date(statementDue) + "（含当日），向本机关提出陈述、申辩。"));
		if (n.hearingRight()) {
			LocalDate hearingDue = n.hearingDue() != null ? n.hearingDue() : facts.windowEnd(from, facts.hearingDays(), "行政处罚法第六十四条");
			blocks.add(PenaltyTemplate.line("根据" + LAW + "第六十三条、第六十四条的规定，" + you + "有权要求举行听证。要求听证的，应当自收到本告知书之日起五个工作日内"
					+ when + "，即最迟于" + DocumentFacts.date(hearingDue) + "（含当日），向本机关提出。"));
		}
		blocks.add(PenaltyTemplate.line("逾期未提出陈述、申辩" + (n.hearingRight() ? "或者听证申请" : "") + "的，视为放弃上述权利。"));
		// the party asks those handling the case (the unit's general contact only when none is on it)
		String handlers = facts.officers(c);
		blocks.add(PenaltyTemplate.line("联系人：" + (handlers.isBlank() ? body.contactPerson() : handlers) + "　　联系电话：" + body.contactPhone()));
		blocks.add(PenaltyTemplate.line("联系地址：" + body.contactAddress()));
		return new Body(blocks, n.issuedOn());
	}

	/**
	 * 行政处罚决定书 (行政处罚法第五十九条): the six items, and where they happened the party's statements and how they were
	 * handled, the hearing and the legal review; for the on-the-spot form the officers who showed their certificates
	 * (第五十二条).
	 */
	static Body decision(DocumentFacts facts, PenaltyCase c, boolean onTheSpot) {
		Sanction s = c.decision().sanction();
		boolean collected = onTheSpot
				&& facts.payments.payments(c.id()).stream().mapToLong(ExecutionRecords.PaymentRecord::amount).sum() >= (s.fine() == null ? 0 : s.fine());
		DocumentDetails details = facts.details(c);
		List<String> missing = new ArrayList<>(details.missingForDecision());
		// money the party pays in: a fine, and confiscated gains (没收违法所得 is paid in as the fine is)
		boolean gains = s.gains() != null && s.types().contains(zhifa.discretion.PenaltyType.CONFISCATE_GAINS);
		if ((s.fine() == null && !gains) || collected) {
			missing.remove("罚款缴纳银行及账号或缴款渠道");
		}
		String title = onTheSpot ? "当场行政处罚决定书" : "行政处罚决定书";
		if (c.partyAddress() == null) {
			// a case registered before the address was kept: never the act's place in its stead
			throw new BusinessRuleViolation("生成" + title + "前，请在案件情况中填写当事人地址（住所或经营场所）：决定书须载明（行政处罚法第五十九条第一款第（一）项）");
		}
		DocumentDetails body = facts.details(c, title, missing);
		String you = DocumentFacts.you(c);
		List<PdfDocument.Block> blocks = new ArrayList<>();
		// (一) 当事人的姓名或者名称、地址
		blocks.add(PenaltyTemplate.block("当事人", c.partyName() + "，" + (c.partyKind() == PartyType.ORGANIZATION ? "统一社会信用代码" : "身份证号")
				+ (c.partyMasked() == null ? "未登记" : c.partyMasked()) + "；地址：" + c.partyAddress()));
		// (二) 违反法律、法规、规章的事实和证据; on the spot also when and where (第五十二条第二款)
		if (onTheSpot) {
			blocks.add(PenaltyTemplate.block("违法时间、地点", DocumentFacts.date(c.actDate()) + "，" + c.placeName()
					+ (c.placeDetail() == null || c.placeDetail().isBlank() ? "" : c.placeDetail().strip())));
		}
		blocks.add(PenaltyTemplate.line(c.decision().text()
				+ (onTheSpot || namesItsEvidence(c.decision().text()) ? "" : "\n以上事实有" + facts.evidenceList(c) + "等证据证实。")));
		if (!onTheSpot) {
			blocks.addAll(procedure(facts, c, you));
		}
		// (三) 行政处罚的种类和依据
		String discretion = onTheSpot ? "" : facts.proposals.proposal(c.id()).map(p -> discretion(p, you)).orElse("");
		blocks.add(PenaltyTemplate.line(you + "的上述行为违反了" + facts.violated(c) + "的规定。" + discretion + "依据" + facts.punishing(c) + "的规定，本机关决定对"
				+ you + "给予如下行政处罚：" + s.describe() + "。"));
		// (四) 行政处罚的履行方式和期限
		String paidIn = s.fine() != null && gains ? "罚款和没收的违法所得" : s.fine() != null ? "罚款" : "没收的违法所得";
		String payment = s.fine() == null && !gains ? "本决定书送达后即发生效力，请按本决定履行。"
				: collected ? "罚款已由执法人员当场收缴，并出具了省级财政部门统一制发的专用票据。"
						: you + "应当自收到本决定书之日起十五日内，将" + paidIn + "缴至" + body.paymentWhere() + "。"
								+ (s.fine() == null ? "" : "到期不缴纳罚款的，本机关将依据" + LAW
										+ "第七十二条第一款第一项的规定，每日按罚款数额的百分之三加处罚款，加处罚款的数额不超过罚款的数额。");
		blocks.add(PenaltyTemplate.line(payment));
		// (五) 申请行政复议、提起行政诉讼的途径和期限
		blocks.add(PenaltyTemplate.line(you + "如不服本行政处罚决定，可以自收到本决定书之日起六十日内向" + body.reviewOrgan() + "申请行政复议，或者在六个月内依法向"
				+ body.court() + "提起行政诉讼。行政复议和行政诉讼期间，本决定不停止执行，法律另有规定的除外。"));
		if (onTheSpot) {
			blocks.add(PenaltyTemplate.block("执法人员", facts.officers(c) + "（已出示执法证件）"));
			// signed by the officers (第五十二条第二款) and handed to the party on the spot, who signs for it or refuses
			blocks.add(PenaltyTemplate.block("执法人员签名", "＿＿＿＿＿＿＿＿　　＿＿＿＿＿＿＿＿"));
			blocks.add(PenaltyTemplate.block("当事人签收", "＿＿＿＿＿＿＿＿　　年　　月　　日"));
			blocks.add(PenaltyTemplate.block("当事人拒绝签收的，由执法人员注明", "＿＿＿＿＿＿＿＿＿＿＿＿"));
		}
		// (六) 作出行政处罚决定的行政机关名称和作出决定的日期: the issuer and the date below, with the seal
		return new Body(blocks, c.decidedOn());
	}

	/**
	 * The discretion the decision rests on (RULES.md §6: which benchmark and tier, and why; 国办发〔2022〕27号: the decision
	 * document states how the benchmark was applied): the circumstances found with their legal source, the tier, and a
	 * deviation's reason — empty when no benchmark applied.
	 */
	static String discretion(zhifa.penalty.proposal.Proposal p, String you) {
		return p.assessed().map(a -> {
			// the benchmark by its title and 文号 (《芒市县级基准》 put book-title marks round what is not a document's title)
			StringBuilder sb = new StringBuilder("本机关依照" + a.benchmark() + "进行裁量：");
			if (!p.circumstances().isEmpty()) {
				sb.append(you).append("具有").append(String.join("、", p.circumstances().stream().sorted()
					.map(ci -> ci.label() + "（" + ci.source() + "）").toList())).append("的情节，");
			}
			sb.append("适用“").append(a.tier().label()).append("”阶次。");
			if (p.deviates() && p.deviationReason() != null) {
				sb.append("偏离裁量基准的理由：").append(p.deviationReason().strip()).append(p.deviationReason().strip().endsWith("。") ? "" : "。");
			}
			return sb.toString();
		}).orElse("");
	}

	/** What happened between the notice and the decision: 告知, 陈述申辩 and 复核, 听证, 法制审核, 集体讨论. */
	private static List<PdfDocument.Block> procedure(DocumentFacts facts, PenaltyCase c, String you) {
		List<PdfDocument.Block> blocks = new ArrayList<>();
		facts.notices.notice(c.id()).ifPresent(n -> {
			StringBuilder sb = new StringBuilder("本机关于" + DocumentFacts.date(n.issuedOn()) + "制作行政处罚事先告知书，"
					+ (n.servedOn() != null ? "于" + DocumentFacts.date(n.servedOn()) + "送达" + you + "，" : "")
					+ "告知了拟作出行政处罚的事实、理由、依据和内容，以及" + you + "依法享有的陈述、申辩" + (n.hearingRight() ? "和要求听证" : "") + "的权利。");
			List<Statement> statements = facts.notices.statements(c.id());
			if (!statements.isEmpty()) {
				for (Statement st : statements) {
					sb.append(you).append("于").append(DocumentFacts.date(st.receivedOn())).append("提出陈述、申辩：").append(st.content().strip())
						.append(st.content().strip().endsWith("。") ? "" : "。");
					if (st.result() != null) {
						sb.append("本机关复核后").append(switch (st.result()) {
							case "ADOPTED" -> "予以采纳";
							case "PARTLY" -> "部分予以采纳";
							default -> "不予采纳";
						}).append(st.resultNote() == null || st.resultNote().isBlank() ? "。" : "，理由是：" + st.resultNote().strip()
								+ (st.resultNote().strip().endsWith("。") ? "" : "。"));
					}
				}
			}
			else if (n.statementWaivedOn() != null) {
				sb.append(you).append("于").append(DocumentFacts.date(n.statementWaivedOn())).append("书面放弃陈述、申辩权利。");
			}
			else {
				sb.append(you).append("在规定期限内未提出陈述、申辩。");
			}
			if (n.hearingRight() && n.hearingWaivedOn() != null) {
				sb.append(you).append("于").append(DocumentFacts.date(n.hearingWaivedOn())).append("书面放弃听证权利。");
			}
			blocks.add(PenaltyTemplate.line(sb.toString()));
		});
		facts.hearings.hearing(c.id()).filter(h -> h.heldOn() != null).ifPresent(h -> blocks.add(PenaltyTemplate.line("应" + you + "申请，本机关于"
				+ DocumentFacts.date(h.heldOn()) + "依法举行了听证，听取了" + you + "的陈述、申辩和质证意见。")));
		List<Review> reviews = facts.proposals.reviews(c.id());
		reviews.stream().filter(r -> "LEGAL".equals(r.kind()) && "PASSED".equals(r.result()) && r.decidedOn() != null).reduce((a, b) -> b)
			.ifPresent(r -> blocks.add(PenaltyTemplate.line("本案经本机关法制审核机构于" + DocumentFacts.date(r.decidedOn()) + "进行法制审核，审核通过。")));
		reviews.stream().filter(r -> "COLLECTIVE".equals(r.kind()) && r.decidedOn() != null).reduce((a, b) -> b)
			.ifPresent(r -> blocks.add(PenaltyTemplate.line("本案经本机关负责人于" + DocumentFacts.date(r.decidedOn()) + "集体讨论决定。")));
		return blocks;
	}

	/** 1…10 in Chinese figures for the period words (五个工作日). */
	static String chineseCount(int n) {
		String digits = "零一二三四五六七八九十";
		return n >= 0 && n <= 10 ? String.valueOf(digits.charAt(n)) : n < 20 ? "十" + digits.charAt(n - 10) : String.valueOf(n);
	}
}
