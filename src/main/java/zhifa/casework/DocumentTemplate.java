package zhifa.casework;

/**
 * One kind of 执法文书 (an open registry: every bean implementing this is a template). Says when a case can have it,
 * which number it carries — taken once, on first generation — and what it holds; the kernel lays it out, stamps it
 * with its verification code and keeps it ({@link CaseDocuments}).
 */
public interface DocumentTemplate {

	/** The type code stored with each generated version (e.g. {@code DECISION}); unique across the platform. */
	String type();

	String label();

	/** The place of the document in the case file (案卷目录), in procedural order. */
	int order();

	/** Whether the case can have this document now. */
	boolean available(CaseFile c);

	/**
	 * The document's number for its first version (later versions keep it), in the year of the date the document bears
	 * ({@code year}); may take one from a sequence of {@link CaseNumbers}.
	 */
	String number(CaseFile c, int year);

	/**
	 * What the document holds, from the case's data. Throws {@link zhifa.shared.BusinessRuleViolation} (in Chinese) when
	 * something the document must state is missing, such as the body's 复议机关.
	 */
	PdfDocument.Content content(CaseFile c, String number);

	/**
	 * One thing on the case a template makes a document of each (a 查封 or 扣押: 行政强制法第二十四条, one decision each):
	 * {@code ref} goes into the stored type ({@code SEIZURE-17}), {@code label} says which on the list.
	 */
	record Instance(String ref, String label) {
	}

	/**
	 * For a template with one document per thing on the case, the things that can have one now; such a template is
	 * never generated for the case as a whole. Empty (the default) for a template of the case.
	 */
	default java.util.List<Instance> instances(CaseFile c) {
		return java.util.List.of();
	}

	/**
	 * The name of the document of one instance of a template {@link #perInstance()} on case {@code caseId} — 扣押决定书
	 * for a 扣押 — as lists and the record name it; the template's {@link #label()} by default.
	 */
	default String label(long caseId, String ref) {
		return label();
	}

	/** Whether this template makes one document per {@link Instance} instead of one for the case. */
	default boolean perInstance() {
		return false;
	}

	/** What the document of one instance holds (a template {@link #perInstance()} implements it). */
	default PdfDocument.Content content(CaseFile c, String ref, String number) {
		return content(c, number);
	}
}
