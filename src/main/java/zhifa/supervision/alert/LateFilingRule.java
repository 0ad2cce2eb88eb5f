package zhifa.supervision.alert;

import java.time.LocalDate;
import java.util.List;

import zhifa.shared.Deadline;
import zhifa.shared.DeadlineUnit;
import zhifa.supervision.ActReport;

/**
 * 立案超期: the filing decision came after the triage period — counted in working days from the day the clue was
 * received (行政处罚法第五十四条; the period from the domain's procedure profile, 市场监管 15 working days, configured as
 * {@link AlertSettings#triageWorkingDays()}).
 */
final class LateFilingRule implements AlertRule {

	public String code() {
		return "LATE_FILING";
	}

	public String title() {
		return "立案超过立案审查期限";
	}

	public String article() {
		// the period is each domain's procedure rule's (a document citing the basis names the rule, not "程序规定")
		return Rules.LAW + "第五十四条；各领域行政处罚程序规定的立案审查期限（如市场监督管理行政处罚程序规定第十八条）";
	}

	public Severity severity() {
		return Severity.MEDIUM;
	}

	public boolean timeBased() {
		return false;
	}

	public List<Finding> evaluate(ActReport a, RuleContext c) {
		if (a.filedOn() == null || a.receivedOn() == null) {
			return List.of();
		}
		int days = c.settings().triageWorkingDays();
		Deadline.Due due = c.due(a.receivedOn(), days, DeadlineUnit.WORKING_DAYS, article());
		// the source's own due day (an approved extension of the triage period) is the one that counts
		LocalDate own = a.details().dues() == null ? null : a.details().dues().filing();
		if (!a.filedOn().isAfter(own != null ? own : due.date())) {
			return List.of();
		}
		if (own != null) {
			due = new Deadline.Due(own, own.atStartOfDay(), false);
		}
		return List.of(Finding.once("案源于 " + a.receivedOn() + " 接收，立案审查期限 " + days + " 个工作日，应于 " + RuleContext.show(due) + " 前作出是否立案的决定，实际于 "
				+ a.filedOn() + " 立案；依据" + article() + "。"));
	}
}
