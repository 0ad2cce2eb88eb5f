package zhifa.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import zhifa.catalog.Catalogues;
import zhifa.catalog.ItemReview;
import zhifa.catalog.Matter;
import zhifa.catalog.MatterType;
import zhifa.catalog.Matters;
import zhifa.catalog.Matters.MatterForm;
import zhifa.catalog.TownshipPowers;
import zhifa.shared.DataScope;

/**
 * The catalogues of 芒市市场监督管理局 (published twice: version 2 adds and adjusts items) and 芒市综合行政执法局 (under
 * review), a matter without basis and an article both bodies rest on (clean-up proposals), and township powers with an
 * evaluation. Document numbers are marked （演示）: they are not real documents.
 */
@Component
class CatalogueDemoData {

	private static final String DECISION = "芒市人民政府关于赋予乡镇（街道）部分县级行政执法权限的决定（演示）";
	/** The province's decision the county's implements (行政处罚法第二十四条); a demo value, not a real document. */
	private static final String PROVINCE_DECISION = "云南省人民政府关于赋予乡镇人民政府和街道办事处部分县级行政处罚权的决定（演示，文号待核实）";

	private final Matters matters;
	private final Catalogues catalogues;
	private final TownshipPowers townships;

	CatalogueDemoData(Matters matters, Catalogues catalogues, TownshipPowers townships) {
		this.matters = matters;
		this.catalogues = catalogues;
		this.townships = townships;
	}

	void load(Map<String, Long> ids) {
		DataScope all = DataScope.all();
		long market = ids.get("市场监管局");
		long urban = ids.get("综合执法局");
		matter(market, "SJ-CF-001", "对生产经营超范围、超限量使用食品添加剂的食品的行政处罚", MatterType.PENALTY, "MARKET", false, "食品安全法第三十四条",
				"食品安全法第一百二十四条", "SP-124-TJJ");
		Matter adulterated = matter(market, "SJ-CF-002", "对在产品中掺杂、掺假的行政处罚", MatterType.PENALTY, "MARKET", false, "产品质量法第三十二条", "产品质量法第五十条", null);
		matter(market, "SJ-JC-001", "食品生产经营日常监督检查", MatterType.INSPECTION, "MARKET", true, null, "食品安全法第一百一十条", null);
		publish(market, "首次编制本单位执法事项目录（演示）");

		matter(market, "SJ-CF-003", "对未取得食品生产经营许可从事食品生产经营活动的行政处罚", MatterType.PENALTY, "MARKET", false, "食品安全法第三十五条", "食品安全法第一百二十二条", null);
		matters.update(all, adulterated.id(), new MatterForm(market, adulterated.code(), "对在产品中掺杂、掺假，以假充真、以次充好的行政处罚",
				MatterType.PENALTY, "MARKET", false, List.of(), List.of(), List.of("产品质量法第三十二条"), List.of("产品质量法第五十条")));
		publish(market, "根据执法实践调整事项名称并新增无证经营处罚事项（演示）");
		matter(market, "SJ-QT-009", "对集贸市场摊位费收取的检查（待清理）", MatterType.INSPECTION, "MARKET", false, null, null, null);

		matter(urban, "ZF-CF-001", "对随地吐痰、乱扔废弃物的行政处罚", MatterType.PENALTY, "URBAN", true, "城市市容和环境卫生管理条例第三十二条", "城市市容和环境卫生管理条例第三十四条",
				"CS-34-LRFQ");
		matter(urban, "ZF-CF-002", "对擅自占用道路摆摊设点影响市容的行政处罚", MatterType.PENALTY, "URBAN", true, "城市市容和环境卫生管理条例第十四条", "城市市容和环境卫生管理条例第三十六条",
				null);
		matter(urban, "ZF-CF-003", "对未取得食品经营许可从事食品销售、餐饮服务的行政处罚", MatterType.PENALTY, "URBAN", false, "食品安全法第三十五条", "食品安全法第一百二十二条", null);
		publish(urban, "首次编制本单位执法事项目录（演示）");
		matter(urban, "ZF-CF-004", "对损坏环境卫生设施的行政处罚", MatterType.PENALTY, "URBAN", true, null, "城市市容和环境卫生管理条例第三十八条", null);
		var open = catalogues.submit(all, urban, "新增损坏环卫设施处罚事项（演示）");
		catalogues.review(all, open.id(), "ZF-CF-001", new ItemReview(true, true, true, "依据明确"));

		long zhefang = ids.get("遮放镇人民政府");
		long mangshiTown = ids.get("芒市镇人民政府");
		long mengga = ids.get("勐戛镇人民政府");
		Matter litter = byCode(urban, "ZF-CF-001");
		Matter stalls = byCode(urban, "ZF-CF-002");
		Matter foodInspection = byCode(market, "SJ-JC-001");
		LocalDate decided = LocalDate.of(2024, 3, 1);
		for (long t : List.of(zhefang, mangshiTown, mengga)) {
			townships.delegate(all, new TownshipPowers.Delegate(t, litter.id(), DECISION, "芒政发〔2024〕8号（演示）", decided, "乡镇日常管理中发现多、处置快",
					PROVINCE_DECISION), true);
			townships.delegate(all, new TownshipPowers.Delegate(t, stalls.id(), DECISION, "芒政发〔2024〕8号（演示）", decided, "乡镇日常管理中发现多、处置快",
					PROVINCE_DECISION), true);
		}
		townships.delegate(all, new TownshipPowers.Delegate(zhefang, foodInspection.id(), DECISION, "芒政发〔2024〕8号（演示）", decided,
				"边境口岸集镇食品经营户多，就近检查", null), true);
		var stallsAtMengga = townships.delegations(all, mengga).stream().filter(d -> d.matterId() == stalls.id()).findFirst().orElseThrow();
		townships.withdraw(all, stallsAtMengga.id(), LocalDate.of(2025, 6, 30), "评估认为勐戛镇承接能力不足，2025年7月起由市综合行政执法局实施（演示）");
		townships.addEvaluation(all, zhefang, new TownshipPowers.NewEvaluation(2025, "德宏某咨询评估中心（演示）", new BigDecimal("86.5"),
				"承接事项办理规范，执法人员持证率达标；流动摊贩处置记录不够完整。", LocalDate.of(2025, 12, 20)), true);
		townships.addFeedback(all, zhefang, new TownshipPowers.NewFeedback(LocalDate.of(2025, 9, 12), TownshipPowers.Channel.HOTLINE,
				TownshipPowers.Satisfaction.SATISFIED, "集镇占道问题处理及时。"), true);
		townships.addFeedback(all, zhefang, new TownshipPowers.NewFeedback(LocalDate.of(2025, 10, 8), TownshipPowers.Channel.MEETING,
				TownshipPowers.Satisfaction.BASIC, "希望执法前多做宣传提醒。"), true);
		townshipInspection(zhefang);
	}

	/**
	 * 遮放镇's own 行政检查 matter in a catalogue of its own, so that a joint inspection (综合查一次) with the market bureau
	 * can be tried from the demo data; added once to a demo database from before it existed.
	 */
	void townshipInspection(long zhefang) {
		if (matters.list(DataScope.all(), zhefang, null).stream().anyMatch(m -> m.code().equals("ZFZ-JC-001"))) {
			return;
		}
		matter(zhefang, "ZFZ-JC-001", "集镇食品经营户日常巡查", MatterType.INSPECTION, "TOWNSHIP", false, null, "食品安全法第一百一十条", null);
		publish(zhefang, "编制乡镇执法事项目录（演示）");
	}

	/**
	 * A demo matter: a penalty matter names its violated and its punishing clause (one article that both forbids and
	 * punishes is given as the punishing clause only); other matters their basis as the second.
	 */
	private Matter matter(long body, String code, String name, MatterType type, String domain, boolean township, String violated, String basis,
			String violation) {
		boolean penalty = type == MatterType.PENALTY;
		return matters.create(DataScope.all(), new MatterForm(body, code, name, type, domain, township, basis == null || penalty ? List.of() : List.of(basis),
				violation == null ? List.of() : List.of(violation), violated == null ? List.of() : List.of(violated),
				basis == null || !penalty ? List.of() : List.of(basis)), true);
	}

	private Matter byCode(long body, String code) {
		return matters.list(DataScope.all(), body, null).stream().filter(m -> m.code().equals(code)).findFirst().orElseThrow();
	}

	/** Submits the working catalogue and passes every item: what the justice bureau did for these demo catalogues. */
	private void publish(long body, String note) {
		DataScope all = DataScope.all();
		var s = catalogues.submit(all, body, note);
		for (var item : catalogues.submissionItems(s.id())) {
			catalogues.review(all, s.id(), item.entry().code(), new ItemReview(true, true, true, "有法定依据，设定合理，确有必要"));
		}
		catalogues.publish(all, s.id(), "审查通过，予以发布（演示）");
	}
}
