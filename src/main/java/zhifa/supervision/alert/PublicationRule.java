package zhifa.supervision.alert;

import java.util.ArrayList;
import java.util.List;

import zhifa.supervision.ActReport;

/**
 * 公示超期: a penalty decision not published on the portal within 7 working days of the decision (国办发〔2018〕118号
 * 行政执法公示制度), or — once changed, revoked or confirmed illegal — not withdrawn within 3 working days
 * (行政处罚法第四十八条第二款). Evaluated again every night.
 */
final class PublicationRule implements AlertRule {

	public String code() {
		return "LATE_PUBLICATION";
	}

	public String title() {
		return "行政执法决定未按时公开或撤回";
	}

	public String article() {
		return "行政处罚法第四十八条（行政处罚决定依法公开；被变更、撤销、确认违法或者确认无效的，三日内撤回）；国办发〔2018〕118号（行政执法公示：七个工作日内公开）";
	}

	public Severity severity() {
		return Severity.MEDIUM;
	}

	public boolean timeBased() {
		return true;
	}

	public List<Finding> evaluate(ActReport a, RuleContext c) {
		ActReport.Publication p = a.details().publication();
		if (p == null) {
			return List.of();
		}
		List<Finding> found = new ArrayList<>();
		for (ActReport.Other o : p.others()) {
			if (o.publishBy() != null && (o.publishedOn() == null ? c.today().isAfter(o.publishBy()) : o.publishedOn().isAfter(o.publishBy()))) {
				found.add(new Finding("OTHER/" + o.id(), o.label() + "（" + o.decidedOn() + " 作出）应于 " + o.publishBy()
						+ " 前（20个工作日内）公开，" + (o.publishedOn() == null ? "至今（" + c.today() + "）未公开" : "实际于 " + o.publishedOn() + " 公开")
						+ "；依据国办发〔2018〕118号（行政执法公示：其他行政执法决定二十个工作日内公开）。"));
			}
		}
		if (p.exempt()) {
			return found;
		}
		if (p.publishBy() != null && (p.publishedOn() == null ? c.today().isAfter(p.publishBy()) : p.publishedOn().isAfter(p.publishBy()))) {
			found.add(new Finding("PUBLISH", "处罚决定应于 " + p.publishBy() + " 前（作出决定后7个工作日内）公开，" + (p.publishedOn() == null ? "至今（" + c.today() + "）未公开"
					: "实际于 " + p.publishedOn() + " 公开") + "；依据" + article() + "。"));
		}
		if (p.withdrawBy() != null && (p.withdrawnOn() == null ? c.today().isAfter(p.withdrawBy()) : p.withdrawnOn().isAfter(p.withdrawBy()))) {
			found.add(new Finding("WITHDRAW", "处罚决定被变更、撤销或确认违法后，已公开的决定应于 " + p.withdrawBy() + " 前撤回，" + (p.withdrawnOn() == null ? "至今（" + c.today()
					+ "）未撤回" : "实际于 " + p.withdrawnOn() + " 撤回") + "；依据" + article() + "。"));
		}
		return found;
	}
}
