package zhifa.penalty.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

import zhifa.casework.CaseEvidence;
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

	record MeasureView(long id, Kind kind, String items, String approvedBy, LocalDate appliedOn, boolean avRecorded, boolean extended,
			LocalDate closedOn, String outcome) {
	}

	private final CaseEvidence evidence;
	private final Measures measures;

	CaseMeasures(CaseEvidence evidence, Measures measures) {
		this.evidence = evidence;
		this.measures = measures;
	}

	List<MeasureView> of(long caseId) {
		List<MeasureView> all = new ArrayList<>();
		evidence.preservations(caseId).forEach(p -> all.add(new MeasureView(p.id(), Kind.PRESERVATION, p.items(), p.approvedBy(), p.appliedOn(), false,
				false, p.closedOn(), p.outcome())));
		measures.measures(caseId).forEach(m -> all.add(view(m)));
		all.sort(Comparator.comparingLong(MeasureView::id));
		return all;
	}

	MeasureView apply(DataScope scope, long caseId, Kind kind, String items, String approvedBy, LocalDate appliedOn, boolean avRecorded) {
		if (kind == null) {
			throw BusinessRuleViolation.onField("kind", "请选择措施");
		}
		if (kind == Kind.PRESERVATION) {
			var p = evidence.preserve(scope, caseId, items, approvedBy, appliedOn);
			return find(caseId, p.id());
		}
		return view(measures.apply(scope, caseId, Measure.Kind.valueOf(kind.name()), items, approvedBy, appliedOn, avRecorded));
	}

	MeasureView extend(DataScope scope, long caseId, long id, String reason) {
		if (evidence.preservation(caseId, id).isPresent()) {
			evidence.refuseExtension(scope, caseId, id);
		}
		return view(measures.extend(scope, caseId, id, reason));
	}

	MeasureView close(DataScope scope, long caseId, long id, String outcome) {
		if (evidence.preservation(caseId, id).isPresent()) {
			evidence.decide(scope, caseId, id, outcome);
			return find(caseId, id);
		}
		return view(measures.close(scope, caseId, id, outcome));
	}

	private MeasureView find(long caseId, long id) {
		return of(caseId).stream().filter(m -> m.id() == id).findFirst().orElseThrow(() -> new NotFound("措施"));
	}

	private static MeasureView view(Measure m) {
		return new MeasureView(m.id(), Kind.valueOf(m.kind().name()), m.items(), m.approvedBy(), m.appliedOn(), m.avRecorded(), m.extended(), m.closedOn(),
				m.outcome());
	}
}
