package zhifa.coercion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import zhifa.casework.CaseFile;
import zhifa.casework.CaseNumbers;
import zhifa.casework.DocumentTemplate;
import zhifa.casework.MeasureApprovals;
import zhifa.casework.PartyType;
import zhifa.casework.PdfDocument;
import zhifa.organization.DocumentDetails;
import zhifa.organization.OrganizationDirectory;
import zhifa.shared.BusinessRuleViolation;

/**
 * 查封决定书 / 扣押决定书 with its 清单, one for each 查封 or 扣押 (行政强制法第二十四条: 制作并当场交付查封、扣押决定书和清单),
 * stating (一) the party's name and address, (二) the reason, the legal basis and the period, (三) the place and the things
 * with their quantities, (四) the remedies and their time limits, (五) the body, its seal and the date. A measure the head
 * refused to approve was released at once and has none; one recorded before its reason and basis were kept cannot have
 * one made here. What it says does not change after it is handed over: not the head's later confirmation, not an
 * extension (a notice of its own), so a later version only corrects what was recorded.
 */
@Component
class SeizureDocument implements DocumentTemplate, zhifa.casework.ClosureCheck {

	private final Measures measures;
	private final MeasureApprovals approvals;
	private final CaseNumbers numbers;
	private final OrganizationDirectory directory;
	private final org.springframework.beans.factory.ObjectProvider<zhifa.casework.CaseDocuments> documents;

	SeizureDocument(Measures measures, MeasureApprovals approvals, CaseNumbers numbers, OrganizationDirectory directory,
			org.springframework.beans.factory.ObjectProvider<zhifa.casework.CaseDocuments> documents) {
		this.documents = documents;
		this.measures = measures;
		this.approvals = approvals;
		this.numbers = numbers;
		this.directory = directory;
	}

	@Override
	public String type() {
		return "SEIZURE";
	}

	@Override
	public String label() {
		return "查封、扣押决定书";
	}

	@Override
	public int order() {
		return 15;
	}

	@Override
	public boolean perInstance() {
		return true;
	}

	/** Never for the case as a whole: one per measure. */
	@Override
	public boolean available(CaseFile c) {
		return false;
	}

	@Override
	public List<Instance> instances(CaseFile c) {
		Map<Long, MeasureApprovals.Approval> approved = approvals.ofCase(c.id());
		// a measure recorded before reasons and bases were kept cannot have one made here (its paper decision is filed)
		return measures.measures(c.id()).stream().filter(m -> m.reason() != null && m.basis() != null)
			.filter(m -> approved.get(m.id()) == null || !Boolean.FALSE.equals(approved.get(m.id()).approved()))
			.map(m -> new Instance(String.valueOf(m.id()), m.kind().label() + "：" + abbreviated(m.items()) + "，" + m.appliedOn())).toList();
	}

	/** A case is not closed while a 查封 or 扣押 it can have a decision of has none (制作并当场交付, 第二十四条). */
	@Override
	public List<String> blockers(CaseFile c) {
		List<Instance> due = instances(c);
		if (due.isEmpty()) {
			return List.of();
		}
		java.util.Set<String> made = new java.util.HashSet<>();
		documents.getObject().documents(zhifa.shared.DataScope.all(), c.id()).forEach(d -> made.add(d.type()));
		return due.stream().filter(i -> !made.contains(type() + "-" + i.ref()))
			.map(i -> i.label() + "：尚未生成决定书和清单（行政强制法第二十四条：制作并当场交付查封、扣押决定书和清单）").toList();
	}

	@Override
	public String number(CaseFile c, int year) {
		return numbers.next(c.bodyId(), "查扣", year).text();
	}

	@Override
	public PdfDocument.Content content(CaseFile c, String number) {
		throw new IllegalStateException("a 查封、扣押决定书 is made for one measure");
	}

	@Override
	public PdfDocument.Content content(CaseFile c, String ref, String number) {
		Measure m = measures.measure(c.id(), Long.parseLong(ref)).orElseThrow(() -> new BusinessRuleViolation("本案没有这项查封、扣押：" + ref));
		String what = m.kind().label();
		if (m.reason() == null || m.basis() == null) {
			throw new BusinessRuleViolation("这项" + what + "登记时没有写明理由和法律依据（平台记录它们之前登记），平台不能据此生成" + what + "决定书：请按纸质文书归档");
		}
		List<String> missing = new ArrayList<>();
		if (c.partyAddress() == null) {
			missing.add("当事人的地址（在“更正当事人信息”中填写）");
		}
		DocumentDetails body = directory.documentDetails(c.bodyId());
		if (blank(body.reviewOrgan())) {
			missing.add("执法主体的行政复议机关");
		}
		if (blank(body.court())) {
			missing.add("执法主体的管辖人民法院");
		}
		if (!missing.isEmpty()) {
			throw new BusinessRuleViolation("生成" + what + "决定书前，请先填写：" + String.join("、", missing) + "（行政强制法第二十四条第二款）");
		}
		boolean organisation = c.partyKind() == PartyType.ORGANIZATION;
		String you = organisation ? "你单位" : "你";
		List<PdfDocument.Part> parts = new ArrayList<>();
		// (一) 当事人的姓名或者名称、地址
		parts.add(new PdfDocument.Block("当事人", c.partyName() + (c.partyMasked() == null ? ""
				: "（" + (organisation ? "统一社会信用代码 " : "身份证号 ") + c.partyMasked() + "）")));
		parts.add(new PdfDocument.Block("地址", c.partyAddress()));
		// (二) 理由、依据
		String things = m.kind() == Measure.Kind.SEAL ? "场所、设施或者财物" : "财物";
		// what the decision says is fixed when it is handed over on the spot: the head's approval (which an urgent measure
		// gets afterwards, 行政强制法第十九条) and an extension (its own written notice, 第二十五条) are not in it
		parts.add(new PdfDocument.Block(null, "本机关在办理" + c.matterName() + "一案中，" + sentence(m.reason()) + "依据" + basis(m.basis()) + "的规定，决定对"
				+ you + "的下列" + things + "予以" + what + "。"));
		// (三) 场所、设施或者财物的名称、数量
		parts.add(new PdfDocument.Block(what + "的" + things, m.items() + "（详见所附清单）"));
		if (m.place() != null) {
			parts.add(new PdfDocument.Block(m.kind() == Measure.Kind.SEAL ? "查封场所" : "财物所在地", m.place()));
		}
		// (二) 期限 (行政强制法第二十五条): thirty days from the day after it is taken (期间开始之日不计算在内), to the thirtieth
		// day itself — the statute's limit on the body, not moved past a holiday
		parts.add(new PdfDocument.Block(what + "期限", "三十日，自" + date(m.appliedOn()) + "实施之次日起算，至" + date(m.appliedOn().plusDays(30))
				+ "届满。情况复杂的，经本机关负责人批准可以延长，但延长期限不得超过三十日，延长的决定将书面告知" + you + "；检测、检验、检疫或者技术鉴定的期间不计入。"));
		// (四) 申请行政复议或者提起行政诉讼的途径和期限
		parts.add(new PdfDocument.Block(null, you + "如不服本决定，可以自收到本决定书之日起六十日内向" + body.reviewOrgan() + "申请行政复议，或者在六个月内依法向" + body.court()
				+ "提起行政诉讼。"));
		if (!c.officers().isEmpty()) {
			parts.add(new PdfDocument.Block("执法人员", String.join("、", c.officers().stream().map(CaseFile.Officer::name).toList())));
		}
		// 清单一式二份，由当事人和行政机关分别保存
		parts.add(new PdfDocument.Table(List.of(new PdfDocument.Row(what + "清单", m.items() + (m.place() == null ? "" : "\n所在地：" + m.place()),
				"当事人（签名）：　　　　执法人员（签名）：", 3))));
		parts.add(new PdfDocument.Block(null, "本清单一式二份，由当事人和本机关分别保存。"));
		// (五) 行政机关的名称、印章和日期
		return new PdfDocument.Content(c.bodyName(), what + "决定书", number, parts, c.bodyName() + "（印章）", m.appliedOn());
	}

	/** The basis as typed, without a 依据 or 根据 the sentence already says. */
	private static String basis(String s) {
		String t = s.strip();
		return t.startsWith("依据") || t.startsWith("根据") ? t.substring(2).strip() : t;
	}

	private static String sentence(String s) {
		String t = s.strip();
		return t.endsWith("。") || t.endsWith("；") ? t : t + "。";
	}

	private static String abbreviated(String items) {
		String one = items.strip().replaceAll("\\s+", " ");
		return one.length() > 20 ? one.substring(0, 20) + "…" : one;
	}

	private static String date(LocalDate d) {
		return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
