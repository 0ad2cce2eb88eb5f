package zhifa.record;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import zhifa.shared.AccessRefused;
import zhifa.shared.Operator;

/** Writes every {@link AccessRefused} to the refusing user's own chain, whatever happens to the request's transaction. */
@Component
class RefusalRecorder {

	private final FullProcessRecord record;

	RefusalRecorder(FullProcessRecord record) {
		this.record = record;
	}

	@EventListener
	void on(AccessRefused refused) {
		if (refused.operator().operatorKind() == Operator.Kind.SYSTEM) {
			return;
		}
		record.appendRefusal(refused.operator(), refused.what(), refused.reason(), Map.of());
	}
}
