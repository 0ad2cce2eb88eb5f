package zhifa.supervision.complaint;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import zhifa.shared.DataScope;
import zhifa.shared.Operator;
import zhifa.shared.Page;
import zhifa.shared.Todo;
import zhifa.shared.TodoSource;
import zhifa.supervision.complaint.persistence.ComplaintRows;

/**
 * Complaints on the home pages: the supervisor's untriaged ones (待分办) and the replies still owed in his scope; a
 * body's administrator the complaints assigned to his body with their reply deadlines; the platform administrator the
 * replies the 12345 system never took (推送失败).
 */
@Component
class ComplaintTodos implements TodoSource {

	private final ComplaintRows rows;
	private final HotlineOutbox outbox;

	ComplaintTodos(ComplaintRows rows, HotlineOutbox outbox) {
		this.rows = rows;
		this.outbox = outbox;
	}

	@Override
	public List<Todo> todos(Operator me, LocalDate today) {
		List<Todo> lists = new ArrayList<>();
		if (TodoSource.holds(me, "SUPERVISOR")) {
			Page<Complaint> received = rows.waiting(me.scope(), ComplaintStatus.RECEIVED, null, Todo.KEPT);
			lists.add(new Todo("SUPERVISOR", 40, "待分办的投诉举报", received.total(), "/supervision/complaints?status=RECEIVED",
					received.items().stream().map(c -> new Todo.Item(c.receiptNo(), c.channel().label() + " · " + c.title(), link(c), false)).toList()));
			Page<Complaint> owed = rows.waiting(me.scope(), ComplaintStatus.ASSIGNED, null, Todo.KEPT);
			lists.add(new Todo("SUPERVISOR", 41, "办理中的投诉举报", owed.total(), "/supervision/complaints?status=ASSIGNED",
					owed.items().stream().map(c -> item(c, today)).toList()));
			// answered by the body: the supervisor reviews the answer, calls the complainant back and closes it
			// those of his own body: a supervisory body above it does not close them
			Page<Complaint> answered = me.bodyId() == null ? new Page<>(List.of(), 0, 0, Todo.KEPT)
					: rows.waiting(DataScope.body(me.bodyId()), ComplaintStatus.REPLIED, null, Todo.KEPT);
			lists.add(new Todo("SUPERVISOR", 39, "已答复待办结的投诉举报", answered.total(), "/supervision/complaints?status=REPLIED",
					answered.items().stream().map(c -> new Todo.Item(c.receiptNo(), c.assignedBodyName() + " 已答复 · " + c.title()
							+ (c.channel() == ComplaintChannel.HOTLINE ? "；待12345回访评价（也可在此办结）" : "；请审核答复、回访后办结"),
							link(c), false)).toList()));
		}
		if ((TodoSource.holds(me, "UNIT_ADMIN") || TodoSource.holds(me, "LEADER")) && me.bodyId() != null) {
			Page<Complaint> mine = rows.waiting(DataScope.body(me.bodyId()), ComplaintStatus.ASSIGNED, me.bodyId(), Todo.KEPT);
			lists.add(new Todo(TodoSource.holds(me, "UNIT_ADMIN") ? "UNIT_ADMIN" : "LEADER", 40, "本单位待答复的投诉举报", mine.total(), "/supervision/complaints?status=ASSIGNED",
					mine.items().stream().map(c -> item(c, today)).toList()));
		}
		if (TodoSource.holds(me, "PLATFORM_ADMIN")) {
			lists.add(new Todo("PLATFORM_ADMIN", 40, "12345答复推送失败", outbox.deadLetterCount(), "/supervision/hotline/dead-letters",
					outbox.deadLetters().stream()
						.map(r -> new Todo.Item("工单 " + r.orderNo(), "已尝试 " + r.attempts() + " 次：" + r.lastError(), "/supervision/hotline/dead-letters", true))
						.toList()));
		}
		return lists;
	}

	private static Todo.Item item(Complaint c, LocalDate today) {
		return new Todo.Item(c.receiptNo(), c.assignedBodyName() + " · " + c.title() + "；" + c.replyDue() + " 前答复" + (c.lateOn(today) ? "（已逾期）" : ""),
				link(c), c.lateOn(today));
	}

	static String link(Complaint c) {
		return "/supervision/complaints/" + c.id();
	}
}
