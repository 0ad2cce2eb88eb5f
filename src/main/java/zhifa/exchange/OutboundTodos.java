package zhifa.exchange;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import zhifa.shared.Operator;
import zhifa.shared.Todo;
import zhifa.shared.TodoSource;

/** The platform administrator's home page: elements the receiving system refused or never took. */
@Component
class OutboundTodos implements TodoSource {

	private final Outbox outbox;

	OutboundTodos(Outbox outbox) {
		this.outbox = outbox;
	}

	@Override
	public List<Todo> todos(Operator me, LocalDate today) {
		if (!TodoSource.holds(me, "PLATFORM_ADMIN")) {
			return List.of();
		}
		return List.of(new Todo("PLATFORM_ADMIN", 41, "向上级系统推送失败", outbox.deadCount(), "/exchange/outbound?dead=true",
				outbox.dead(Todo.KEPT).stream()
					.map(o -> new Todo.Item(o.elementClass().label() + " " + o.elementKey(), o.state().label() + "：" + o.lastError(),
							"/exchange/outbound?dead=true", true))
					.toList()));
	}
}
