package zhifa.penalty.documents;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import zhifa.casework.CaseEvidence;
import zhifa.casework.CaseFile;
import zhifa.casework.CaseNumbers;
import zhifa.casework.DocumentRenderer;
import zhifa.catalog.Matters;
import zhifa.penalty.PenaltyCase;
import zhifa.penalty.PenaltyCases;
import zhifa.penalty.execution.Delivery;
import zhifa.penalty.execution.Payments;
import zhifa.penalty.notice.Hearings;
import zhifa.penalty.notice.Notices;
import zhifa.penalty.proposal.Proposals;
import zhifa.shared.DataScope;

/** What the penalty document templates read a case through, and the phrases they share. */
@Component
class DocumentFacts {

	final PenaltyCases cases;
	final Notices notices;
	final Hearings hearings;
	final Proposals proposals;
	final Delivery delivery;
	final Payments payments;
	final CaseEvidence evidence;
	final CaseNumbers numbers;
	final DocumentRenderer renderer;
	final Clock clock;
	private final Matters matters;

	DocumentFacts(PenaltyCases cases, Notices notices, Hearings hearings, Proposals proposals, Delivery delivery, Payments payments, CaseEvidence evidence,
			CaseNumbers numbers, DocumentRenderer renderer, Clock clock, Matters matters) {
		this.cases = cases;
		this.notices = notices;
		this.hearings = hearings;
		this.proposals = proposals;
		this.delivery = delivery;
		this.payments = payments;
		this.evidence = evidence;
		this.numbers = numbers;
		this.renderer = renderer;
		this.clock = clock;
		this.matters = matters;
	}

	PenaltyCase penalty(CaseFile c) {
		return cases.of(c);
	}

	boolean isPenalty(CaseFile c) {
		return PenaltyCases.KIND.equals(c.kind());
	}

	/** The legal basis of the case's matter, as 《法名》第X条. */
	List<String> basis(PenaltyCase c) {
		return matters.get(DataScope.all(), c.matterId()).basis().stream()
			.map(x -> "《" + x.replaceFirst("第.*", "") + "》" + x.substring(x.indexOf("第") < 0 ? x.length() : x.indexOf("第"))).toList();
	}

	/** The evidence and transcripts by name, for "以上事实有…等证据证实". */
	String evidenceList(PenaltyCase c) {
		List<String> items = new ArrayList<>(evidence.evidence(c.id()).stream().map(CaseEvidence.Evidence::title).toList());
		evidence.transcripts(c.id()).forEach(t -> items.add(t.kindLabel()));
		return items.isEmpty() ? "现场检查情况" : String.join("、", items);
	}

	String party(PenaltyCase c) {
		return c.partyName() + "（" + c.partyMasked() + "）";
	}

	String officers(PenaltyCase c) {
		return String.join("、", c.officers().stream().map(CaseFile.Officer::name).toList());
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	static String date(LocalDate d) {
		return DocumentRenderer.chineseDate(d);
	}
}
