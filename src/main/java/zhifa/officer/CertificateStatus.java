package zhifa.officer;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * 执法证件状态: 申领 → 审核 → 有效 ⇄ 暂扣 → 收回 | 注销 | 吊销 | 过期 (RULES.md §3). A withdrawn certificate may still be
 * cancelled (收回后注销); the others are final.
 */
public enum CertificateStatus {
	APPLIED("申领"), UNDER_REVIEW("审核中"), VALID("有效"), SUSPENDED("暂扣"), WITHDRAWN("收回"), CANCELLED("注销"),
	REVOKED("吊销"), EXPIRED("过期"), REJECTED("不予发证");

	private static final Map<CertificateStatus, Set<CertificateStatus>> NEXT = Map.of(
			APPLIED, EnumSet.of(UNDER_REVIEW, REJECTED),
			UNDER_REVIEW, EnumSet.of(VALID, REJECTED),
			VALID, EnumSet.of(SUSPENDED, WITHDRAWN, CANCELLED, REVOKED, EXPIRED),
			SUSPENDED, EnumSet.of(VALID, WITHDRAWN, CANCELLED, REVOKED, EXPIRED),
			WITHDRAWN, EnumSet.of(CANCELLED));

	private final String label;

	CertificateStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public boolean canBecome(CertificateStatus next) {
		return NEXT.getOrDefault(this, Set.of()).contains(next);
	}

	/** Held by the officer (有效 or 暂扣): at most one per officer. */
	public boolean live() {
		return this == VALID || this == SUSPENDED;
	}
}
