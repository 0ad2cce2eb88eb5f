package zhifa.inspection.visits;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import zhifa.casework.CaseFile;
import zhifa.casework.DocumentTemplate;
import zhifa.casework.PdfDocument;

/**
 * 检查记录 (现场检查笔录 of an inspection): who inspected with their certificates, the enterprise, the items with their
 * basis, each body's result per item, the enterprise's confirmation by scan, and lines for the inspectors' and the
 * enterprise's signatures. Generated once the inspection is complete; a later version keeps its number.
 */
@Component
class InspectionRecordDocument implements DocumentTemplate {

	static final String TYPE = "INSPECTION_RECORD";

	private final ObjectProvider<Visits> visits;

	InspectionRecordDocument(ObjectProvider<Visits> visits) {
		this.visits = visits;
	}

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public String label() {
		return "检查记录";
	}

	@Override
	public int order() {
		return 900;
	}

	@Override
	public boolean available(CaseFile c) {
		return InspectionKind.CODE.equals(c.kind()) && !VisitStage.PLANNED.name().equals(c.stage());
	}

	@Override
	public String number(CaseFile c, int year) {
		return "检记〔" + year + "〕" + c.id() + "号";
	}

	/** Text typed in several lines, as one line of the form (the layout breaks lines itself). */
	private static String flat(String text) {
		return text == null ? "" : text.replaceAll("[\\r\\n\\t]+", " ").strip();
	}

	@Override
	public PdfDocument.Content content(CaseFile c, String number) {
		Visits v = visits.getObject();
		Visits.Visit visit = v.load(v.idOfCase(c.id())).orElseThrow();
		List<PdfDocument.Row> rows = new ArrayList<>();
		rows.add(new PdfDocument.Row("被检查对象", visit.objectName() + "（统一社会信用代码 " + visit.uscc() + "）", null, 1));
		rows.add(new PdfDocument.Row("地址", visit.regionName() + " " + visit.address(), null, 1));
		rows.add(new PdfDocument.Row("检查日期", String.valueOf(visit.checkedOn()), null, 1));
		rows.add(new PdfDocument.Row("检查方式", visit.taskId() != null ? "双随机抽查（抽查任务 " + visit.taskCode() + "）" + (visit.joint() ? "，部门联合检查" : "")
				: visit.origin().label() + "：" + flat(visit.originReason()), null, 1));
		String team = String.join("；", visit.team().stream().map(m -> m.bodyName() + " " + m.name() + card(m.certificateNumber())).toList());
		rows.add(new PdfDocument.Row("检查人员", team, null, 2));
		for (Visits.Check k : visit.checks()) {
			String result = k.result() == null ? "未记录" : k.result().label() + "。" + k.note() + (k.rectifyBy() != null ? "。整改期限：" + k.rectifyBy() : "")
					+ (k.clueCaseId() != null ? "。已登记行政处罚案源（第" + k.clueCaseId() + "号）" : "");
			rows.add(new PdfDocument.Row(k.bodyName() + "：" + k.itemName(), "依据：" + flat(k.basis()) + "。检查情况：" + flat(result), null, 3));
		}
		rows.add(new PdfDocument.Row("扫码确认", visit.confirmedAt() == null ? "被检查对象未扫码确认" : "被检查对象已扫码确认接受检查", null, 1));
		rows.add(new PdfDocument.Row("签名", "", "检查人员（签名）：　　　　　　被检查对象负责人（签名）：", 3));
		return new PdfDocument.Content(visit.bodyName(), "检查记录", number, List.of(new PdfDocument.Table(rows)), null, visit.checkedOn());
	}

	/** "（执法证号 …）", a police officer's "（人民警察证 …）", nothing without a card. */
	private static String card(String number) {
		return number == null ? "" : number.startsWith(zhifa.officer.AuthorityPolicy.POLICE_CARD) ? "（" + number + "）" : "（执法证号 " + number + "）";
	}
}
