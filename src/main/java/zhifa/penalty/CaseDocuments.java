package zhifa.penalty;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.record.FullProcessRecord;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;

/**
 * 执法文书 rendered from the case data as PDF with an embedded CJK font, stored by content hash and recorded; a regenerated
 * document is a new version, never an overwrite: 立案审批表, 行政处罚事先告知书, 听证通知书, 听证笔录, 行政处罚决定书 (the six
 * items of 行政处罚法第五十九条 and the remedies), 当场行政处罚决定书, 送达回证, 催告书, 结案报告.
 */
@Service
public class CaseDocuments {

	public enum Type {
		FILING_APPROVAL("立案审批表"), NOTICE("行政处罚事先告知书"), HEARING_NOTICE("听证通知书"), HEARING_TRANSCRIPT("听证笔录"),
		DECISION("行政处罚决定书"), ONSPOT_DECISION("当场行政处罚决定书"), SERVICE_RECEIPT("送达回证"), URGE("催告书"), CLOSURE_REPORT("结案报告");

		private final String label;

		Type(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public record Document(long id, Type type, int version, String number, String sm3, int size, int pages, String generatedBy, java.time.Instant at) {
	}

	private final NamedParameterJdbcTemplate jdbc;
	private final PenaltyCases cases;
	private final CaseProcedure procedure;
	private final CaseExecution execution;
	private final CaseNumbers numbers;
	private final EvidenceStore store;
	private final FullProcessRecord record;
	private final Clock clock;
	private final DocumentFonts fonts;

	CaseDocuments(NamedParameterJdbcTemplate jdbc, PenaltyCases cases, CaseProcedure procedure, CaseExecution execution, CaseNumbers numbers,
			EvidenceStore store, FullProcessRecord record, Clock clock, @Value("${zhifa.documents.font:}") String font) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.procedure = procedure;
		this.execution = execution;
		this.numbers = numbers;
		this.store = store;
		this.record = record;
		this.clock = clock;
		this.fonts = DocumentFonts.load(font);
	}

	public List<Document> documents(DataScope scope, long caseId) {
		cases.get(scope, caseId);
		return jdbc.query("select * from penalty_document where case_id = :c order by type, version", Map.of("c", caseId),
				(rs, i) -> new Document(rs.getLong("id"), Type.valueOf(rs.getString("type")), rs.getInt("version"), rs.getString("number"), rs.getString("sm3"),
						rs.getInt("size_bytes"), rs.getInt("pages"), rs.getString("generated_by"), rs.getTimestamp("generated_at").toInstant()));
	}

	/** A stored version, with the file name it is downloaded under. */
	public record Pdf(String fileName, byte[] bytes) {
	}

	public Pdf pdf(DataScope scope, long caseId, long documentId) {
		Document d = documents(scope, caseId).stream().filter(x -> x.id() == documentId).findFirst().orElseThrow(() -> new NotFound("文书"));
		return new Pdf(d.type().label() + "（" + d.number() + "）第" + d.version() + "版.pdf", store.read(d.sm3()));
	}

	/** The types the case can have now. */
	public List<Type> available(PenaltyCase c) {
		List<Type> t = new ArrayList<>();
		if (c.caseNumber() != null) {
			t.add(Type.FILING_APPROVAL);
		}
		if (procedure.notice(c.id()).isPresent()) {
			t.add(Type.NOTICE);
		}
		procedure.hearing(c.id()).ifPresent(h -> {
			if (h.hearingDate() != null) {
				t.add(Type.HEARING_NOTICE);
			}
			if (h.heldOn() != null) {
				t.add(Type.HEARING_TRANSCRIPT);
			}
		});
		if (c.decisionOutcome() == DecisionOutcome.PENALTY) {
			t.add(c.simpleProcedure() ? Type.ONSPOT_DECISION : Type.DECISION);
			if (!c.simpleProcedure() && execution.service(c.id()).isPresent()) {
				t.add(Type.SERVICE_RECEIPT);
			}
			if (execution.enforcement(c.id()).isPresent()) {
				t.add(Type.URGE);
			}
		}
		if (c.stage() == CaseStage.CLOSED || c.stage() == CaseStage.ARCHIVED) {
			t.add(Type.CLOSURE_REPORT);
		}
		return t;
	}

	@Transactional
	public Document generate(DataScope scope, long caseId, Type type) {
		PenaltyCase c = cases.get(scope, caseId);
		if (type == null || !available(c).contains(type)) {
			throw new BusinessRuleViolation("本案当前不能生成" + (type == null ? "该文书" : "“" + type.label() + "”"));
		}
		jdbc.queryForObject("select id from penalty_case where id = :id for update", Map.of("id", caseId), Long.class);
		List<Document> earlier = documents(DataScope.all(), caseId).stream().filter(d -> d.type() == type).toList();
		String number = earlier.isEmpty() ? number(c, type) : earlier.get(earlier.size() - 1).number();
		PdfDocument.Rendered pdf = switch (type) {
			case NOTICE -> notice(c, number);
			case DECISION, ONSPOT_DECISION -> decision(c, number, type);
			default -> other(c, number, type);
		};
		String hash = store.store(pdf.bytes());
		int version = earlier.size() + 1;
		long id = jdbc.queryForObject("""
				insert into penalty_document (case_id, type, version, number, sm3, size_bytes, pages, generated_by, generated_at)
				values (:c, :t, :v, :n, :h, :s, :p, :by, :now) returning id""",
				new MapSqlParameterSource().addValue("c", caseId).addValue("t", type.name()).addValue("v", version).addValue("n", number).addValue("h", hash)
					.addValue("s", pdf.bytes().length).addValue("p", pdf.pages()).addValue("by", Operator.current().operatorName())
					.addValue("now", Timestamp.from(clock.instant())),
				Long.class);
		record.append("penalty_case", caseId, c.bodyId(), "case.document_generated", "生成" + type.label() + "（" + number + "，第" + version + "版，" + pdf.pages() + "页）",
				Map.of("sm3", hash, "pages", pdf.pages()));
		return documents(DataScope.all(), caseId).stream().filter(d -> d.id() == id).findFirst().orElseThrow();
	}

	private String number(PenaltyCase c, Type type) {
		int year = LocalDate.now(clock).getYear();
		return switch (type) {
			case DECISION, ONSPOT_DECISION -> c.decisionNumber();
			case NOTICE -> numbers.next(c.bodyId(), "告知", year).text();
			case HEARING_NOTICE -> numbers.next(c.bodyId(), "听证", year).text();
			case SERVICE_RECEIPT -> numbers.next(c.bodyId(), "送达", year).text();
			case URGE -> numbers.next(c.bodyId(), "催告", year).text();
			case FILING_APPROVAL, HEARING_TRANSCRIPT, CLOSURE_REPORT -> c.caseNumber() != null ? c.caseNumber() : c.label();
		};
	}

	private PdfDocument.Rendered notice(PenaltyCase c, String number) {
		var n = procedure.notice(c.id()).orElseThrow();
		var p = procedure.proposal(c.id()).orElseThrow();
		List<PdfDocument.Block> blocks = new ArrayList<>();
		blocks.add(new PdfDocument.Block(null, c.partyName() + "（" + c.partyMasked() + "）："));
		blocks.add(new PdfDocument.Block(null, "经调查，" + n.facts()));
		blocks.add(new PdfDocument.Block(null, "以上事实有" + evidenceList(c) + "等证据证实。"));
		blocks.add(new PdfDocument.Block(null, "你（单位）的行为违反了" + String.join("、", basis(c)) + "的规定。" + p.reasoning()));
		blocks.add(new PdfDocument.Block(null, "依据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，本机关拟对你（单位）作出如下行政处罚：" + n.sanction().describe() + "。"));
		blocks.add(new PdfDocument.Block(null, "你（单位）有权进行陈述和申辩。" + (n.hearingRight()
				? "根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你（单位）有权要求举行听证；要求听证的，应当在收到本告知书之日起五个工作日内提出。"
				: "") + "逾期未提出陈述、申辩" + (n.hearingRight() ? "或者听证申请" : "") + "的，视为放弃上述权利。"));
		return PdfDocument.render(fonts, c.bodyName(), "行政处罚事先告知书", number, blocks, c.bodyName() + "（印章）", chineseDate(n.issuedOn()));
	}

	private PdfDocument.Rendered decision(PenaltyCase c, String number, Type type) {
		var row = jdbc.queryForMap("select decision_types, decision_fine, decision_confiscation, decision_text from penalty_case where id = :id",
				Map.of("id", c.id()));
		Sanction s = CaseProcedure.sanction((String) row.get("decision_types"), (Long) row.get("decision_fine"), (Long) row.get("decision_confiscation"));
		List<PdfDocument.Block> blocks = new ArrayList<>();
		// 第五十九条: (一) 当事人的姓名或者名称、地址
		blocks.add(new PdfDocument.Block("当事人", c.partyName() + "，" + (c.partyKind() == zhifa.discretion.Benchmarks.PartyType.ORGANIZATION ? "统一社会信用代码 " : "身份证号 ")
				+ c.partyMasked() + "；地址：" + c.placeName() + c.placeDetail()));
		// (二) 违反法律、法规、规章的事实和证据
		blocks.add(new PdfDocument.Block("违法事实和证据", (String) row.get("decision_text") + (type == Type.DECISION ? "\n以上事实有" + evidenceList(c) + "等证据证实。" : "")));
		// (三) 行政处罚的种类和依据
		blocks.add(new PdfDocument.Block("处罚依据和处罚内容", "依据" + String.join("、", basis(c)) + "的规定，决定给予如下行政处罚：" + s.describe() + "。"));
		// (四) 行政处罚的履行方式和期限
		String payment = s.fine() == null ? "本决定自送达之日起生效。"
				: c.simpleProcedure() && execution.payments(c.id()).stream().mapToLong(CaseExecution.PaymentRecord::amount).sum() >= s.fine()
						? "罚款已当场收缴，并出具罚没款专用票据。"
						: "请自收到本决定书之日起十五日内，到指定银行或者通过电子支付系统缴纳罚款。到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不超过罚款的数额。";
		blocks.add(new PdfDocument.Block("履行方式和期限", payment));
		// (五) 申请行政复议、提起行政诉讼的途径和期限
		blocks.add(new PdfDocument.Block("救济途径和期限", "如不服本行政处罚决定，可以在收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。"
				+ "行政复议和行政诉讼期间，本决定不停止执行，法律另有规定的除外。"));
		// (六) 作出行政处罚决定的行政机关名称和作出决定的日期
		String officers = String.join("、", c.officers().stream().map(PenaltyCase.Officer::name).toList());
		if (type == Type.ONSPOT_DECISION) {
			blocks.add(new PdfDocument.Block("执法人员", officers + "（已出示执法证件）"));
		}
		return PdfDocument.render(fonts, c.bodyName(), type.label(), number, blocks, c.bodyName() + "（印章）", chineseDate(c.decidedOn()));
	}

	/** The other forms: each a short list of the facts the national form asks for. */
	private PdfDocument.Rendered other(PenaltyCase c, String number, Type type) {
		List<PdfDocument.Block> b = new ArrayList<>();
		LocalDate date = LocalDate.now(clock);
		String party = c.partyName() + "（" + c.partyMasked() + "）";
		switch (type) {
			case FILING_APPROVAL -> {
				b.add(new PdfDocument.Block("案由", c.matterName()));
				b.add(new PdfDocument.Block("当事人", party));
				b.add(new PdfDocument.Block("案件来源", c.source().label() + "，" + c.receivedOn() + " 收到"));
				b.add(new PdfDocument.Block("简要案情", c.description()));
				b.add(new PdfDocument.Block("立案依据", "《中华人民共和国行政处罚法》第五十四条第二款：符合立案标准的，应当及时立案。事项属本机关执法事项目录，违法行为发生地属本机关管辖区域，未超过追责时效。"));
				b.add(new PdfDocument.Block("办案人员", String.join("、", c.officers().stream().map(PenaltyCase.Officer::name).toList())));
				b.add(new PdfDocument.Block("负责人审批意见", "同意立案。" + c.filedBy() + "，" + c.filedOn()));
				date = c.filedOn();
			}
			case HEARING_NOTICE -> {
				var h = procedure.hearing(c.id()).orElseThrow();
				b.add(new PdfDocument.Block(null, party + "："));
				b.add(new PdfDocument.Block(null, "根据你（单位）的申请，本机关定于" + chineseDate(h.hearingDate()) + "就" + c.matterName() + "一案举行听证。"));
				b.add(new PdfDocument.Block(null, "听证由非本案调查人员主持。你（单位）可以亲自参加听证，也可以委托一至二人代理；认为主持人与本案有直接利害关系的，有权申请回避。"
						+ "你（单位）不承担行政机关组织听证的费用。无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利。"));
				date = h.noticeOn();
			}
			case HEARING_TRANSCRIPT -> {
				var h = procedure.hearing(c.id()).orElseThrow();
				b.add(new PdfDocument.Block("听证时间", chineseDate(h.heldOn())));
				b.add(new PdfDocument.Block("当事人及委托代理人", party + (h.agents() == null || h.agents().isBlank() ? "" : "；委托代理人：" + h.agents())));
				b.add(new PdfDocument.Block("听证记录", h.transcript()));
				b.add(new PdfDocument.Block("听证报告", h.report()));
				date = h.heldOn();
			}
			case SERVICE_RECEIPT -> {
				var sv = execution.service(c.id()).orElseThrow();
				b.add(new PdfDocument.Block("送达文书", "行政处罚决定书（" + c.decisionNumber() + "）"));
				b.add(new PdfDocument.Block("受送达人", sv.recipient() + "（" + c.partyName() + "）"));
				b.add(new PdfDocument.Block("送达方式", sv.method().label() + (sv.witnesses() != null ? "；见证人：" + sv.witnesses() : "")
						+ (sv.trackingNo() != null ? "；邮件单号：" + sv.trackingNo() : "")));
				b.add(new PdfDocument.Block("送达日期", chineseDate(sv.servedOn())));
				b.add(new PdfDocument.Block("送达凭证", sv.proof()));
				date = sv.servedOn();
			}
			case URGE -> {
				var e = execution.enforcement(c.id()).orElseThrow();
				var a = execution.account(c.id(), e.urgeServedOn()).orElseThrow();
				b.add(new PdfDocument.Block(null, party + "："));
				b.add(new PdfDocument.Block(null, "本机关于" + chineseDate(c.decidedOn()) + "作出行政处罚决定（" + c.decisionNumber() + "），你（单位）至今未履行。截至"
						+ chineseDate(e.urgeServedOn()) + "，尚欠罚款" + Sanction.yuan(a.unpaidFine()) + "，加处罚款" + Sanction.yuan(a.lateFee().fee()) + "。"));
				b.add(new PdfDocument.Block(null, "根据《中华人民共和国行政强制法》第三十五条、第五十四条的规定，请你（单位）自收到本催告书之日起十日内履行上述义务。"
						+ "你（单位）有权进行陈述和申辩。逾期仍不履行的，本机关将依法申请人民法院强制执行。"));
				date = e.urgeServedOn();
			}
			case CLOSURE_REPORT -> {
				String report = jdbc.queryForObject("select closure_report from penalty_case where id = :id", Map.of("id", c.id()), String.class);
				b.add(new PdfDocument.Block("案由", c.matterName()));
				b.add(new PdfDocument.Block("当事人", party));
				b.add(new PdfDocument.Block("处理决定", c.decisionOutcome() == null ? "" : c.decisionOutcome().label() + (c.decisionNumber() == null ? "" : "（" + c.decisionNumber() + "）")));
				b.add(new PdfDocument.Block("执行情况", report));
				b.add(new PdfDocument.Block("负责人审批意见", "同意结案。"));
			}
			default -> throw new IllegalStateException(type.name());
		}
		return PdfDocument.render(fonts, c.bodyName(), type.label(), number, b, c.bodyName() + "（印章）", chineseDate(date == null ? LocalDate.now(clock) : date));
	}

	private List<String> basis(PenaltyCase c) {
		return jdbc.queryForList("select citation from enforcement_matter_basis where matter_id = :m order by citation", Map.of("m", c.matterId()),
				String.class).stream().map(x -> "《" + x.replaceFirst("第.*", "") + "》" + x.substring(x.indexOf("第") < 0 ? x.length() : x.indexOf("第"))).toList();
	}

	private String evidenceList(PenaltyCase c) {
		List<String> items = new ArrayList<>(procedure.evidence(c.id()).stream().map(CaseProcedure.Evidence::title).toList());
		procedure.transcripts(c.id()).forEach(t -> items.add(("INQUIRY".equals(t.get("kind")) ? "询问笔录" : "现场检查笔录")));
		return items.isEmpty() ? "现场检查情况" : String.join("、", items);
	}

	static String chineseDate(LocalDate d) {
		return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
	}
}
