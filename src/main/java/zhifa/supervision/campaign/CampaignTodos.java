package zhifa.supervision.campaign;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import zhifa.shared.Operator;
import zhifa.shared.Todo;
import zhifa.shared.TodoSource;

/**
 * The body's home page (单位管理员): its campaign duties still to do, late ones marked. The supervisor's: the lists and
 * reports sent to his unit in the last {@value #RECENT_DAYS} days, to read and, if wrong, return.
 */
@Component
class CampaignTodos implements TodoSource {

	private final Campaigns campaigns;
	private final java.time.Clock clock;

	CampaignTodos(Campaigns campaigns, java.time.Clock clock) {
		this.campaigns = campaigns;
		this.clock = clock;
	}

	static final int RECENT_DAYS = 14;

	@Override
	public List<Todo> todos(Operator me, LocalDate today) {
		if (me.bodyId() == null) {
			return List.of();
		}
		List<Todo> lists = new java.util.ArrayList<>();
		if (TodoSource.holds(me, "SUPERVISOR")) {
			var sent = campaigns.submittedTo(me.bodyId(), today.minusDays(RECENT_DAYS).atStartOfDay(clock.getZone()).toInstant(), today);
			if (!sent.isEmpty()) {
				lists.add(new Todo("SUPERVISOR", 47, "专项整治：近" + RECENT_DAYS + "日报送的材料", sent.size(), "/campaigns", sent.stream().map(d -> {
					var c = campaigns.campaign(d.campaignId());
					String what = d.reported() ? "专项整治情况" : "问题清单和整改方案（" + d.problems().size() + "个问题）";
					java.time.Instant at = d.reported() ? d.finalSubmittedAt() : d.listSubmittedAt();
					return new Todo.Item(d.bodyName(), c.title() + "：" + LocalDate.ofInstant(at, clock.getZone()) + " 报送" + what
							+ (d.reportToBodyId() == me.bodyId() ? "" : "（抄送）"), "/campaigns/duties/" + d.id(), false);
				}).toList()));
			}
		}
		if (TodoSource.holds(me, "UNIT_ADMIN")) {
			lists.addAll(ownDuties(me, today));
		}
		return lists;
	}

	private List<Todo> ownDuties(Operator me, LocalDate today) {
		var open = campaigns.openDutiesOf(me.bodyId());
		if (open.isEmpty()) {
			return List.of();
		}
		return List.of(new Todo("UNIT_ADMIN", 48, "专项整治：待报送", open.size(), "/campaigns", open.stream().map(d -> {
			var c = campaigns.campaign(d.campaignId());
			boolean list = !d.listSubmitted();
			LocalDate due = list ? c.listDue() : c.reportDue();
			return new Todo.Item(c.title(), (list ? "问题清单和整改方案" : "专项整治情况") + "应于 " + due + " 前报送" + (today.isAfter(due) ? "（已逾期）" : ""), "/campaigns/duties/" + d.id(),
					today.isAfter(due));
		}).toList()));
	}
}
