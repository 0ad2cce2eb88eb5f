package zhifa.supervision.campaign;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.record.FullProcessRecord;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.Operator;
import zhifa.shared.StaleWrite;

/**
 * The supervising unit acts on what a unit sent: its list of problems and plan, or its report, goes back with the
 * reason (incomplete, not the problems found, …); the unit sees why, corrects it (a problem listed wrongly is taken
 * off) and sends it again — until then it counts as not sent, and the duty's alert returns once its time limit has passed.
 */
@Service
public class CampaignReturns {

	/** What is returned: the list (with it the report, which rests on it) or the report alone. */
	public enum What {
		LIST("问题清单和整改方案"), REPORT("专项整治情况");

		private final String label;

		What(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	private final Campaigns campaigns;
	private final NamedParameterJdbcTemplate jdbc;
	private final FullProcessRecord record;
	private final Clock clock;

	CampaignReturns(Campaigns campaigns, NamedParameterJdbcTemplate jdbc, FullProcessRecord record, Clock clock) {
		this.campaigns = campaigns;
		this.jdbc = jdbc;
		this.record = record;
		this.clock = clock;
	}

	/** Whether the operator is a supervisor of the unit the duty reports to (or of the campaign's lead unit). */
	public boolean mayReturn(Operator op, Campaigns.Duty d) {
		return op.bodyId() != null && op.holdsAnyRole(List.of("SUPERVISOR"))
				&& (op.bodyId() == d.reportToBodyId() || op.bodyId() == campaigns.campaign(d.campaignId()).leadBodyId());
	}

	@Transactional
	public Campaigns.Duty returnSubmission(Operator op, long dutyId, int version, String what, String reason) {
		Campaigns.Duty d = campaigns.duty(dutyId);
		if (!mayReturn(op, d)) {
			throw new AccessDeniedException("由接收报送的执法监督机构退回");
		}
		What w = what == null ? null : java.util.Arrays.stream(What.values()).filter(x -> x.name().equals(what)).findFirst().orElse(null);
		if (w == null) {
			throw BusinessRuleViolation.onField("what", "请选择退回问题清单和整改方案或专项整治情况");
		}
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty() || why.length() > 1000 || zhifa.shared.web.RequestLimits.hasControlCharacters(why.replace("\n", "").replace("\r", ""))) {
			throw BusinessRuleViolation.onField("reason", why.isEmpty() ? "请填写退回理由" : why.length() > 1000 ? "退回理由不超过1000字" : "退回理由含有不允许的控制字符");
		}
		if (w == What.LIST && !d.listSubmitted() || w == What.REPORT && !d.reported()) {
			throw new BusinessRuleViolation(w.label() + "尚未报送，无需退回");
		}
		// the list goes back with the report that rests on it
		String clear = w == What.LIST ? "list_submitted_at = null, list_submitted_by = null, final_submitted_at = null, final_submitted_by = null"
				: "final_submitted_at = null, final_submitted_by = null";
		if (jdbc.update("update sv_campaign_duty set " + clear + ", returned_reason = :r, returned_at = :at, version = version + 1 where id = :id and version = :v",
				new MapSqlParameterSource().addValue("r", why).addValue("at", Timestamp.from(clock.instant())).addValue("id", dutyId).addValue("v", version)) != 1) {
			throw new StaleWrite("该专项整治任务");
		}
		record.append(op, Campaigns.DUTY_SUBJECT, dutyId, d.bodyId(), "campaign.returned", "退回" + d.bodyName() + "报送的" + w.label() + "："
				+ why.replaceAll("[。；;，,.\\s]+$", "") + "。请修改后重新报送", Map.of("returned", w.label(), "reason", why));
		return campaigns.duty(dutyId);
	}

	/** A problem taken off the list before it is (again) submitted — a list returned as wrong is corrected so. */
	@Transactional
	public Campaigns.Duty removeProblem(Operator op, long dutyId, long problemId, int version) {
		Campaigns.Duty d = campaigns.ownDuty(op, dutyId);
		Campaigns.Problem p = d.problems().stream().filter(x -> x.id() == problemId).findFirst().orElseThrow(() -> new zhifa.shared.NotFound("问题"));
		if (d.listSubmitted()) {
			throw new BusinessRuleViolation("问题清单已报送，不能删除问题（被退回后可以修改）");
		}
		campaigns.touch(dutyId, version);
		jdbc.update("delete from sv_campaign_problem where id = :id and duty_id = :d", Map.of("id", problemId, "d", dutyId));
		record.append(op, Campaigns.DUTY_SUBJECT, dutyId, d.bodyId(), "campaign.problem_removed", d.bodyName() + "从清单中删除问题（" + p.category() + "）："
				+ p.manifestation(), Map.of("category", p.category()));
		return campaigns.duty(dutyId);
	}
}
