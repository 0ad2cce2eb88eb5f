package zhifa.coercion;

import java.time.LocalDate;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import zhifa.casework.CaseDocuments;
import zhifa.casework.CaseFile;
import zhifa.casework.CaseNumbers;
import zhifa.casework.PdfDocument;
import zhifa.organization.OrganizationDirectory;

/**
 * 延长查封期限决定书 / 延长扣押期限决定书: the extension of a 查封 or 扣押, approved by the head, told to the party in writing
 * with its reason (行政强制法第二十五条第二款) — by thirty days at most, to the sixtieth day after the measure was taken.
 * An extension recorded before its reason was kept with the measure has none made here.
 */
@Component
class SeizureExtensionDocument extends MeasureDocument {

	SeizureExtensionDocument(Measures measures, CaseNumbers numbers, OrganizationDirectory directory,
			ObjectProvider<CaseDocuments> documents) {
		super(measures, numbers, directory, documents);
	}

	@Override
	public String type() {
		return "SEIZURE_EXT";
	}

	@Override
	public String label() {
		return "延长查封、扣押期限决定书";
	}

	@Override
	public int order() {
		return 16;
	}

	@Override
	boolean applies(Measure m) {
		return m.extended() && m.extensionReason() != null && m.extendedOn() != null;
	}

	@Override
	String title(Measure m) {
		return "延长" + m.kind().label() + "期限决定书";
	}

	@Override
	LocalDate date(Measure m) {
		return m.extendedOn();
	}

	@Override
	protected String article() {
		return "行政强制法第二十五条第二款：延长查封、扣押的决定应当及时书面告知当事人，并说明理由";
	}

	@Override
	List<PdfDocument.Part> body(CaseFile c, Measure m, String you) {
		String what = m.kind().label();
		return List.of(
				new PdfDocument.Block(null, "本机关于" + date(m.appliedOn()) + "在办理" + c.matterName() + "一案中对" + you + "的下列" + things(m) + "予以" + what + "，"
						+ what + "期限至" + date(m.appliedOn().plusDays(30)) + "届满："),
				new PdfDocument.Block(what + "的" + things(m), m.items()),
				new PdfDocument.Block(null, "因" + reason(m.extensionReason()) + (m.extensionReason().contains("情况复杂") ? "" : "，情况复杂") + "，经本机关负责人批准，依据《中华人民共和国行政强制法》第二十五条第一款的规定，决定将"
						+ what + "期限延长三十日，至" + date(m.appliedOn().plusDays(60)) + "届满。"));
	}

	/** The reason as a clause: without the stop the sentence goes on after. */
	private static String reason(String s) {
		String t = s.strip();
		while (t.endsWith("。") || t.endsWith("；") || t.endsWith("，")) {
			t = t.substring(0, t.length() - 1);
		}
		return t;
	}
}
