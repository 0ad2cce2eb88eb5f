package zhifa.supervision.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import zhifa.shared.Operator;
import zhifa.shared.Page;
import zhifa.shared.Todo;
import zhifa.shared.TodoSource;
import zhifa.supervision.alert.Alert;
import zhifa.supervision.alert.Alerts;

/**
 * What supervision puts on the home pages: for the 单位管理员, the supervision documents addressed to his body with their
 * reply deadlines and his body's open alerts; for the 执法监督人员, the replies waiting for his acceptance and the new
 * alerts in his scope.
 */
@Component
class SupervisionTodos implements TodoSource {

	private final SupervisionDocuments documents;
	private final Alerts alerts;

	SupervisionTodos(SupervisionDocuments documents, Alerts alerts) {
		this.documents = documents;
		this.alerts = alerts;
	}

	@Override
	public List<Todo> todos(Operator me, LocalDate today) {
		List<Todo> lists = new ArrayList<>();
		if ((TodoSource.holds(me, "UNIT_ADMIN") || TodoSource.holds(me, "LEADER")) && me.bodyId() != null) {
			var open = documents.awaitingReply(me.bodyId(), Todo.KEPT);
			// the head answers as the administrator may: under whichever of the two roles he holds
			lists.add(new Todo(TodoSource.holds(me, "UNIT_ADMIN") ? "UNIT_ADMIN" : "LEADER", 50, "待答复的监督文书", documents.countAwaitingReply(me.bodyId()), "/supervision/alerts",
					open.stream().map(d -> new Todo.Item(d.type().label() + " " + d.number(),
							(d.state() == DocumentState.RETURNED ? "答复被退回，" : "") + "请于 " + d.replyDue() + " 前答复" + (d.overdue(today) ? "（已逾期）" : ""),
							"/supervision/documents/" + d.id(), d.overdue(today))).toList()));
			Page<Alert> mine = alerts.page(me.scope(), null, null, me.bodyId(), true, 0, Todo.KEPT);
			lists.add(new Todo(TodoSource.holds(me, "UNIT_ADMIN") ? "UNIT_ADMIN" : "LEADER", 55, "本单位的监督预警", mine.total(), "/supervision/alerts",
					mine.items().stream().map(a -> new Todo.Item(a.title(), (a.subjectText().isEmpty() ? "" : a.subjectText() + " · ") + a.state().label() + " · 答复期限 " + a.answerDue(),
							"/supervision/alerts/" + a.id(), a.overdue(today))).toList()));
		}
		if (TodoSource.holds(me, "SUPERVISOR")) {
			long own = me.bodyId() == null ? -1 : me.bodyId();
			var replies = documents.awaitingAcceptance(me.scope(), own, Todo.KEPT);
			lists.add(new Todo("SUPERVISOR", 10, "待审核的整改答复", documents.countAwaitingAcceptance(me.scope(), own), "/supervision/alerts",
					replies.stream().map(d -> new Todo.Item(d.type().label() + " " + d.number(), d.bodyName() + " 已答复，请审核采纳或退回",
							"/supervision/documents/" + d.id(), false)).toList()));
			var below = documents.overdueBelow(me.scope(), own, today, Todo.KEPT);
			lists.add(new Todo("SUPERVISOR", 15, "下级监督机构的文书逾期未获答复（逐级督办）", documents.countOverdueBelow(me.scope(), own, today), "/supervision/alerts?rule=REPLY_OVERDUE&state=OPEN",
					below.stream().map(d -> new Todo.Item(d.type().label() + " " + d.number(), d.issuerName() + " 发往 " + d.bodyName() + "，应于 " + d.replyDue()
							+ " 前答复，已逾期", "/supervision/documents/" + d.id(), true)).toList()));
			Page<Alert> fresh = alerts.fresh(me.scope(), Todo.KEPT);
			lists.add(new Todo("SUPERVISOR", 20, "新预警", fresh.total(), "/supervision/alerts?state=NEW",
					fresh.items().stream().map(a -> new Todo.Item(a.title(), a.bodyName() + (a.subjectText().isEmpty() ? "" : " · " + a.subjectText()) + " · " + a.severity().label(),
							"/supervision/alerts/" + a.id(), a.severity() == zhifa.supervision.alert.Severity.HIGH)).toList()));
		}
		return lists;
	}
}
