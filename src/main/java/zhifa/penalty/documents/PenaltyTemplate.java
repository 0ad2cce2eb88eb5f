package zhifa.penalty.documents;

import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import zhifa.casework.CaseFile;
import zhifa.casework.DocumentTemplate;
import zhifa.casework.PdfDocument;
import zhifa.penalty.PenaltyCase;

/**
 * A penalty document template: when a penalty case can have it, how its number is taken, and its blocks. The layout
 * (issuer, title, number, seal line, date) is the same for all: the body's name as issuer and signature.
 */
abstract class PenaltyTemplate implements DocumentTemplate {

	/** The parts of a document, the date it carries, and whether it is an internal form (no seal line). */
	record Body(List<? extends PdfDocument.Part> parts, LocalDate date, boolean internal) {

		Body(List<? extends PdfDocument.Part> parts, LocalDate date) {
			this(parts, date, false);
		}
	}

	final DocumentFacts facts;
	private final String type;
	private final String label;
	private final int order;

	PenaltyTemplate(DocumentFacts facts, String type, String label, int order) {
		this.facts = facts;
		this.type = type;
		this.label = label;
		this.order = order;
	}

	@Override
	public String type() {
		return type;
	}

	@Override
	public String label() {
		return label;
	}

	@Override
	public int order() {
		return order;
	}

	@Override
	public boolean available(CaseFile c) {
		return facts.isPenalty(c) && available(facts.penalty(c));
	}

	abstract boolean available(PenaltyCase c);

	abstract Body body(PenaltyCase c, String number);

	/** The number of the first version: the case number unless the template takes one of its own. */
	String number(PenaltyCase c, int year) {
		return c.caseNumber() != null ? c.caseNumber() : c.label();
	}

	@Override
	public String number(CaseFile c, int year) {
		return number(facts.penalty(c), year);
	}

	@Override
	public PdfDocument.Content content(CaseFile c, String number) {
		PenaltyCase p = facts.penalty(c);
		Body b = body(p, number);
		String issuer = facts.issuer(p);
		return new PdfDocument.Content(issuer, label, number, b.parts(), b.internal() ? null : issuer + "（印章）",
				b.date() == null ? facts.today() : b.date());
	}

	static PdfDocument.Block block(String heading, String text) {
		return new PdfDocument.Block(heading, text);
	}

	static PdfDocument.Block line(String text) {
		return new PdfDocument.Block(null, text);
	}

	static PdfDocument.Row row(String label, String text) {
		return new PdfDocument.Row(label, text, null, 1);
	}

	static PdfDocument.Row row(String label, String text, String signature, int minLines) {
		return new PdfDocument.Row(label, text, signature, minLines);
	}

	/** A template given by two functions, for the short forms. */
	static PenaltyTemplate of(DocumentFacts facts, String type, String label, int order, BiFunction<PenaltyCase, Integer, String> number,
			Predicate<PenaltyCase> available, BiFunction<PenaltyCase, String, Body> body) {
		return new PenaltyTemplate(facts, type, label, order) {
			boolean available(PenaltyCase c) {
				return available.test(c);
			}

			@Override
			String number(PenaltyCase c, int year) {
				return number == null ? super.number(c, year) : number.apply(c, year);
			}

			Body body(PenaltyCase c, String number) {
				return body.apply(c, number);
			}
		};
	}
}
