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
 * 解除查封决定书 / 解除扣押决定书: a 查封 or 扣押 released on a ground of 行政强制法第二十八条第一款, or at once because the
 * head refused to approve it (第十九条), from the day it was released; what was detained is to be returned at once
 * (第二十八条第二款). A measure dealt with otherwise (没收、销毁、移送) has none.
 */
@Component
class SeizureReleaseDocument extends MeasureDocument {

	SeizureReleaseDocument(Measures measures, CaseNumbers numbers, OrganizationDirectory directory,
			ObjectProvider<CaseDocuments> documents) {
		super(measures, numbers, directory, documents);
	}

	@Override
	public String type() {
		return "SEIZURE_REL";
	}

	@Override
	public String label() {
		return "解除查封、扣押决定书";
	}

	@Override
	public int order() {
		return 17;
	}

	@Override
	boolean applies(Measure m) {
		return m.closedOn() != null && m.releaseGround() != null;
	}

	@Override
	String title(Measure m) {
		return "解除" + m.kind().label() + "决定书";
	}

	@Override
	LocalDate date(Measure m) {
		return m.closedOn();
	}

	@Override
	protected String article() {
		return "行政强制法第十九条、第二十八条：应当立即或者及时作出解除查封、扣押决定";
	}

	@Override
	List<PdfDocument.Part> body(CaseFile c, Measure m, String you) {
		String what = m.kind().label();
		Measure.ReleaseGround g = m.releaseGround();
		String returned = m.kind() == Measure.Kind.DETAIN ? "扣押的财物立即退还" + you + "，请" + you + "持本决定书领回。"
				: "查封的" + things(m) + "同时启封。";
		return List.of(
				new PdfDocument.Block(null, "本机关于" + date(m.appliedOn()) + "在办理" + c.matterName() + "一案中对" + you + "的下列" + things(m) + "予以" + what + "："),
				new PdfDocument.Block(what + "的" + things(m), m.items()),
				new PdfDocument.Block(null, "因" + (g == Measure.ReleaseGround.NOT_APPROVED ? "本机关负责人认为不应当采取" + what + "措施" : g.label()) + "，依据《中华人民共和国行政强制法》" + g.article() + "的规定，本机关决定自" + date(m.closedOn()) + "起解除"
						+ what + "。" + returned),
				new PdfDocument.Block("处理情况", m.outcome()));
	}
}
