package zhifa.supervision.alert;

/**
 * What a rule found on one act: the occurrence it is about (empty when the rule can break only once per act) and its
 * reasoning in Chinese — the facts compared, the period and how it was counted, and the article.
 */
public record Finding(String occurrence, String reasoning) {

	public Finding {
		occurrence = occurrence == null ? "" : occurrence;
	}

	public static Finding once(String reasoning) {
		return new Finding("", reasoning);
	}
}
