package zhifa.penalty.documents;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import zhifa.calendar.CalendarService;
import zhifa.casework.CaseEvidence;
import zhifa.casework.CaseFile;
import zhifa.casework.CaseNumbers;
import zhifa.casework.DocumentRenderer;
import zhifa.casework.PartyType;
import zhifa.catalog.Matter;
import zhifa.catalog.Matters;
import zhifa.organization.DocumentDetails;
import zhifa.organization.OrganizationDirectory;
import zhifa.penalty.PenaltyCase;
import zhifa.penalty.PenaltyCases;
import zhifa.penalty.ProcedureProfiles;
import zhifa.penalty.TimerKind;
import zhifa.penalty.execution.Delivery;
import zhifa.penalty.execution.Payments;
import zhifa.penalty.notice.Hearings;
import zhifa.penalty.notice.Notices;
import zhifa.penalty.proposal.Proposals;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.Deadline;
import zhifa.shared.DeadlineUnit;

/** What the penalty document templates read a case through, and the phrases they share. */
@Component
class DocumentFacts implements zhifa.penalty.DecisionClauses {


	final PenaltyCases cases;
	final Notices notices;
	final Hearings hearings;
	final Proposals proposals;
	final Delivery delivery;
	final Payments payments;
	final CaseEvidence evidence;
	final CaseNumbers numbers;
	final Clock clock;
	private final Matters matters;
	private final OrganizationDirectory directory;
	private final CalendarService calendar;
	private final ProcedureProfiles profiles;
	private final zhifa.officer.OfficerAuthority authority;
	private final zhifa.discretion.Benchmarks benchmarks;
	private final zhifa.catalog.LegalLibrary library;
	private final zhifa.casework.CaseRecord record;
	/** The case's generated documents (read lazily: they are made from these facts). */
	private final org.springframework.beans.factory.ObjectProvider<zhifa.casework.CaseDocuments> documents;

	DocumentFacts(PenaltyCases cases, Notices notices, Hearings hearings, Proposals proposals, Delivery delivery, Payments payments, CaseEvidence evidence,
			CaseNumbers numbers, Clock clock, Matters matters, OrganizationDirectory directory, CalendarService calendar, ProcedureProfiles profiles,
			zhifa.officer.OfficerAuthority authority, zhifa.discretion.Benchmarks benchmarks, zhifa.catalog.LegalLibrary library,
			org.springframework.beans.factory.ObjectProvider<zhifa.casework.CaseDocuments> documents, zhifa.casework.CaseRecord record) {
		this.record = record;
		this.benchmarks = benchmarks;
		this.library = library;
		this.documents = documents;
		this.cases = cases;
		this.notices = notices;
		this.hearings = hearings;
		this.proposals = proposals;
		this.delivery = delivery;
		this.payments = payments;
		this.evidence = evidence;
		this.numbers = numbers;
		this.clock = clock;
		this.matters = matters;
		this.directory = directory;
		this.calendar = calendar;
		this.profiles = profiles;
		this.authority = authority;
	}

	PenaltyCase penalty(CaseFile c) {
		return cases.of(c);
	}

	/** The organ the documents are issued and sealed by: the body, or the organ that entrusted it (行政处罚法第二十条). */
	String issuer(PenaltyCase c) {
		return directory.actingName(c.bodyId(), c.bodyName());
	}

	boolean isPenalty(CaseFile c) {
		return PenaltyCases.KIND.equals(c.kind());
	}

	/**
	 * The clause the party violated (违反条款), as 《法名》第X条; the punishing clause where the matter names no separate
	 * one (one article that both forbids and punishes), every citation where it classifies none.
	 */
	String violated(PenaltyCase c) {
		Optional<String> precise = benchmark(c).map(zhifa.discretion.Benchmark::violatedArticle).filter(x -> !x.isBlank());
		if (precise.isPresent()) {
			return cite(List.of(precise.get()));
		}
		Matter m = matters.get(DataScope.all(), c.matterId());
		return cite(!m.violatedClauses().isEmpty() ? m.violatedClauses() : !m.penaltyClauses().isEmpty() ? m.penaltyClauses() : m.basis());
	}

	/**
	 * The discretion benchmark the proposal was assessed by, if any: it names the clauses to the 款 and 项 (第一百二十四条
	 * has several, each with its own range), where the matter's catalogue entry names the article.
	 */
	private Optional<zhifa.discretion.Benchmark> benchmark(PenaltyCase c) {
		return proposals.proposal(c.id()).flatMap(zhifa.penalty.proposal.Proposal::assessed).flatMap(a -> {
			try {
				return Optional.of(benchmarks.get(a.benchmarkId()));
			}
			catch (zhifa.shared.NotFound gone) {
				return Optional.empty();
			}
		});
	}

	/** Who took the step last, and on which day, as the record has it (the head who approved 结案, for one). */
	Optional<zhifa.record.RecordEntry> lastStep(PenaltyCase c, String action) {
		var entries = record.timeline(zhifa.shared.DataScope.all(), c.file()).stream().filter(e -> e.action().equals(action)).toList();
		return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
	}

	/** The day of an entry, in the platform's zone. */
	LocalDate day(zhifa.record.RecordEntry e) {
		return LocalDate.ofInstant(e.occurredAt(), clock.getZone());
	}

	@Override
	public String basis(PenaltyCase c) {
		return "违反" + violated(c) + "的规定，依据" + punishing(c) + "的规定";
	}

	/** The clause that punishes (处罚条款); every citation where the matter classifies none. */
	String punishing(PenaltyCase c) {
		Optional<String> precise = benchmark(c).map(zhifa.discretion.Benchmark::penaltyArticle).filter(x -> !x.isBlank());
		if (precise.isPresent()) {
			return cite(List.of(precise.get()));
		}
		Matter m = matters.get(DataScope.all(), c.matterId());
		return cite(!m.penaltyClauses().isEmpty() ? m.penaltyClauses() : m.basis());
	}

	/**
	 * Citations as the documents print them, the law by its full title where the library holds it: 食品安全法第一百二十四条
	 * → 《中华人民共和国食品安全法》第一百二十四条.
	 */
	String cite(List<String> citations) {
		LocalDate today = LocalDate.now(clock);
		return String.join("、", citations.stream().map(x -> x.replace('(', '（').replace(')', '）').replace("《", "").replace("》", ""))
			.map(x -> x.indexOf('第') < 0 ? "《" + library.fullTitle(x, today) + "》"
					: "《" + library.fullTitle(x.substring(0, x.indexOf('第')), today) + "》" + x.substring(x.indexOf('第')))
			.toList());
	}

	/** The number the 事先告知书 was issued under (its latest version), if it has been generated. */
	Optional<String> noticeNumber(long caseId) {
		List<zhifa.casework.CaseDocuments.Document> notices = documents.getObject().documents(zhifa.shared.DataScope.all(), caseId).stream()
			.filter(d -> d.type().equals("NOTICE")).toList();
		return notices.isEmpty() ? Optional.empty() : Optional.ofNullable(notices.get(notices.size() - 1).number());
	}

	/** 你 for a person, 你单位 for an organisation (the forms' "你（单位）" resolved). */
	static String you(PenaltyCase c) {
		return c.partyKind() == PartyType.ORGANIZATION ? "你单位" : "你";
	}

	/** The body's document details, refusing (in Chinese) when one the document needs is missing. */
	DocumentDetails details(PenaltyCase c, String document, List<String> missing) {
		if (!missing.isEmpty()) {
			throw new BusinessRuleViolation("生成" + document + "前，请在执法主体“" + c.bodyName() + "”的信息中填写：" + String.join("、", missing));
		}
		return directory.documentDetails(c.bodyId());
	}

	DocumentDetails details(PenaltyCase c) {
		return directory.documentDetails(c.bodyId());
	}

	/**
	 * The last day of the party's window of {@code days} working days after service (行政处罚法第八十五条): counted from
	 * the day of service when it is known, else from the notice's date (a notice handed over the day it is made).
	 */
	LocalDate windowEnd(LocalDate from, int days, String source) {
		return calendar.due(Deadline.of(from, days, DeadlineUnit.WORKING_DAYS, source)).date();
	}

	int statementDays(PenaltyCase c) {
		return profiles.of(c.domainCode()).statement().days();
	}

	int hearingDays() {
		return TimerKind.HEARING_REQUEST.defaultAmount();
	}

	/** The evidence and transcripts by name, for "以上事实有…等证据证实". */
	String evidenceList(PenaltyCase c) {
		// the party's waiver of his rights is in the file, but it proves nothing about the violation
		List<String> items = new ArrayList<>(evidence.evidence(c.id()).stream().map(CaseEvidence.Evidence::title)
			.filter(t -> !t.startsWith(zhifa.penalty.notice.Notices.WAIVER_TITLE)).toList());
		evidence.transcripts(c.id()).forEach(t -> items.add(t.kindLabel()));
		return items.isEmpty() ? "现场检查情况" : String.join("、", items);
	}

	String party(PenaltyCase c) {
		// no document is made before filing, which needs the number; should one ever be, it says the number is missing
		return c.partyName() + "（" + (c.partyMasked() == null ? "身份证号未登记" : c.partyMasked()) + "）";
	}

	/**
	 * The case's officers with the number of the certificate each held on a day (the 立案审批表: 两名以上具有行政执法资格的
	 * 办案人员), "张伟（执法证 530000202300001）"; an officer without a valid certificate that day by name alone.
	 */
	String officersWithCertificates(PenaltyCase c, java.time.LocalDate day) {
		return String.join("、", c.officers().stream().map(o -> {
			String card = authority.check(o.officerId(), c.domainCode(), day).credential();
			return card == null ? o.name() : o.name() + "（" + card + "）";
		}).toList());
	}

	String officers(PenaltyCase c) {
		return String.join("、", c.officers().stream().map(CaseFile.Officer::name).toList());
	}

	/** A person by name: an operator recorded as "login（姓名）" shows as 姓名 — a document never prints a login id. */
	static String person(String operator) {
		return zhifa.shared.web.Formats.name(operator);
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	static String date(LocalDate d) {
		return d == null ? "　　年　　月　　日" : DocumentRenderer.chineseDate(d);
	}
}
