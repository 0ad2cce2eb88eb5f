package zhifa.inspection.visits;

import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import zhifa.casework.CaseFile;
import zhifa.casework.Cases;
import zhifa.supervision.ActReport;
import zhifa.supervision.ActSource;

/**
 * Inspections in the supervision ledger (kind {@code INSPECTION}): the lead body, the enterprise, the visit day, the
 * lead body's inspectors by certificate, and when the result was due and published — so the supervisor sees late
 * publications and one enterprise visited by several bodies within 30 days.
 */
@Component
class InspectionActSource implements ActSource {

	private final Cases cases;
	private final ObjectProvider<Visits> visits;
	private final ObjectProvider<Merges> merges;

	InspectionActSource(Cases cases, ObjectProvider<Visits> visits, ObjectProvider<Merges> merges) {
		this.cases = cases;
		this.merges = merges;
		this.visits = visits;
	}

	@Override
	public Optional<ActReport> report(CaseFile f) {
		if (!InspectionKind.CODE.equals(f.kind())) {
			return Optional.empty();
		}
		long caseId = f.id();
		Visits v = visits.getObject();
		var visit = v.load(v.idOfCase(caseId)).orElseThrow();
		List<Visits.Member> lead = visit.team().stream().filter(m -> m.bodyId() == visit.bodyId()).toList();
		var inspection = new ActReport.Inspection(visit.taskId() != null, visit.bodyName(), visit.checkedOn(), visit.publication() == null ? null : visit.publication().due(),
				visit.publishedOn(), merges.getObject().jointCases(visit.id()));
		return Optional.of(new ActReport(ActReport.PLATFORM, String.valueOf(caseId), f.version(), f.bodyId(), InspectionKind.CODE, f.matterCode(),
				f.matterName(), visit.taskCode(), f.partyKind().name(), f.partyName(), f.partyMasked(), cases.partyKey(caseId), f.placeRegionId(), f.stage(),
				visit.checkedOn() != null ? visit.checkedOn() : visit.plannedOn(), null, null, null, null, null, false, false, false, false, false, null, null,
				null, null, null, null, null, 0, visit.publishedOn(),
				lead.stream().map(Visits.Member::certificateNumber).filter(x -> x != null && !x.isBlank()).toList(),
				(int) lead.stream().filter(Visits.Member::valid).count(), f.demo(), ActReport.Details.NONE.withInspection(inspection)));
	}
}
