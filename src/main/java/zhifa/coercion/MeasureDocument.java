package zhifa.coercion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;

import zhifa.casework.CaseDocuments;
import zhifa.casework.CaseFile;
import zhifa.casework.CaseNumbers;
import zhifa.casework.InstanceDocument;
import zhifa.casework.PdfDocument;
import zhifa.organization.DocumentDetails;
import zhifa.organization.OrganizationDirectory;
import zhifa.shared.BusinessRuleViolation;

/**
 * A written decision the party is given about one 查封 or 扣押 (its decision, 行政强制法第二十四条; the extension of its
 * period, 第二十五条第二款): one per measure that has it, numbered from the body's 查扣 sequence, naming the party and his
 * address and ending with the remedies, the body's seal and the date. A measure the head refused to approve was taken
 * all the same and released at once (行政强制法第十九条): it has its decision and its release decision; one refused before
 * the platform made them ({@link Measure#refusedOnPaper()}) has none, nor one recorded before its reason and basis were
 * kept (its paper is filed). The case is not closed while a measure lacks one.
 */
abstract class MeasureDocument extends InstanceDocument {

	final Measures measures;
	private final CaseNumbers numbers;
	private final OrganizationDirectory directory;

	MeasureDocument(Measures measures, CaseNumbers numbers, OrganizationDirectory directory, ObjectProvider<CaseDocuments> documents) {
		super(documents);
		this.measures = measures;
		this.numbers = numbers;
		this.directory = directory;
	}

	/** Whether a measure (not refused) has this document: what the document states was recorded with it. */
	abstract boolean applies(Measure m);

	/** The document's title for this measure (扣押决定书 …). */
	abstract String title(Measure m);

	/** What the document says between the party and the remedies. */
	abstract List<PdfDocument.Part> body(CaseFile c, Measure m, String you);

	/** The date the document bears. */
	abstract LocalDate date(Measure m);

	@Override
	public List<Instance> instances(CaseFile c) {
		return measures.measures(c.id()).stream().filter(m -> !m.refusedOnPaper()).filter(this::applies)
			.map(m -> new Instance(String.valueOf(m.id()), abbreviated(m.items()) + "，" + m.appliedOn())).toList();
	}

	/** 扣押决定书, 延长查封期限决定书 …: the document of that measure, by its kind. */
	@Override
	public String label(long caseId, String ref) {
		try {
			return measures.measure(caseId, Long.parseLong(ref)).map(this::title).orElse(label());
		}
		catch (NumberFormatException e) {
			return label();
		}
	}

	@Override
	public String number(CaseFile c, int year) {
		return numbers.next(c.bodyId(), "查扣", year).text();
	}

	@Override
	public PdfDocument.Content content(CaseFile c, String ref, String number) {
		Measure m = measures.measure(c.id(), Long.parseLong(ref)).filter(this::applies)
			.orElseThrow(() -> new BusinessRuleViolation("本案没有可生成" + label() + "的查封、扣押：" + ref));
		List<String> missing = new ArrayList<>();
		if (c.partyAddress() == null) {
			missing.add("当事人的地址（在“更正当事人信息”中填写）");
		}
		DocumentDetails details = directory.documentDetails(c.bodyId());
		if (blank(details.reviewOrgan())) {
			missing.add("执法主体的行政复议机关");
		}
		if (blank(details.court())) {
			missing.add("执法主体的管辖人民法院");
		}
		if (!missing.isEmpty()) {
			throw new BusinessRuleViolation("生成" + title(m) + "前，请先填写：" + String.join("、", missing) + "（" + article() + "）");
		}
		String you = you(c);
		// 当事人的姓名或者名称、地址
		List<PdfDocument.Part> parts = new ArrayList<>(party(c));
		parts.addAll(body(c, m, you));
		// 申请行政复议或者提起行政诉讼的途径和期限
		parts.add(new PdfDocument.Block(null, you + "如不服本决定，可以自收到本决定书之日起六十日内向" + details.reviewOrgan() + "申请行政复议，或者在六个月内依法向"
				+ details.court() + "提起行政诉讼。"));
		// those who carried it out; a measure recorded before they were kept names the case's officers
		parts.addAll(m.officers().isEmpty() ? officers(c) : List.of(new PdfDocument.Block("执法人员", String.join("、", m.officers()))));
		// 行政机关的名称、印章和日期
		String issuer = directory.actingName(c.bodyId(), c.bodyName());
		return new PdfDocument.Content(issuer, title(m), number, parts, issuer + "（印章）", date(m));
	}

	/** The things of a measure as the documents name them. */
	static String things(Measure m) {
		return m.kind() == Measure.Kind.SEAL ? "场所、设施或者财物" : "财物";
	}

	/** A sentence as typed, ending with its stop. */
	static String sentence(String s) {
		String t = s.strip();
		return t.endsWith("。") || t.endsWith("；") ? t : t + "。";
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
