package zhifa.supervision.exchange;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import zhifa.shared.Uscc;

/**
 * The platform's codes a report is validated against after mapping: the ledger's stages and decision outcomes (those
 * this platform's penalty cases report), the party kinds of the case kernel, matter codes (checked against the body's
 * catalogue) and bodies by 统一社会信用代码. A national code set (SF/T 0052-2019) can be plugged in through the mapping.
 */
public final class OurCodes {

	/** 办理阶段 of the ledger. */
	public static final Map<String, String> STAGES = ordered("CLUE", "案源待处理", "NOT_FILED", "不予立案", "HANDED_OVER", "已移交有管辖权的机关",
			"TRANSFERRED", "已移送司法机关", "FILED", "已立案", "PROPOSED", "拟作处罚", "NOTIFIED", "已事先告知", "DECIDED", "已作出决定", "CLOSED", "已结案",
			"ARCHIVED", "已归档");

	/** 决定结果. */
	public static final Map<String, String> OUTCOMES = ordered("PENALTY", "给予行政处罚", "NO_PENALTY", "不予行政处罚", "NOT_ESTABLISHED", "违法事实不能成立",
			"JUDICIAL", "涉嫌犯罪移送司法机关", "REVOKE_FILING", "撤销立案");

	/** 当事人类型 (the case kernel's {@code PartyType}). */
	public static final Map<String, String> PARTY_KINDS = ordered("NATURAL_PERSON", "自然人", "ORGANIZATION", "法人或者其他组织");

	/** 行为类别 the exchange takes: penalties by general and by simple procedure. */
	public static final Map<String, String> KINDS = ordered("PENALTY", "行政处罚（普通程序）", "PENALTY_SIMPLE", "行政处罚（简易程序）");

	private OurCodes() {
	}

	/** Why a code is not one of ours in the class (empty when it is, or when only the catalogue can tell — matters). */
	public static Optional<String> problem(CodeClass codeClass, String code) {
		return switch (codeClass) {
			case STAGE -> STAGES.containsKey(code) ? Optional.empty() : Optional.of("本平台没有办理阶段代码“" + code + "”，可用：" + listed(STAGES));
			case DECISION_OUTCOME -> OUTCOMES.containsKey(code) ? Optional.empty()
					: Optional.of("本平台没有决定结果代码“" + code + "”，可用：" + listed(OUTCOMES));
			case PARTY_KIND -> PARTY_KINDS.containsKey(code) ? Optional.empty()
					: Optional.of("本平台没有当事人类型代码“" + code + "”，可用：" + listed(PARTY_KINDS));
			case MATTER -> code.matches("[A-Za-z0-9][A-Za-z0-9-]{0,39}") ? Optional.empty() : Optional.of("事项编码应为字母、数字和连字符（不超过40位）");
			case BODY -> Uscc.problem(code).map(p -> "执法主体应以其统一社会信用代码表示：" + p);
		};
	}

	/** The codes with their names, as a refusal lists them: DECIDED（已作出决定）、… (an Excel sheet may give either). */
	public static String listed(Map<String, String> codes) {
		return String.join("、", codes.entrySet().stream().map(e -> e.getKey() + "（" + e.getValue() + "）").toList());
	}

	private static Map<String, String> ordered(String... pairs) {
		Map<String, String> m = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			m.put(pairs[i], pairs[i + 1]);
		}
		return java.util.Collections.unmodifiableMap(m);
	}
}
