package zhifa.casework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import zhifa.shared.BusinessRuleViolation;

/**
 * 先行登记保存证据通知书 with its 清单, one for each 先行登记保存 (行政处罚法第五十六条: 在证据可能灭失或者以后难以取得的情况下，
 * 经行政机关负责人批准，可以先行登记保存，并应当在七日内及时作出处理决定，在此期间，当事人或者有关人员不得销毁或者转移证据).
 * Only once the head has approved it — the statute asks for his approval before, and an officer's measure waiting for his
 * confirmation has none yet; one he refused was released. The case is not closed while an approved one recorded since the
 * platform makes the notice (V110) lacks it.
 */
@Component
class PreservationNotice extends InstanceDocument {

	private final CaseEvidence evidence;
	private final MeasureApprovals approvals;
	private final CaseTimers timers;
	private final CaseNumbers numbers;

	private final zhifa.organization.OrganizationDirectory directory;

	PreservationNotice(CaseEvidence evidence, MeasureApprovals approvals, CaseTimers timers, CaseNumbers numbers, ObjectProvider<CaseDocuments> documents,
			zhifa.organization.OrganizationDirectory directory) {
		super(documents);
		this.directory = directory;
		this.evidence = evidence;
		this.approvals = approvals;
		this.timers = timers;
		this.numbers = numbers;
	}

	@Override
	public String type() {
		return "PRESERVATION";
	}

	@Override
	public String label() {
		return "先行登记保存证据通知书";
	}

	@Override
	public int order() {
		return 14;
	}

	@Override
	protected String article() {
		return "行政处罚法第五十六条";
	}

	@Override
	public List<Instance> instances(CaseFile c) {
		Map<Long, MeasureApprovals.Approval> approved = approvals.ofCase(c.id());
		// approved in the platform, or recorded with the approving head's name before approvals were kept
		return evidence.preservations(c.id()).stream().filter(p -> approved.get(p.id()) == null || Boolean.TRUE.equals(approved.get(p.id()).approved()))
			.map(p -> new Instance(String.valueOf(p.id()), abbreviated(p.items()) + "，" + p.appliedOn())).toList();
	}

	/** Those recorded before the platform made the notice had theirs on paper. */
	@Override
	protected List<Instance> required(CaseFile c) {
		Set<String> due = new HashSet<>();
		evidence.preservations(c.id()).stream().filter(CaseEvidence.Preservation::noticeDue).forEach(p -> due.add(String.valueOf(p.id())));
		return instances(c).stream().filter(i -> due.contains(i.ref())).toList();
	}

	@Override
	public String number(CaseFile c, int year) {
		return numbers.next(c.bodyId(), "保存", year).text();
	}

	@Override
	public PdfDocument.Content content(CaseFile c, String ref, String number) {
		CaseEvidence.Preservation p = evidence.preservation(c.id(), Long.parseLong(ref))
			.orElseThrow(() -> new BusinessRuleViolation("本案没有这项先行登记保存：" + ref));
		String you = you(c);
		LocalDate due = timers.ofRef(c.id(), CaseEvidence.Timer.PRESERVATION, p.id()).due();
		List<PdfDocument.Part> parts = new ArrayList<>(party(c));
		parts.add(new PdfDocument.Block(null, "本机关在办理" + c.matterName() + "一案中，因证据可能灭失或者以后难以取得，经本机关负责人批准，依据《中华人民共和国行政处罚法》第五十六条的规定，"
				+ "决定对" + you + "的下列物品先行登记保存："));
		parts.add(new PdfDocument.Block("先行登记保存的物品", p.items() + "（详见所附清单）"));
		parts.add(new PdfDocument.Block(null, "在此期间，" + you + "或者有关人员不得销毁或者转移上述物品。本机关将在七个工作日内（至" + date(due) + "）作出处理决定。"));
		parts.addAll(p.officers().isEmpty() ? officers(c) : List.of(new PdfDocument.Block("执法人员", String.join("、", p.officers()))));
		parts.add(new PdfDocument.Table(List.of(new PdfDocument.Row("先行登记保存清单", p.items(), "当事人（签名）：　　　　执法人员（签名）：", 3))));
		parts.add(new PdfDocument.Block(null, "本清单一式二份，由当事人和本机关分别保存。"));
		String issuer = directory.actingName(c.bodyId(), c.bodyName());
		return new PdfDocument.Content(issuer, label(), number, parts, issuer + "（印章）", p.appliedOn());
	}
}
