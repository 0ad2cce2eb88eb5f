package zhifa.penalty;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import zhifa.casework.CaseFile;
import zhifa.casework.Cases;
import zhifa.penalty.persistence.PenaltyRows;
import zhifa.shared.DataScope;
import zhifa.shared.NotFound;

/** Reads penalty cases: the kernel's case joined with its penalty row, within the caller's data scope. */
@Service
public class PenaltyCases {

	/** The kind's code in the kernel ({@code enforcement_case.kind}). */
	public static final String KIND = "PENALTY";

	private final Cases cases;
	private final PenaltyRows rows;

	PenaltyCases(Cases cases, PenaltyRows rows) {
		this.cases = cases;
		this.rows = rows;
	}

	/**
	 * A natural person's age at the act date from the ID number, with what it means for the case: 不满十四周岁的未成年人
	 * 不予行政处罚, 已满十四周岁不满十八周岁的 从轻或者减轻 (行政处罚法第三十条); empty for an organisation or without an ID number.
	 */
	public java.util.Optional<String> partyAge(PenaltyCase c) {
		java.time.LocalDate birth = c.partyKind() == zhifa.casework.PartyType.NATURAL_PERSON ? cases.partyBirthDate(c.id()).orElse(null) : null;
		return zhifa.discretion.Liability.band(birth, c.actDate()).map(band -> "行为时 " + zhifa.discretion.Liability.age(birth, c.actDate()) + " 周岁（按身份证号计算）"
				+ switch (band) {
					case UNDER_14 -> "：不满十四周岁，不予行政处罚，责令监护人加以管教（行政处罚法第三十条）";
					case MINOR -> "：已满十四周岁不满十八周岁，应当从轻或者减轻行政处罚（行政处罚法第三十条）";
					case ADULT -> "";
				});
	}

	/** The case in the scope with its penalty row, read in one statement. */
	public PenaltyCase get(DataScope scope, long id) {
		return penalty(cases.get(scope, id, PenaltyRows.PART));
	}

	/**
	 * A penalty case with one of its timers, as read together: the timer is asked for after the step's own checks (a
	 * case in a stage without it is refused by them first), and a case without it then is a defect.
	 */
	public record WithTimer(PenaltyCase c, zhifa.casework.CaseTimer timer) {

		@Override
		public zhifa.casework.CaseTimer timer() {
			if (timer == null) {
				throw new IllegalStateException("case " + c.id() + " has no such timer");
			}
			return timer;
		}
	}

	/** The case in the scope with its penalty row and its timer of a kind (if it has one), read in one statement. */
	public WithTimer get(DataScope scope, long id, TimerKind timer) {
		var read = cases.get(scope, id, PenaltyRows.PART, timer);
		return new WithTimer(penalty(read), read.timer());
	}

	private PenaltyCase penalty(zhifa.casework.Cases.WithPart<PenaltyRows.Row> read) {
		if (!KIND.equals(read.file().kind())) {
			throw new NotFound("行政处罚案件");
		}
		if (read.part() == null) {
			throw new IllegalStateException("行政处罚案件缺少处罚部分：" + read.file().id());
		}
		return of(read.file(), read.part());
	}

	/** 报请立案: the handling officer's opinion on a clue (the 立案审批表's 承办人意见), who wrote it and on which day. */
	public record FilingRequest(String opinion, java.time.LocalDate on, String by) {
	}

	/** The handling officer's request to file, if one was made. */
	public java.util.Optional<FilingRequest> filingRequest(long id) {
		return rows.filingRequest(id);
	}

	/** The requests to file among these cases, by case id. */
	public java.util.Map<Long, FilingRequest> filingRequests(java.util.Collection<Long> ids) {
		return rows.filingRequests(ids);
	}

	/** The head's opinion on filing as he wrote it, if he wrote one. */
	public java.util.Optional<String> filingOpinion(long id) {
		return rows.filingOpinion(id);
	}

	/** See {@link Cases#otherPartyNames}. */
	public List<String> otherPartyNames(DataScope scope, long id) {
		return cases.otherPartyNames(scope, id);
	}

	/** The kind of a case in the scope (the case page of another kind is elsewhere). */
	public String kindOf(DataScope scope, long id) {
		return cases.get(scope, id).kind();
	}

	public PenaltyCase of(CaseFile c) {
		return of(List.of(c)).get(0);
	}

	/**
	 * The penalty cases among these kernel cases, in their order, for lists and reports: without the procedure profile,
	 * which only a step needs ({@link #get} reads it with the case).
	 */
	public List<PenaltyCase> of(Collection<CaseFile> files) {
		Map<Long, PenaltyRows.Row> ext = rows.load(files.stream().map(CaseFile::id).toList());
		return files.stream().filter(c -> ext.containsKey(c.id())).map(c -> of(c, ext.get(c.id()))).toList();
	}

	public List<PenaltyCase> load(Collection<Long> ids) {
		return of(cases.load(ids));
	}

	/** The penalty case of a kernel case and its penalty row, both as just read or written. */
	public static PenaltyCase of(CaseFile c, PenaltyRows.Row p) {
		return new PenaltyCase(c.id(), c.bodyId(), c.bodyName(), c.matterId(), c.matterCode(), c.matterName(), c.domainCode(), CaseStage.valueOf(c.stage()),
				ClueSource.valueOf(c.source()), c.partyKind(), c.partyName(), c.partyMasked(), c.partyAddress(), c.placeRegionId(), c.placeName(), c.placeDetail(), c.actDate(),
				c.actEndDate(), p.seriousHarm(), c.description(), c.receivedOn(), c.registeredBy(), c.caseNumber(), c.filedOn(), c.filedBy(), p.outcome(),
				p.outcomeReason(), p.educationRecord(), p.handedOverTo(), p.decisionOutcome(), p.decisionNumber(), p.decidedOn(), p.simple(), c.officers(),
				c.demo(), c, p.decision(), p.profile());
	}
}
