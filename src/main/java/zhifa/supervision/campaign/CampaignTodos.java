package zhifa.supervision.campaign;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import zhifa.shared.Operator;
import zhifa.shared.Todo;
import zhifa.shared.TodoSource;

/** The body's home page (单位管理员): its campaign duties still to do, late ones marked. */
@Component
class CampaignTodos implements TodoSource {

	private final Campaigns campaigns;

	CampaignTodos(Campaigns campaigns) {
		this.campaigns = campaigns;
	}

	@Override
	public List<Todo> todos(Operator me, LocalDate today) {
		if (me.bodyId() == null || !TodoSource.holds(me, "UNIT_ADMIN")) {
			return List.of();
		}
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
