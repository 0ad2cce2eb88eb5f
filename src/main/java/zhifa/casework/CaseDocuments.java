package zhifa.casework;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.casework.persistence.DocumentRows;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;

/**
 * 执法文书 of every kind: rendered by a {@link DocumentTemplate} from the case data as PDF with an embedded CJK font,
 * stored by content hash and recorded; a regenerated document is a new version with the same number, never an
 * overwrite. Also the case file index (案卷目录) in procedural order.
 */
@Service
public class CaseDocuments {

	/** A stored version of a document. */
	public record Document(long id, String type, String label, int version, String number, String sm3, int size, int pages, String generatedBy,
			Instant at, String verificationCode) {
	}

	/** A stored version with the file name it is downloaded under. */
	public record Pdf(String fileName, byte[] bytes) {
	}

	/**
	 * What the public verification page shows of a document version: what it is, who issued it, its number and date,
	 * its version and whether it is the current one — nothing about the party.
	 */
	public record Verified(String code, String label, String issuer, String number, LocalDate issuedOn, int version, int latestVersion) {

		public boolean current() {
			return version == latestVersion;
		}
	}

	/** The answer to "is this file that document?": {@code genuine} only when its SM3 digest is the version's and the version is current. */
	public record Check(Verified document, boolean sameFile, boolean genuine, String answer) {
	}

	/** A template the case can have now, for the page's "生成" buttons. */
	public record Available(String type, String label) {
	}

	private final Cases cases;
	private final CaseKinds kinds;
	private final DocumentRows rows;
	private final EvidenceStore store;
	private final CaseEvidence evidence;
	private final CaseRecord record;
	private final ObjectProvider<DocumentTemplate> templates;
	private final ObjectProvider<CaseFileItems> fileItems;
	private final DocumentRenderer renderer;
	private final VerificationCodes codes;
	private final Clock clock;

	CaseDocuments(Cases cases, CaseKinds kinds, DocumentRows rows, EvidenceStore store, CaseEvidence evidence, CaseRecord record,
			ObjectProvider<DocumentTemplate> templates, ObjectProvider<CaseFileItems> fileItems, DocumentRenderer renderer, VerificationCodes codes,
			ObjectProvider<VerifiableDocuments> others, Clock clock) {
		this.others = others;
		this.cases = cases;
		this.kinds = kinds;
		this.rows = rows;
		this.store = store;
		this.evidence = evidence;
		this.record = record;
		this.templates = templates;
		this.fileItems = fileItems;
		this.renderer = renderer;
		this.codes = codes;
		this.clock = clock;
	}

	private final ObjectProvider<VerifiableDocuments> others;

	private Map<String, DocumentTemplate> registry() {
		Map<String, DocumentTemplate> m = new LinkedHashMap<>();
		templates.orderedStream().sorted(Comparator.comparingInt(DocumentTemplate::order)).forEach(t -> m.put(t.type(), t));
		return m;
	}

	/** A stored type's template and, for a template of one document per thing, the thing's reference ({@code SEIZURE-17}). */
	private record Resolved(DocumentTemplate template, String ref) {
	}

	private static Resolved resolve(Map<String, DocumentTemplate> registry, String type) {
		if (type == null) {
			return null;
		}
		DocumentTemplate t = registry.get(type);
		if (t != null) {
			return t.perInstance() ? null : new Resolved(t, null);
		}
		int dash = type.lastIndexOf('-');
		t = dash < 0 ? null : registry.get(type.substring(0, dash));
		return t == null || !t.perInstance() ? null : new Resolved(t, type.substring(dash + 1));
	}

	/** A stored document's name: its template's, or for one made per thing, that thing's (扣押决定书). */
	private String label(long caseId, String type) {
		Resolved r = resolve(registry(), type);
		return r == null ? type : r.ref() == null ? r.template().label() : r.template().label(caseId, r.ref());
	}

	public List<Document> documents(DataScope scope, long caseId) {
		cases.get(scope, caseId);
		return rows.of(caseId).stream().map(r -> new Document(r.id(), r.type(), label(caseId, r.type()), r.version(), r.number(), r.sm3(), r.size(), r.pages(),
				r.generatedBy(), r.at(), r.code())).toList();
	}

	public Pdf pdf(DataScope scope, long caseId, long documentId) {
		Document d = documents(scope, caseId).stream().filter(x -> x.id() == documentId).findFirst().orElseThrow(() -> new NotFound("文书"));
		return new Pdf(d.label() + "（" + d.number() + "）第" + d.version() + "版.pdf", store.read(d.sm3()));
	}

	/** The document version a verification code was printed on. */
	public Optional<Verified> verify(String code) {
		String canonical = VerificationCodes.normalise(code);
		if (canonical == null) {
			throw BusinessRuleViolation.onField("code", "验证码应为10位字母和数字（不含0、1、I、L、O），请核对文书上的验证码");
		}
		return found(canonical).map(VerifiableDocuments.Found::document);
	}

	/** A code's document among the case documents, else among the other verifiable documents (supervision documents). */
	private Optional<VerifiableDocuments.Found> found(String canonical) {
		Optional<VerifiableDocuments.Found> own = rows.byCode(canonical).map(r -> new VerifiableDocuments.Found(new Verified(r.code(), label(r.caseId(), r.type()),
				r.issuer(), r.number(), r.issuedOn(), r.version(), rows.latestVersion(r)), r.sm3()));
		return own.isPresent() ? own : others.orderedStream().map(o -> o.byCode(canonical)).flatMap(Optional::stream).findFirst();
	}

	/**
	 * Checks a file, given by its SM3 digest (hex), against the document version of a code: "是当前版本" only when the
	 * digest is that version's and no later version replaced it.
	 */
	public Check check(String code, String sm3) {
		if (sm3 == null || !sm3.strip().matches("[0-9a-fA-F]{64}")) {
			throw BusinessRuleViolation.onField("digest", "SM3 摘要应为64位十六进制字符");
		}
		Verified d = verify(code).orElseThrow(() -> new NotFound("验证码对应的文书"));
		String stored = found(d.code()).orElseThrow().sm3();
		boolean same = stored.equalsIgnoreCase(sm3.strip());
		String answer = same && d.current() ? "是当前版本"
				: same ? "不是本机关出具的当前版本：该文件是第" + d.version() + "版，已被第" + d.latestVersion() + "版取代"
						: "不是本机关出具的当前版本：文件内容与本机关出具的文书不一致";
		return new Check(d, same, same && d.current(), answer);
	}

	/** The documents the case can have now. */
	public List<Available> available(CaseFile c) {
		if (!kinds.open(c, CaseActions.DOCUMENT)) {
			return List.of();
		}
		List<Available> out = new ArrayList<>();
		for (DocumentTemplate t : registry().values()) {
			if (t.perInstance()) {
				t.instances(c).forEach(i -> out.add(new Available(t.type() + "-" + i.ref(), t.label(c.id(), i.ref()) + "（" + i.label() + "）")));
			}
			else if (t.available(c)) {
				out.add(new Available(t.type(), t.label()));
			}
		}
		return out;
	}

	@Transactional
	public Document generate(DataScope scope, long caseId, String type) {
		CaseFile c = cases.get(scope, caseId);
		c.requireNotArchived();
		Map<String, DocumentTemplate> registry = registry();
		Resolved resolved = resolve(registry, type);
		if (resolved == null) {
			throw BusinessRuleViolation.onField("type", "没有这种文书：" + type + "（可选 " + String.join("、", registry.keySet()) + "；每项措施一份的，如 SEIZURE-措施编号）");
		}
		DocumentTemplate template = resolved.template();
		boolean available = resolved.ref() == null ? template.available(c) : template.instances(c).stream().anyMatch(i -> i.ref().equals(resolved.ref()));
		if (!kinds.open(c, CaseActions.DOCUMENT) || !available) {
			throw new BusinessRuleViolation("本案当前不能生成“" + template.label() + "”" + (resolved.ref() == null ? "" : "（" + resolved.ref() + "）"));
		}
		kinds.require(c, CaseActions.DOCUMENT);
		c = cases.claim(c, null);
		List<DocumentRows.Row> earlier = rows.of(caseId).stream().filter(d -> d.type().equals(type)).toList();
		String number;
		PdfDocument.Content content;
		if (earlier.isEmpty()) {
			// numbered in the year of the date it bears (a 扣押 of 31 December printed on 2 January is last year's), so
			// what it must state is checked before a number is taken
			PdfDocument.Content draft = content(template, c, resolved.ref(), "");
			number = template.number(c, (draft.date() == null ? LocalDate.now(clock) : draft.date()).getYear());
		}
		else {
			number = earlier.get(earlier.size() - 1).number();
		}
		content = content(template, c, resolved.ref(), number);
		String code = codes.next();
		PdfDocument.Rendered pdf = renderer.render(content, new PdfDocument.Verification(code, codes.url(code)));
		String hash = store.store(pdf.bytes());
		int version = earlier.size() + 1;
		LocalDate issuedOn = content.date() == null ? LocalDate.now(clock) : content.date();
		long id = rows.insert(caseId, type, version, number, hash, pdf.bytes().length, pdf.pages(), Operator.current().operatorName(), clock.instant(),
				new DocumentRows.Stamp(code, content.issuer(), issuedOn));
		record.append(c, "case.document_generated", "生成" + (resolved.ref() == null ? template.label() : template.label(caseId, resolved.ref())) + "（" + number + "，第" + version + "版，" + pdf.pages() + "页，验证码" + code + "）",
				Map.of("sm3", hash, "pages", pdf.pages(), "verificationCode", code));
		return documents(DataScope.all(), caseId).stream().filter(d -> d.id() == id).findFirst().orElseThrow();
	}

	private static PdfDocument.Content content(DocumentTemplate template, CaseFile c, String ref, String number) {
		return ref == null ? template.content(c, number) : template.content(c, ref, number);
	}

	/**
	 * The case file (案卷目录) in procedural order: the latest version of every generated document with its number and page
	 * count, then what the case's kind adds (the legal-review opinion, the collective-discussion minutes, the payment
	 * receipts: {@link CaseFileItems}), then the evidence and transcripts.
	 */
	public List<String> fileIndex(long caseId) {
		Map<String, DocumentTemplate> registry = registry();
		Map<String, DocumentRows.Row> latest = new LinkedHashMap<>();
		rows.of(caseId).forEach(r -> latest.merge(r.type(), r, (a, b) -> a.version() >= b.version() ? a : b));
		List<String> index = new ArrayList<>();
		latest.values().stream()
			.sorted(Comparator.comparingInt(r -> {
				Resolved t = resolve(registry, r.type());
				return t == null ? Integer.MAX_VALUE : t.template().order();
			}))
			.forEach(r -> index.add(label(caseId, r.type()) + "（" + r.number() + "，第" + r.version() + "版）" + r.pages() + "页"));
		fileItems.orderedStream().forEach(items -> index.addAll(items.items(caseId)));
		evidence.evidence(caseId).stream().sorted(Comparator.comparing(CaseEvidence.Evidence::collectedOn).thenComparing(CaseEvidence.Evidence::id))
			.forEach(e -> index.add("证据：" + e.title() + "（" + e.type().label() + "，" + e.collectedOn() + "）"));
		evidence.transcripts(caseId).forEach(t -> index.add(t.kindLabel() + "：" + t.subject() + "（" + t.heldOn() + "）"));
		return index;
	}
}
