package zhifa.casework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;

import zhifa.shared.DataScope;

/**
 * A document made once for each thing of a kind on a case — a 查封 or 扣押, a 先行登记保存 — rather than for the case: its
 * stored type carries the thing ({@code SEIZURE-17}). The party is given it, so the case is not closed while a thing
 * that must have one lacks it. What such documents share: the party and his address as they name them, "你／你单位",
 * dates in words.
 */
public abstract class InstanceDocument implements DocumentTemplate, ClosureCheck {

	private final ObjectProvider<CaseDocuments> documents;

	protected InstanceDocument(ObjectProvider<CaseDocuments> documents) {
		this.documents = documents;
	}

	@Override
	public final boolean perInstance() {
		return true;
	}

	/** Never for the case as a whole. */
	@Override
	public final boolean available(CaseFile c) {
		return false;
	}

	@Override
	public final PdfDocument.Content content(CaseFile c, String number) {
		throw new IllegalStateException(label() + " is made for one thing on the case");
	}

	/** The things 结案 waits for the document of (by default all that can have one). */
	protected List<Instance> required(CaseFile c) {
		return instances(c);
	}

	/** Why a missing one stops 结案: the article that gives the party the document. */
	protected abstract String article();

	@Override
	public List<String> blockers(CaseFile c) {
		List<Instance> due = required(c);
		if (due.isEmpty()) {
			return List.of();
		}
		Set<String> made = new HashSet<>();
		documents.getObject().documents(DataScope.all(), c.id()).forEach(d -> made.add(d.type()));
		return due.stream().filter(i -> !made.contains(type() + "-" + i.ref())).map(i -> i.label() + "：尚未生成" + label(c.id(), i.ref()) + "（" + article() + "）").toList();
	}

	/** 当事人 with his masked number, and his address when known. */
	protected static List<PdfDocument.Part> party(CaseFile c) {
		boolean organisation = c.partyKind() == PartyType.ORGANIZATION;
		List<PdfDocument.Part> parts = new ArrayList<>();
		parts.add(new PdfDocument.Block("当事人", c.partyName() + (c.partyMasked() == null ? ""
				: "（" + (organisation ? "统一社会信用代码 " : "身份证号 ") + c.partyMasked() + "）")));
		if (c.partyAddress() != null) {
			parts.add(new PdfDocument.Block("地址", c.partyAddress()));
		}
		return parts;
	}

	/** 你单位 for an organisation, 你 for a person. */
	protected static String you(CaseFile c) {
		return c.partyKind() == PartyType.ORGANIZATION ? "你单位" : "你";
	}

	/** The case's officers as the documents name them; empty when none are assigned. */
	protected static List<PdfDocument.Part> officers(CaseFile c) {
		return c.officers().isEmpty() ? List.of()
				: List.of(new PdfDocument.Block("执法人员", String.join("、", c.officers().stream().map(CaseFile.Officer::name).toList())));
	}

	protected static String date(LocalDate d) {
		return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
	}

	/** A list of things on one line, at most twenty characters: how the case page names the thing. */
	protected static String abbreviated(String items) {
		String one = items.strip().replaceAll("\\s+", " ");
		return one.length() > 20 ? one.substring(0, 20) + "…" : one;
	}
}
