package zhifa.supervision.alert;

import java.util.List;

import zhifa.supervision.ActReport;

/** Facts about an act that several rules ask. */
final class Rules {

	static final String LAW = "《中华人民共和国行政处罚法》";

	private Rules() {
	}

	/** A penalty decision (not 不予处罚) was made. */
	static boolean penaltyDecided(ActReport a) {
		return a.decidedOn() != null && "PENALTY".equals(a.decisionOutcome());
	}

	/** 简易程序 (当场处罚): no filing, no written notice in advance. */
	static boolean simple(ActReport a) {
		return a.kind() != null && a.kind().endsWith("_SIMPLE");
	}

	/** The act ended without a filing (不予立案, 移交, 移送): no rule about the procedure after filing applies. */
	static boolean endedBeforeFiling(ActReport a) {
		return a.filedOn() == null && List.of("NOT_FILED", "HANDED_OVER", "TRANSFERRED").contains(a.stage());
	}

	static String label(ActReport a) {
		return a.caseNumber() != null && !a.caseNumber().isBlank() ? a.caseNumber() : a.source() + "/" + a.externalId();
	}
}
