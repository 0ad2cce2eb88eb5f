package zhifa.penalty.proposal;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.catalog.Matter;
import zhifa.catalog.Matters;
import zhifa.organization.OrganizationDirectory;
import zhifa.penalty.persistence.ProposalRows;
import zhifa.record.FullProcessRecord;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;

/** The body's 重大执法决定法制审核目录清单 (RULES.md §4.3): matters whose penalty decisions always need legal review. */
@Service
public class ReviewList {

	private final ProposalRows rows;
	private final Matters matters;
	private final OrganizationDirectory directory;
	private final FullProcessRecord record;
	private final Clock clock;

	ReviewList(ProposalRows rows, Matters matters, OrganizationDirectory directory, FullProcessRecord record, Clock clock) {
		this.rows = rows;
		this.matters = matters;
		this.directory = directory;
		this.record = record;
		this.clock = clock;
	}

	public List<ReviewListItem> list(DataScope scope, long bodyId) {
		if (!directory.covers(scope, bodyId)) {
			throw new NotFound("执法主体");
		}
		return rows.reviewList(bodyId);
	}

	@Transactional
	public void add(DataScope scope, long bodyId, long matterId, String note) {
		if (!directory.covers(scope, bodyId)) {
			throw new NotFound("执法主体");
		}
		Matter m;
		try {
			m = matters.get(DataScope.all(), matterId);
		}
		catch (NotFound e) {
			m = null;
		}
		if (m == null || m.bodyId() != bodyId) {
			throw BusinessRuleViolation.onField("matterId", "请选择本机关的执法事项");
		}
		if (note == null || note.isBlank()) {
			throw BusinessRuleViolation.onField("note", "请写明列入清单的理由或依据");
		}
		rows.addToReviewList(bodyId, matterId, note.strip(), Operator.current().operatorName(), clock.instant());
		record.append(OrganizationDirectory.RECORD_SUBJECT, bodyId, bodyId, "review_list.added", "法制审核目录清单列入“" + m.name() + "”",
				Map.of("note", note.strip()));
	}

	@Transactional
	public void remove(DataScope scope, long bodyId, long matterId, String reason) {
		if (!directory.covers(scope, bodyId)) {
			throw new NotFound("执法主体");
		}
		if (reason == null || reason.isBlank()) {
			throw BusinessRuleViolation.onField("reason", "请填写移出理由");
		}
		if (rows.removeFromReviewList(bodyId, matterId) == 0) {
			throw new NotFound("清单中的事项");
		}
		record.append(OrganizationDirectory.RECORD_SUBJECT, bodyId, bodyId, "review_list.removed", "法制审核目录清单移出事项 " + matterId,
				Map.of("reason", reason.strip()));
	}
}
