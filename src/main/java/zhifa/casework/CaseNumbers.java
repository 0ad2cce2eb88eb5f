package zhifa.casework;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.casework.persistence.NumberRows;
import zhifa.organization.OrganizationDirectory;
import zhifa.record.FullProcessRecord;
import zhifa.shared.BusinessRuleViolation;

/**
 * Gapless numbers per body, sequence and year (案件编号, 决定书文号, 文书文号): taken inside the caller's transaction with the
 * sequence row locked, so a rolled-back filing gives its number back and two filings never share one. Each body sets the
 * format of each sequence ({@code 芒市监罚立〔{年}〕{号}号}); without one the number reads {@code <机关>罚<种类>〔年〕号号}.
 */
@Service
public class CaseNumbers {

	/** 案件编号 (立案). */
	public static final String FILING = "立案";

	/** 处罚决定书文号. */
	public static final String DECISION = "决定";

	/** The sequences a body can format: case numbers, decisions and the documents with their own 文号. */
	public static final List<String> KINDS = List.of(FILING, DECISION, "告知", "听证", "送达", "催告", "查扣", "保存");

	private final NumberRows rows;
	private final OrganizationDirectory directory;
	private final FullProcessRecord record;

	CaseNumbers(NumberRows rows, OrganizationDirectory directory, FullProcessRecord record) {
		this.rows = rows;
		this.directory = directory;
		this.record = record;
	}

	/** A number as taken: its year, its place in the sequence and its text. */
	public record Number(int year, int sequence, String text) {
	}

	public Number next(long bodyId, String kind, int year) {
		zhifa.shared.Transactions.requireActive();
		int value = rows.next(bodyId, kind, year);
		return new Number(year, value, format(pattern(bodyId, kind), year, value));
	}

	public String pattern(long bodyId, String kind) {
		return rows.pattern(bodyId, kind)
			// a 查封、扣押 and a 先行登记保存 are not penalties: their default numbers do not say 罚
			.orElseGet(() -> directory.facts(bodyId).orElseThrow().name() + (List.of("查扣", "保存").contains(kind) ? "" : "罚") + kind + "〔{年}〕{号}号");
	}

	static String format(String pattern, int year, int value) {
		return pattern.replace("{年}", String.valueOf(year)).replace("{号}", String.valueOf(value));
	}

	/** Sets the number format of a sequence (立案, 决定, 告知, 听证, 送达, 催告, 查扣), e.g. 芒市监罚立〔{年}〕{号}号; recorded on the body. */
	@Transactional
	public void setPattern(long bodyId, String kind, String pattern) {
		if (!KINDS.contains(kind)) {
			throw BusinessRuleViolation.onField("kind", "编号种类应为" + String.join("、", KINDS) + "之一");
		}
		if (pattern == null || !pattern.contains("{年}") || !pattern.contains("{号}") || pattern.length() > 100) {
			throw BusinessRuleViolation.onField("pattern", "编号格式须包含 {年} 和 {号}，如 芒市监罚立〔{年}〕{号}号");
		}
		rows.setPattern(bodyId, kind, pattern.strip());
		record.append(OrganizationDirectory.RECORD_SUBJECT, bodyId, bodyId, "case.number_pattern", "设置" + kind + "编号格式：" + pattern.strip(),
				java.util.Map.of("pattern", pattern.strip()));
	}
}
