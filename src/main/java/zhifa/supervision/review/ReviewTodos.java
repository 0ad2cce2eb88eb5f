package zhifa.supervision.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import zhifa.shared.Operator;
import zhifa.shared.Todo;
import zhifa.shared.TodoSource;

/**
 * The home pages: a reviewer's files to assess (under the first role he holds — any account can be named reviewer), the
 * audited body's files to upload and results received (单位管理员), the lead unit's files awaiting its ruling (执法监督人员).
 */
@Component
class ReviewTodos implements TodoSource {

	private static final List<String> ROLES = List.of("SUPERVISOR", "UNIT_ADMIN", "LEADER", "LEGAL_REVIEWER", "OFFICER");

	private final ReviewFiles reviewFiles;

	ReviewTodos(ReviewFiles reviewFiles) {
		this.reviewFiles = reviewFiles;
	}

	@Override
	public List<Todo> todos(Operator me, LocalDate today) {
		List<Todo> out = new ArrayList<>();
		if (me.operatorKind() != Operator.Kind.USER) {
			return out;
		}
		var open = reviewFiles.assignedTo(me.operatorId(), true);
		String role = ROLES.stream().filter(r -> TodoSource.holds(me, r)).findFirst().orElse(null);
		if (role != null && !open.isEmpty()) {
			out.add(new Todo(role, 45, "待我评查的案卷", open.size(), "/reviews",
					open.stream().map(f -> new Todo.Item(f.caseNumber(), f.bodyName() + " · " + f.programmeCode(), "/reviews/files/" + f.id(), false)).toList()));
		}
		if (me.bodyId() != null && TodoSource.holds(me, "UNIT_ADMIN")) {
			var uploads = reviewFiles.awaitingUpload(me.bodyId());
			if (!uploads.isEmpty()) {
				out.add(new Todo("UNIT_ADMIN", 46, "案卷评查：待上传案卷", uploads.size(), "/reviews", uploads.stream()
					.map(f -> new Todo.Item(f.caseNumber(), "应于 " + f.uploadDue() + " 前上传", "/reviews", today.isAfter(f.uploadDue()))).toList()));
			}
			long results = reviewFiles.countResultsOfBody(me.bodyId());
			if (results > 0) {
				out.add(new Todo("UNIT_ADMIN", 47, "案卷评查结果", results, "/reviews", reviewFiles.resultsOfBody(me.bodyId()).stream().limit(10)
					.map(f -> new Todo.Item(f.caseNumber(), f.total() + " 分，" + f.grade(), "/reviews/files/" + f.id(), "不合格".equals(f.grade()))).toList()));
			}
		}
		if (me.bodyId() != null && TodoSource.holds(me, "SUPERVISOR")) {
			var differing = reviewFiles.awaitingResolution(me.scope(), me.bodyId());
			if (!differing.isEmpty()) {
				out.add(new Todo("SUPERVISOR", 45, "评查意见不一致，待裁定", differing.size(), "/supervision/reviews", differing.stream()
					.map(f -> new Todo.Item(f.caseNumber(), f.bodyName(), "/reviews/files/" + f.id(), false)).toList()));
			}
		}
		return out;
	}
}
