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
import zhifa.shared.DataScope;

/**
 * 先行登记保存证据通知书 with its 清单, one for each 先行登记保存 (行政处罚法第五十六条: 在证据可能灭失或者以后难以取得的情况下，
 * 经行政机关负责人批准，可以先行登记保存，并应当在七日内及时作出处理决定，在此期间，当事人或者有关人员不得销毁或者转移证据).
 * Only once the head has approved it — the statute asks for his approval before, and an officer's measure waiting for his
 * confirmation has none yet; one he refused was released. The case is not closed while an approved one recorded since the
 * platform makes the notice (V110) lacks it.
 */
@Component
class PreservationNotice implements DocumentTemplate, ClosureCheck {

	private final CaseEvidence evidence;
	private final MeasureApprovals approvals;
	private final CaseTimers timers;
	private final CaseNumbers numbers;
	private final ObjectProvider<CaseDocuments> documents;

	PreservationNotice(CaseEvidence evidence, MeasureApprovals approvals, CaseTimers timers, CaseNumbers numbers, ObjectProvider<CaseDocuments> documents) {
		this.evidence = evidence;
		this.approvals = approvals;
		this.timers = timers;
		this.numbers = numbers;
		this.documents = documents;
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
	public boolean perInstance() {
		return true;
	}

	@Override
	public boolean available(CaseFile c) {
		return false;
	}

	@Override
	public List<Instance> instances(CaseFile c) {
		Map<Long, MeasureApprovals.Approval> approved = approvals.ofCase(c.id());
		// approved in the platform, or recorded with the approving head's name before approvals were kept
		return evidence.preservations(c.id()).stream().filter(p -> approved.get(p.id()) == null || Boolean.TRUE.equals(approved.get(p.id()).approved()))
			.map(p -> new Instance(String.valueOf(p.id()), abbreviated(p.items()) + "，" + p.appliedOn())).toList();
	}

	@Override
	public List<String> blockers(CaseFile c) {
		// those recorded before the platform made the notice had theirs on paper
		Set<String> required = new HashSet<>();
		evidence.preservations(c.id()).stream().filter(CaseEvidence.Preservation::noticeDue).forEach(p -> required.add(String.valueOf(p.id())));
		List<Instance> due = instances(c).stream().filter(i -> required.contains(i.ref())).toList();
		if (due.isEmpty()) {
			return List.of();
		}
		Set<String> made = new HashSet<>();
		documents.getObject().documents(DataScope.all(), c.id()).forEach(d -> made.add(d.type()));
		return due.stream().filter(i -> !made.contains(type() + "-" + i.ref()))
			.map(i -> "先行登记保存：" + i.label() + "：尚未生成先行登记保存证据通知书（行政处罚法第五十六条）").toList();
	}

	@Override
	public String number(CaseFile c, int year) {
		return numbers.next(c.bodyId(), "保存", year).text();
	}

	@Override
	public PdfDocument.Content content(CaseFile c, String number) {
		throw new IllegalStateException("a 先行登记保存证据通知书 is made for one preservation");
	}

	@Override
	public PdfDocument.Content content(CaseFile c, String ref, String number) {
		CaseEvidence.Preservation p = evidence.preservation(c.id(), Long.parseLong(ref))
			.orElseThrow(() -> new BusinessRuleViolation("本案没有这项先行登记保存：" + ref));
		boolean organisation = c.partyKind() == PartyType.ORGANIZATION;
		String you = organisation ? "你单位" : "你";
		LocalDate due = timers.ofRef(c.id(), CaseEvidence.Timer.PRESERVATION, p.id()).due();
		List<PdfDocument.Part> parts = new ArrayList<>();
		parts.add(new PdfDocument.Block("当事人", c.partyName() + (c.partyMasked() == null ? ""
				: "（" + (organisation ? "统一社会信用代码 " : "身份证号 ") + c.partyMasked() + "）")));
		if (c.partyAddress() != null) {
			parts.add(new PdfDocument.Block("地址", c.partyAddress()));
		}
		parts.add(new PdfDocument.Block(null, "本机关在办理" + c.matterName() + "一案中，因证据可能灭失或者以后难以取得，经本机关负责人批准，依据《中华人民共和国行政处罚法》第五十六条的规定，"
				+ "决定对" + you + "的下列物品先行登记保存："));
		parts.add(new PdfDocument.Block("先行登记保存的物品", p.items() + "（详见所附清单）"));
		parts.add(new PdfDocument.Block(null, "在此期间，" + you + "或者有关人员不得销毁或者转移上述物品。本机关将在七个工作日内（至" + date(due) + "）作出处理决定。"));
		if (!c.officers().isEmpty()) {
			parts.add(new PdfDocument.Block("执法人员", String.join("、", c.officers().stream().map(CaseFile.Officer::name).toList())));
		}
		parts.add(new PdfDocument.Table(List.of(new PdfDocument.Row("先行登记保存清单", p.items(), "当事人（签名）：　　　　执法人员（签名）：", 3))));
		parts.add(new PdfDocument.Block(null, "本清单一式二份，由当事人和本机关分别保存。"));
		return new PdfDocument.Content(c.bodyName(), label(), number, parts, c.bodyName() + "（印章）", p.appliedOn());
	}

	private static String date(LocalDate d) {
		return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
	}

	private static String abbreviated(String items) {
		String one = items.strip().replaceAll("\\s+", " ");
		return one.length() > 20 ? one.substring(0, 20) + "…" : one;
	}
}
