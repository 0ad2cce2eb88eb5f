package zhifa.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;

import org.springframework.stereotype.Component;

import zhifa.discretion.BenchmarkForm;
import zhifa.discretion.BenchmarkLevel;
import zhifa.discretion.Benchmarks;
import zhifa.discretion.PenaltyType;
import zhifa.discretion.Tier;

/**
 * A three-level benchmark chain (云南省 → 德宏州 → 芒市) for a food-safety violation and a two-level one for an
 * urban-management violation. The amounts are illustrative demo values inside the statutory ranges, not published benchmarks.
 */
@Component
class DiscretionDemoData {

	private static final long YUNNAN = 1, DEHONG = 2, MANGSHI = 3;

	private final Benchmarks benchmarks;
	private final zhifa.discretion.LeniencyLists lists;

	DiscretionDemoData(Benchmarks benchmarks, zhifa.discretion.LeniencyLists lists) {
		this.benchmarks = benchmarks;
		this.lists = lists;
	}

	void load() {
		String food = "SP-124-TJJ";
		String foodViolation = "生产经营超范围、超限量使用食品添加剂的食品（货值金额不足一万元）";
		String foodArticle = "食品安全法第三十四条第一款第(四)项";
		String foodPenalty = "食品安全法第一百二十四条第一款第(三)项";
		var fine = EnumSet.of(PenaltyType.FINE, PenaltyType.CONFISCATE_GAINS, PenaltyType.CONFISCATE_PROPERTY);
		var heavy = EnumSet.of(PenaltyType.FINE, PenaltyType.CONFISCATE_GAINS, PenaltyType.CONFISCATE_PROPERTY, PenaltyType.REVOKE_LICENCE);
		save(BenchmarkLevel.PROVINCE, YUNNAN, food, foodViolation, "MARKET", foodArticle, foodPenalty, "云市监规〔2023〕（演示）",
				tier(Tier.LIGHTER, "主动消除或者减轻危害后果等法定从轻情节", fine, 50_000, 60_000),
				tier(Tier.GENERAL, "无从轻、从重情节", fine, 60_000, 80_000),
				tier(Tier.HEAVIER, "造成危害后果、多次违法等情节", heavy, 80_000, 100_000));
		save(BenchmarkLevel.PREFECTURE, DEHONG, food, foodViolation, "MARKET", foodArticle, foodPenalty, "德市监规〔2024〕（演示）",
				tier(Tier.LIGHTER, "主动消除或者减轻危害后果等法定从轻情节", fine, 50_000, 55_000),
				tier(Tier.GENERAL, "无从轻、从重情节", fine, 60_000, 75_000),
				tier(Tier.HEAVIER, "造成危害后果、多次违法等情节", heavy, 80_000, 100_000));
		save(BenchmarkLevel.COUNTY, MANGSHI, food, foodViolation, "MARKET", foodArticle, foodPenalty, "芒市监规〔2024〕（演示）",
				tier(Tier.LIGHTER, "主动消除或者减轻危害后果等法定从轻情节", fine, 50_000, 52_000),
				tier(Tier.GENERAL, "无从轻、从重情节", fine, 60_000, 70_000),
				tier(Tier.HEAVIER, "造成危害后果、多次违法等情节", heavy, 85_000, 100_000));

		String litter = "CS-34-LRFQ";
		String litterViolation = "随地吐痰、便溺，乱扔果皮、纸屑和烟头等废弃物";
		// 第三十二条 forbids it (as the catalogue's ZF-CF-001 says), 第三十四条 punishes it
		String litterArticle = "城市市容和环境卫生管理条例第三十二条";
		String litterPenalty = "城市市容和环境卫生管理条例第三十四条第一款第(一)项";
		save(BenchmarkLevel.PROVINCE, YUNNAN, litter, litterViolation, "URBAN", litterArticle, litterPenalty, "云住建规〔2023〕（演示）",
				tier(Tier.NO_PENALTY, "初次违法、危害后果轻微并当场改正", EnumSet.noneOf(PenaltyType.class), null, null),
				tier(Tier.LIGHTER, "及时清除", EnumSet.of(PenaltyType.WARNING, PenaltyType.FINE), 0, 50),
				tier(Tier.GENERAL, "无从轻、从重情节", EnumSet.of(PenaltyType.WARNING, PenaltyType.FINE), 20, 100),
				tier(Tier.HEAVIER, "拒不改正或者多次违法", EnumSet.of(PenaltyType.FINE), 50, 200));
		save(BenchmarkLevel.COUNTY, MANGSHI, litter, litterViolation, "URBAN", litterArticle, litterPenalty, "芒综执规〔2024〕（演示）",
				tier(Tier.NO_PENALTY, "初次违法、危害后果轻微并当场改正", EnumSet.noneOf(PenaltyType.class), null, null),
				tier(Tier.LIGHTER, "及时清除", EnumSet.of(PenaltyType.WARNING), null, null),
				tier(Tier.GENERAL, "无从轻、从重情节", EnumSet.of(PenaltyType.WARNING, PenaltyType.FINE), 20, 50),
				tier(Tier.HEAVIER, "拒不改正或者多次违法", EnumSet.of(PenaltyType.FINE), 50, 200));

		lists.add(new zhifa.discretion.LeniencyLists.NewItem(zhifa.discretion.LeniencyType.NO_PENALTY, YUNNAN, litter, litterViolation,
				"行政处罚法第三十三条第一款", EnumSet.of(zhifa.discretion.Circumstance.FIRST_OFFENCE, zhifa.discretion.Circumstance.MINOR_HARM,
						zhifa.discretion.Circumstance.CORRECTED),
				"初次违法、危害后果轻微并当场清除", "利用重大活动、突发事件期间故意违法的除外", "进行批评教育并记录在案",
				"云南省住房和城乡建设厅", "云住建规〔2023〕（演示）", LocalDate.of(2024, 1, 1), null), true);
		lists.add(new zhifa.discretion.LeniencyLists.NewItem(zhifa.discretion.LeniencyType.LIGHTER, MANGSHI, food, foodViolation,
				"行政处罚法第三十二条第（一）项", EnumSet.of(zhifa.discretion.Circumstance.ELIMINATED_HARM),
				"主动召回并销毁问题食品，未造成人身损害", "婴幼儿食品、学校食堂供餐的除外", "责令改正并签订守法承诺书",
				"芒市市场监督管理局", "芒市监规〔2024〕2号（演示）", LocalDate.of(2024, 1, 1), null), true);
		lists.addThreshold("MARKET", YUNNAN, zhifa.casework.PartyType.NATURAL_PERSON, 1_000_000L,
				"市场监督管理行政处罚听证办法第五条（示例值，待核实）", LocalDate.of(2021, 7, 15), "演示数据", true);
		lists.addThreshold("MARKET", YUNNAN, zhifa.casework.PartyType.ORGANIZATION, 10_000_000L,
				"市场监督管理行政处罚听证办法第五条（示例值，待核实）", LocalDate.of(2021, 7, 15), "演示数据", true);
	}

	private static BenchmarkForm.TierForm tier(Tier tier, String conditions, EnumSet<PenaltyType> types, Integer minYuan, Integer maxYuan) {
		BenchmarkForm.TierForm t = new BenchmarkForm.TierForm();
		t.setTier(tier);
		t.setEnabled(true);
		t.setConditions(conditions);
		t.setTypes(types);
		t.setMinFineYuan(minYuan == null ? null : BigDecimal.valueOf(minYuan));
		t.setMaxFineYuan(maxYuan == null ? null : BigDecimal.valueOf(maxYuan));
		return t;
	}

	private void save(BenchmarkLevel level, long region, String code, String violation, String domain, String article, String penalty,
			String document, BenchmarkForm.TierForm... tiers) {
		BenchmarkForm f = BenchmarkForm.blank();
		f.setLevel(level);
		f.setRegionId(region);
		f.setViolationCode(code);
		f.setViolation(violation);
		f.setDomainCode(domain);
		f.setViolatedArticle(article);
		f.setPenaltyArticle(penalty);
		f.setDocumentNumber(document);
		f.setEffectiveFrom(LocalDate.of(2024, 1, 1));
		f.setPublished(true);
		f.setTiers(java.util.List.of(tiers));
		benchmarks.save(null, f);
	}
}
