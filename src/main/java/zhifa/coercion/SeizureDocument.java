package zhifa.coercion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import zhifa.casework.CaseDocuments;
import zhifa.casework.CaseFile;
import zhifa.casework.CaseNumbers;
import zhifa.casework.PdfDocument;
import zhifa.organization.OrganizationDirectory;

/**
 * 查封决定书 / 扣押决定书 with its 清单, one for each 查封 or 扣押 (行政强制法第二十四条: 制作并当场交付查封、扣押决定书和清单),
 * stating (一) the party's name and address, (二) the reason, the legal basis and the period, (三) the place and the things
 * with their quantities, (四) the remedies and their time limits, (五) the body, its seal and the date. What it says does
 * not change after it is handed over: not the head's later confirmation, not an extension (a notice of its own,
 * {@link SeizureExtensionDocument}), so a later version only corrects what was recorded.
 */
@Component
class SeizureDocument extends MeasureDocument {

	SeizureDocument(Measures measures, CaseNumbers numbers, OrganizationDirectory directory, ObjectProvider<CaseDocuments> documents) {
		super(measures, numbers, directory, documents);
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
	boolean applies(Measure m) {
		// one recorded before its reason and basis were kept had its decision on paper
		return m.reason() != null && m.basis() != null;
	}

	@Override
	String title(Measure m) {
		return m.kind().label() + "决定书";
	}

	@Override
	LocalDate date(Measure m) {
		return m.appliedOn();
	}

	@Override
	protected String article() {
		return "行政强制法第二十四条：制作并当场交付查封、扣押决定书和清单";
	}

	@Override
	List<PdfDocument.Part> body(CaseFile c, Measure m, String you) {
		String what = m.kind().label();
		String things = things(m);
		List<PdfDocument.Part> parts = new ArrayList<>();
		// (二) 理由、依据 — the head's approval (which an urgent measure gets afterwards, 第十九条) is not claimed here
		parts.add(new PdfDocument.Block(null, "本机关在办理" + c.matterName() + "一案中，" + sentence(m.reason()) + "依据" + basis(m.basis()) + "的规定，决定对"
				+ you + "的下列" + things + "予以" + what + "。"));
		// (三) 场所、设施或者财物的名称、数量
		parts.add(new PdfDocument.Block(what + "的" + things, m.items() + "（详见所附清单）"));
		if (m.place() != null) {
			parts.add(new PdfDocument.Block(m.kind() == Measure.Kind.SEAL ? "查封场所" : "财物所在地", m.place()));
		}
		// (二) 期限 (第二十五条): thirty days from the day after it is taken (期间开始之日不计算在内), to the thirtieth day
		// itself — the statute's limit on the body, not moved past a holiday; its reminder ends that day too (CoercionTimer)
		parts.add(new PdfDocument.Block(what + "期限", "三十日，自" + date(m.appliedOn()) + "实施之次日起算，至" + date(m.appliedOn().plusDays(30))
				+ "届满。情况复杂的，经本机关负责人批准可以延长，但延长期限不得超过三十日，延长的决定将书面告知" + you + "；检测、检验、检疫或者技术鉴定的期间不计入。"));
		// 清单一式二份，由当事人和行政机关分别保存
		parts.add(new PdfDocument.Table(List.of(new PdfDocument.Row(what + "清单", m.items() + (m.place() == null ? "" : "\n所在地：" + m.place()),
				"当事人（签名）：　　　　执法人员（签名）：", 3))));
		parts.add(new PdfDocument.Block(null, "本清单一式二份，由当事人和本机关分别保存。"));
		return parts;
	}

	/** The basis as typed, without a 依据 or 根据 the sentence already says. */
	private static String basis(String s) {
		String t = s.strip();
		return t.startsWith("依据") || t.startsWith("根据") ? t.substring(2).strip() : t;
	}
}
