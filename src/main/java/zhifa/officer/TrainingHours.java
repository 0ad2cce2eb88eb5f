package zhifa.officer;

import java.math.BigDecimal;

/**
 * An officer's training hours in a year against the year's targets (方案任务2: 每人每年不少于60学时，其中公共法律知识不少于18学时，
 * 业务知识和执法技能不少于42学时).
 */
public record TrainingHours(BigDecimal publicLaw, BigDecimal business, BigDecimal skill, Target target) {

	/** The targets of one year (a per-year setting). */
	public record Target(int year, BigDecimal total, BigDecimal publicLaw, BigDecimal businessAndSkill) {
	}

	public BigDecimal total() {
		return publicLaw.add(business).add(skill);
	}

	public BigDecimal businessAndSkill() {
		return business.add(skill);
	}

	public boolean complete() {
		return total().compareTo(target.total()) >= 0 && publicLaw.compareTo(target.publicLaw()) >= 0
				&& businessAndSkill().compareTo(target.businessAndSkill()) >= 0;
	}

	/** What is still missing, in Chinese; empty when complete. */
	public String shortfall() {
		StringBuilder sb = new StringBuilder();
		if (total().compareTo(target.total()) < 0) {
			sb.append("总学时差").append(target.total().subtract(total()).stripTrailingZeros().toPlainString()).append("；");
		}
		if (publicLaw.compareTo(target.publicLaw()) < 0) {
			sb.append("公共法律知识差").append(target.publicLaw().subtract(publicLaw).stripTrailingZeros().toPlainString()).append("；");
		}
		if (businessAndSkill().compareTo(target.businessAndSkill()) < 0) {
			sb.append("业务知识和执法技能差").append(target.businessAndSkill().subtract(businessAndSkill()).stripTrailingZeros().toPlainString()).append("；");
		}
		return sb.length() == 0 ? "" : sb.substring(0, sb.length() - 1);
	}
}
