package zhifa.supervision.campaign;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import zhifa.shared.DataScope;
import zhifa.supervision.CampaignDuties;
import zhifa.supervision.actionplan.ActionPlans;
import zhifa.supervision.actionplan.Measure;
import zhifa.supervision.campaign.Campaigns.Campaign;
import zhifa.supervision.campaign.Campaigns.Duty;
import zhifa.supervision.campaign.Campaigns.Problem;

/**
 * A campaign's days kept or missed: the duties past their day and not done (alerted nightly, {@link CampaignDuties}) and
 * the action plan's task 5 judged from who reported and when ({@link ActionPlans.CampaignProgress}).
 */
@Service
class CampaignDeadlines implements CampaignDuties, ActionPlans.CampaignProgress {

	private final Campaigns campaigns;
	private final Clock clock;

	CampaignDeadlines(Campaigns campaigns, Clock clock) {
		this.campaigns = campaigns;
		this.clock = clock;
	}

	@Override
	public Map<Long, List<Late>> late(LocalDate today) {
		Map<Long, List<Late>> out = new LinkedHashMap<>();
		for (Campaign c : campaigns.campaigns()) {
			campaigns.duties(c.id(), DataScope.all()).forEach(d -> {
				if (!d.listSubmitted() && today.isAfter(c.listDue())) {
					out.computeIfAbsent(d.bodyId(), k -> new ArrayList<>()).add(new Late(c.code() + "/LIST", "“" + c.title() + "”的突出问题清单和整改工作方案应于 " + c.listDue()
							+ " 前报送" + d.reportToName() + notYet(d, false)));
				}
				for (Problem p : d.problems()) {
					if (d.listSubmitted() && p.lateOn(today)) {
						out.computeIfAbsent(d.bodyId(), k -> new ArrayList<>()).add(new Late(c.code() + "/PROBLEM" + p.id(), "“" + c.title() + "”中列出的问题“"
								+ p.manifestation() + "”应于 " + p.deadline() + " 前整改完成，至今未报告整改"));
					}
				}
				if (!d.reported() && today.isAfter(c.reportDue())) {
					out.computeIfAbsent(d.bodyId(), k -> new ArrayList<>()).add(new Late(c.code() + "/REPORT", "“" + c.title() + "”的专项整治情况应于 " + c.reportDue()
							+ " 前报送" + d.reportToName() + notYet(d, true)));
				}
			});
		}
		return out;
	}

	/**
	 * The end of a late duty's text: never sent, or sent and returned — the list when the list is missing (a returned list
	 * takes the report with it), the report when the list stands.
	 */
	private String notYet(Duty d, boolean report) {
		boolean returned = d.returnedAt() != null && (report ? d.listSubmitted() : !d.listSubmitted());
		return !returned ? "，至今未报送"
				: "，报送后已于 " + LocalDate.ofInstant(d.returnedAt(), clock.getZone()) + " 被退回修改，至今未重新报送";
	}

	@Override
	public Optional<ActionPlans.Judged> judge(Measure measure, LocalDate due, DataScope scope) {
		Campaign c = campaigns.campaigns().stream().filter(x -> (measure == Measure.CAMPAIGN_LISTS ? x.listDue() : x.reportDue()).equals(due)).findFirst().orElse(null);
		if (c == null) {
			return Optional.empty();
		}
		List<Duty> all = campaigns.duties(c.id(), scope);
		boolean lists = measure == Measure.CAMPAIGN_LISTS;
		long done = all.stream().filter(d -> lists ? d.listSubmitted() : d.reported()).count();
		long onTime = all.stream().filter(d -> lists ? d.listSubmitted() && !d.listSubmittedOn().isAfter(due) : d.reported() && !d.reportedOn().isAfter(due)).count();
		return Optional.of(new ActionPlans.Judged((int) done, all.size(), done + "/" + all.size() + " 个单位已报送" + (lists ? "突出问题清单和整改方案" : "专项整治情况") + "（“"
				+ c.title() + "”），其中 " + onTime + " 个在 " + due + " 前报送"));
	}
}
