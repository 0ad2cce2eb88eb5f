package zhifa.penalty.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import zhifa.casework.CaseEvidence;
import zhifa.casework.MeasureApprovals;
import zhifa.coercion.Measure;
import zhifa.coercion.Measures;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.NotFound;

/**
 * The case page's and the API's one list of 措施: 先行登记保存 (kept with the evidence by the kernel) and 查封、扣押 (kept by
 * the coercion module), in the shape the API has always had; ids are unique across both (one attachment sequence).
 */
@Component
class CaseMeasures {

	/** PRESERVATION 先行登记保存, SEAL 查封, DETAIN 扣押. */
	enum Kind {
		PRESERVATION("先行登记保存"), SEAL("查封"), DETAIN("扣押");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/**
	 * A measure as listed: {@code approval} is the head's approval given in the platform (null for a measure recorded
	 * before approvals were kept, whose {@code approvedBy} is the name typed then).
	 */
	record MeasureView(long id, Kind kind, String items, String approvedBy, LocalDate appliedOn, boolean avRecorded, boolean extended,
			LocalDate closedOn, String outcome, MeasureApprovals.Approval approval, String reason, String basis, String place, List<String> officers) {
	}

	private final CaseEvidence evidence;
	private final Measures measures;
	private final MeasureApprovals approvals;

	CaseMeasures(CaseEvidence evidence, Measures measures, MeasureApprovals approvals) {
		this.evidence = evidence;
		this.measures = measures;
		this.approvals = approvals;
	}

	List<MeasureView> of(long caseId) {
		List<MeasureView> all = new ArrayList<>();
		Map<Long, MeasureApprovals.Approval> approved = approvals.ofCase(caseId);
		evidence.preservations(caseId).forEach(p -> all.add(new MeasureView(p.id(), Kind.PRESERVATION, p.items(), p.approvedBy(), p.appliedOn(), false,
				false, p.closedOn(), p.outcome(), approved.get(p.id()), null, null, null, p.officers())));
		measures.measures(caseId).forEach(m -> all.add(view(m, approved.get(m.id()))));
		all.sort(Comparator.comparingLong(MeasureView::id));
		return all;
	}

	/** The heads who may approve the case's measures (the form's choice). */
	List<MeasureApprovals.Head> heads(long bodyId) {
		return approvals.heads(bodyId);
	}

	/**
	 * What the officers give when they take a measure: who carried it out ({@code officerIds}, none: the case's officers);
	 * reason, basis and place are for 查封、扣押 (their decision states them).
	 */
	record Taken(Kind kind, String items, String reason, String basis, String place, LocalDate appliedOn, boolean avRecorded, List<Long> officerIds) {
	}

	MeasureView apply(DataScope scope, long caseId, Taken t, Long approverId, String approvedBy) {
		Kind kind = t.kind();
		String items = t.items();
		LocalDate appliedOn = t.appliedOn();
		if (kind == null) {
			throw BusinessRuleViolation.onField("kind", "请选择措施");
		}
		if (kind == Kind.PRESERVATION) {
			var p = evidence.preserve(scope, caseId, items, approverId, approvedBy, appliedOn, t.officerIds());
			return find(caseId, p.id());
		}
		long id = measures.apply(scope, caseId, Measure.Kind.valueOf(kind.name()), new Measure.Taken(items, t.reason(), t.basis(), t.place(), appliedOn, t.officerIds()),
				approverId, approvedBy, t.avRecorded()).id();
		return find(caseId, id);
	}

	/**
	 * The head named confirms the measure, or refuses it with the reason and it is released at once (行政强制法第十九条),
	 * both in one transaction.
	 */
	@org.springframework.transaction.annotation.Transactional
	public MeasureView decideApproval(DataScope scope, long caseId, long id, boolean approved, String note) {
		MeasureView m = find(caseId, id);
		approvals.decide(scope, caseId, id, approved, note, m.kind().label());
		if (!approved && m.closedOn() == null) {
			if (m.kind() == Kind.PRESERVATION) {
				evidence.decide(scope, caseId, id, "负责人不予批准，立即解除" + m.kind().label());
			}
			else {
				measures.releaseNotApproved(scope, caseId, id);
			}
		}
		return find(caseId, id);
	}

	MeasureView extend(DataScope scope, long caseId, long id, String reason) {
		if (evidence.preservation(caseId, id).isPresent()) {
			evidence.refuseExtension(scope, caseId, id);
		}
		measures.extend(scope, caseId, id, reason);
		return find(caseId, id);
	}

	/** The measure dealt with; a 查封、扣押 released names its ground ({@code releaseGround}, 行政强制法第二十八条). */
	MeasureView close(DataScope scope, long caseId, long id, String outcome, Measure.ReleaseGround releaseGround) {
		if (evidence.preservation(caseId, id).isPresent()) {
			if (releaseGround != null) {
				throw BusinessRuleViolation.onField("releaseGround", "先行登记保存的处理决定不填解除情形（那是查封、扣押的，行政强制法第二十八条）");
			}
			evidence.decide(scope, caseId, id, outcome);
			return find(caseId, id);
		}
		measures.close(scope, caseId, id, outcome, releaseGround);
		return find(caseId, id);
	}

	private MeasureView find(long caseId, long id) {
		return of(caseId).stream().filter(m -> m.id() == id).findFirst().orElseThrow(() -> new NotFound("措施"));
	}

	private static MeasureView view(Measure m, MeasureApprovals.Approval approval) {
		return new MeasureView(m.id(), Kind.valueOf(m.kind().name()), m.items(), m.approvedBy(), m.appliedOn(), m.avRecorded(), m.extended(), m.closedOn(),
				m.outcome(), approval, m.reason(), m.basis(), m.place(), m.officers());
	}
}
