package zhifa.discretion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** What an editor enters for a benchmark item: amounts in yuan on screen, stored in fen. One row per tier. */
public class BenchmarkForm {
	private BenchmarkLevel level;
	private Long regionId;
	private Long bodyId;
	private String violationCode;
	private String violation;
	private String domainCode;
	private String violatedArticle;
	private String penaltyArticle;
	private String documentNumber;
	private LocalDate effectiveFrom;
	private LocalDate effectiveTo;
	private boolean published;
	/** A new benchmark that revises an earlier one in force: the earlier one stops on the day this one takes effect. */
	private Long revises;
	private List<TierForm> tiers = new ArrayList<>();

	/** One tier row. */
	public static class TierForm {
		private Tier tier;
		private boolean enabled;
		private String conditions;
		private Set<PenaltyType> types = EnumSet.noneOf(PenaltyType.class);
		private BigDecimal minFineYuan;
		private BigDecimal maxFineYuan;
		private BigDecimal minMultiple;
		private BigDecimal maxMultiple;

		public Tier getTier() { return tier; }
		public void setTier(Tier v) { tier = v; }
		public boolean isEnabled() { return enabled; }
		public void setEnabled(boolean v) { enabled = v; }
		public String getConditions() { return conditions; }
		public void setConditions(String v) { conditions = v; }
		public Set<PenaltyType> getTypes() { return types; }
		public void setTypes(Set<PenaltyType> v) { types = v == null ? EnumSet.noneOf(PenaltyType.class) : v; }
		public BigDecimal getMinFineYuan() { return minFineYuan; }
		public void setMinFineYuan(BigDecimal v) { minFineYuan = v; }
		public BigDecimal getMaxFineYuan() { return maxFineYuan; }
		public void setMaxFineYuan(BigDecimal v) { maxFineYuan = v; }
		public BigDecimal getMinMultiple() { return minMultiple; }
		public void setMinMultiple(BigDecimal v) { minMultiple = v; }
		public BigDecimal getMaxMultiple() { return maxMultiple; }
		public void setMaxMultiple(BigDecimal v) { maxMultiple = v; }

		TierRule toRule() {
			return new TierRule(tier, conditions == null ? "" : conditions.strip(), types, fen(minFineYuan), fen(maxFineYuan), minMultiple, maxMultiple);
		}

		private static Long fen(BigDecimal yuan) {
			return zhifa.shared.Money.fen(yuan == null ? null : yuan.setScale(2, java.math.RoundingMode.HALF_UP), "tiers");
		}
	}

	/** A form with one (disabled) row per tier, for a new item. */
	public static BenchmarkForm blank() {
		BenchmarkForm f = new BenchmarkForm();
		for (Tier t : Tier.values()) {
			TierForm row = new TierForm();
			row.setTier(t);
			f.tiers.add(row);
		}
		return f;
	}

	public static BenchmarkForm of(Benchmark b) {
		BenchmarkForm f = blank();
		f.level = b.level();
		f.regionId = b.regionId();
		f.bodyId = b.bodyId();
		f.violationCode = b.violationCode();
		f.violation = b.violation();
		f.domainCode = b.domainCode();
		f.violatedArticle = b.violatedArticle();
		f.penaltyArticle = b.penaltyArticle();
		f.documentNumber = b.documentNumber();
		f.effectiveFrom = b.effectiveFrom();
		f.effectiveTo = b.effectiveTo();
		f.published = b.published();
		for (TierForm row : f.tiers) {
			TierRule r = b.tier(row.getTier());
			if (r != null) {
				row.setEnabled(true);
				row.setConditions(r.conditions());
				row.setTypes(r.types().isEmpty() ? EnumSet.noneOf(PenaltyType.class) : EnumSet.copyOf(r.types()));
				row.setMinFineYuan(r.minFine() == null ? null : BigDecimal.valueOf(r.minFine()).movePointLeft(2));
				row.setMaxFineYuan(r.maxFine() == null ? null : BigDecimal.valueOf(r.maxFine()).movePointLeft(2));
				row.setMinMultiple(r.minMultiple());
				row.setMaxMultiple(r.maxMultiple());
			}
		}
		return f;
	}

	List<TierRule> rules() {
		return tiers.stream().filter(TierForm::isEnabled).filter(t -> t.getTier() != null).map(TierForm::toRule).toList();
	}

	public BenchmarkLevel getLevel() { return level; }
	public void setLevel(BenchmarkLevel v) { level = v; }
	public Long getRegionId() { return regionId; }
	public void setRegionId(Long v) { regionId = v; }
	public Long getBodyId() { return bodyId; }
	public void setBodyId(Long v) { bodyId = v; }
	public String getViolationCode() { return violationCode; }
	public void setViolationCode(String v) { violationCode = v; }
	public String getViolation() { return violation; }
	public void setViolation(String v) { violation = v; }
	public String getDomainCode() { return domainCode; }
	public void setDomainCode(String v) { domainCode = v; }
	public String getViolatedArticle() { return violatedArticle; }
	public void setViolatedArticle(String v) { violatedArticle = v; }
	public String getPenaltyArticle() { return penaltyArticle; }
	public void setPenaltyArticle(String v) { penaltyArticle = v; }
	public String getDocumentNumber() { return documentNumber; }
	public void setDocumentNumber(String v) { documentNumber = v; }
	public LocalDate getEffectiveFrom() { return effectiveFrom; }
	public void setEffectiveFrom(LocalDate v) { effectiveFrom = v; }
	public Long getRevises() { return revises; }
	public void setRevises(Long v) { revises = v; }
	public LocalDate getEffectiveTo() { return effectiveTo; }
	public void setEffectiveTo(LocalDate v) { effectiveTo = v; }
	public boolean isPublished() { return published; }
	public void setPublished(boolean v) { published = v; }
	public List<TierForm> getTiers() { return tiers; }
	public void setTiers(List<TierForm> v) { tiers = v == null ? new ArrayList<>() : v; }
}
