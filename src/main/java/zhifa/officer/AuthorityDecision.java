package zhifa.officer;

import java.util.List;

/**
 * The answer to "may this officer do this, today?": allowed, with the certificate (or 人民警察证) that allows it, or
 * refused with every reason.
 */
public record AuthorityDecision(long officerId, String officerName, boolean allowed, String certificateNumber,
		List<Refusal> refusals) {

	/** Why an officer may not act. */
	public enum Refusal {
		NOT_IN_POST("不在岗"), AUXILIARY_STAFF("辅助人员不得从事行政执法"), NO_CERTIFICATE("未持有执法证件"),
		NOT_YET_VALID("执法证件尚未生效"), EXPIRED("执法证件已过期"), SUSPENDED("执法证件已被暂扣"), REVOKED("执法证件已被吊销"),
		WITHDRAWN("执法证件已收回或注销"), DOMAIN_NOT_COVERED("执法证件的执法领域不包括该事项");

		private final String label;

		Refusal(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** The card he acts on, as a document names it: "执法证 530000202300001", "人民警察证 053001"; null without a valid one. */
	public String credential() {
		return certificateNumber == null ? null
				: certificateNumber.startsWith(AuthorityPolicy.POLICE_CARD) ? certificateNumber : "执法证 " + certificateNumber;
	}

	/**
	 * Whether nothing but the domain stands in his way: in post, not auxiliary, a usable certificate (of another domain
	 * perhaps). False for one who may not enforce at all today — whom a form of enforcement tells before he fills it in.
	 */
	public boolean enforcesSomewhere() {
		return allowed || refusals.equals(List.of(Refusal.DOMAIN_NOT_COVERED));
	}

	public String explanation() {
		return allowed ? officerName + "可以执法（证件 " + certificateNumber + "）"
				: officerName + "不能执法：" + String.join("；", refusals.stream().map(Refusal::label).toList());
	}
}
