package zhifa.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import zhifa.casework.CaseDocuments;
import zhifa.casework.CaseEvidence;
import zhifa.casework.CaseNumbers;
import zhifa.casework.EvidenceType;
import zhifa.casework.PartyType;
import zhifa.penalty.ClueSource;
import zhifa.penalty.TriageOutcome;
import zhifa.penalty.decision.Decisions;
import zhifa.penalty.execution.Delivery;
import zhifa.penalty.execution.ExecutionRecords;
import zhifa.penalty.execution.Payments;
import zhifa.penalty.filing.Filing;
import zhifa.penalty.filing.Filing.ClueForm;
import zhifa.penalty.notice.Hearings;
import zhifa.penalty.notice.Notices;
import zhifa.penalty.proposal.Proposals;
import zhifa.penalty.simple.OnTheSpot;
import zhifa.shared.DataScope;
import zhifa.shared.IdNumber;
import zhifa.shared.Uscc;

/**
 * Penalty cases in the stages built so far: a clue awaiting triage, one past its triage period, one filed, one not filed
 * with an education record, and a township clue that cannot be filed because the township has one certified officer.
 * Parties are invented and marked （演示）.
 */
@Component
class CaseDemoData {

	/** The scan of a signed waiver in the demo cases (a one-line PDF marked as demo). */
	private static final zhifa.penalty.notice.Notices.SignedScan DEMO_WAIVER = new zhifa.penalty.notice.Notices.SignedScan(
			"%PDF-1.4\n% 当事人签名的书面放弃陈述申辩声明（演示）\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "书面放弃声明（演示）.pdf",
			"application/pdf");


	private final Filing cases;
	private final CaseNumbers numbers;
	private final CaseEvidence evidence;
	private final Proposals proposals;
	private final Notices notices;
	private final Hearings hearings;
	private final Decisions decisions;
	private final Delivery delivery;
	private final Payments payments;
	private final OnTheSpot onTheSpot;
	private final CaseDocuments documents;
	private final JdbcTemplate jdbc;
	private final Clock clock;
	private final zhifa.identity.Accounts accounts;

	private final zhifa.disclosure.DecisionDisclosures disclosures;

	CaseDemoData(Filing cases, CaseNumbers numbers, CaseEvidence evidence, Proposals proposals, Notices notices, Hearings hearings, Decisions decisions,
			Delivery delivery, Payments payments, OnTheSpot onTheSpot, CaseDocuments documents, JdbcTemplate jdbc, Clock clock,
			zhifa.identity.Accounts accounts, zhifa.disclosure.DecisionDisclosures disclosures) {
		this.disclosures = disclosures;
		this.accounts = accounts;
		this.cases = cases;
		this.numbers = numbers;
		this.evidence = evidence;
		this.proposals = proposals;
		this.notices = notices;
		this.hearings = hearings;
		this.decisions = decisions;
		this.delivery = delivery;
		this.payments = payments;
		this.onTheSpot = onTheSpot;
		this.documents = documents;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void load(Map<String, Long> ids) {
		DataScope all = DataScope.all();
		long market = ids.get("市场监管局");
		long zhefang = ids.get("遮放镇人民政府");
		numbers.setPattern(market, "立案", "芒市监罚立〔{年}〕{号}号");
		numbers.setPattern(market, "决定", "芒市监罚决〔{年}〕{号}号");
		numbers.setPattern(market, "告知", "芒市监罚告〔{年}〕{号}号");
		numbers.setPattern(market, "送达", "芒市监送〔{年}〕{号}号");
		numbers.setPattern(market, "听证", "芒市监罚听〔{年}〕{号}号");
		numbers.setPattern(market, "催告", "芒市监催〔{年}〕{号}号");
		numbers.setPattern(market, "查扣", "芒市监查扣〔{年}〕{号}号");
		numbers.setPattern(market, "保存", "芒市监保存〔{年}〕{号}号");
		numbers.setPattern(ids.get("综合执法局"), "立案", "芒综执罚立〔{年}〕{号}号");
		numbers.setPattern(ids.get("综合执法局"), "决定", "芒综执罚决〔{年}〕{号}号");
		LocalDate today = LocalDate.now(clock);
		long mangshi = 3;
		long zhefangRegion = jdbc.queryForObject("select region_id from body_view where id = ?", Long.class, zhefang);
		String company = "91533103MD" + "0000001";
		company = company.substring(0, 17) + Uscc.checkCharacter(company.substring(0, 17));
		String person = "53310319850612101";
		person = person + IdNumber.checkCharacter(person);

		var filed = cases.registerClue(all, new ClueForm(market, matter("SJ-CF-001"), ClueSource.COMPLAINT, PartyType.ORGANIZATION,
				"芒市某某食品有限公司（演示）", null, company, "德宏州芒市勐焕路88号（演示）", mangshi, "勐焕路农贸市场", today.minusDays(20), null, false,
				"消费者投诉其生产的米线中检出超范围使用的食品添加剂（演示）", today.minusDays(10)), "demo-1", true);
		as("scj.zhifa", () -> cases.requestFiling(all, filed.id(), "经核查，投诉反映的米线经抽检检出超范围使用的食品添加剂，有证据初步证明存在违法行为，属本局管辖且在处罚时效内，建议立案调查（演示）"));
		// the head approves it under his own name (the 立案审批表 prints who signed)
		as("scj.fuze", () -> cases.file(all, filed.id(), List.of(officer("张伟"), officer("岩温")), false, "符合立案条件，同意立案（演示）"));

		var hotline = cases.registerClue(all, new ClueForm(market, matter("SJ-CF-003"), ClueSource.HOTLINE, PartyType.NATURAL_PERSON, "岩某（演示）", person, null,
				"德宏州芒市团结大街某号（演示）", mangshi, "团结大街夜市", today.minusDays(3), null, false, "12345热线转办：夜市摊位未取得食品经营许可从事餐饮服务（演示）", today.minusDays(1)), "demo-2",
				true);
		// the head's 待立案审批 has one clue the officer has asked to file and one he has not looked at yet (demo-3)
		as("scj.zhifa", () -> cases.requestFiling(all, hotline.id(), "经现场核查，当事人在团结大街夜市设摊经营凉米线，未能出示食品经营许可证，有证据初步证明，建议立案调查（演示）"));

		cases.registerClue(all, new ClueForm(market, matter("SJ-CF-002"), ClueSource.INSPECTION, PartyType.ORGANIZATION, "芒市某某商贸有限公司（演示）", null,
				company, null, mangshi, "", today.minusDays(45), null, false, "日常检查发现销售的电线电缆疑似以次充好，待送检（演示）", today.minusDays(40)), "demo-3", true);

		var minor = cases.registerClue(all, new ClueForm(market, matter("SJ-CF-001"), ClueSource.INSPECTION, PartyType.ORGANIZATION,
				"芒市某某餐饮店（演示）", null, company, "德宏州芒市青年路12号（演示）", mangshi, "", today.minusDays(6), null, false, "检查发现自制调味品添加剂标签不全，当场改正（演示）",
				today.minusDays(5)), "demo-4", true);
		cases.decline(all, minor.id(), TriageOutcome.MINOR_CORRECTED, "违法行为轻微并当场改正，没有造成危害后果（演示）",
				"向经营者宣讲食品安全法和食品添加剂使用标准，经营者签字确认已改正（演示）", null);

		// further along: proposed (major case: legal review and collective discussion needed), notified with the party's windows open and
		// a statement awaiting 复核, a hearing requested (the decision period stops), and a decided case
		evidence.addEvidence(all, filed.id(), EvidenceType.SITE_RECORD, "现场检查笔录及照片（演示）", null, null, null, today.minusDays(9),
				"");
		var proposed = filedCase(all, market, "芒市某某调味品厂（演示）", company, today, 12);
		proposals.propose(all, proposed.id(), proposal("调味品中检出超范围使用的防腐剂，货值较大（演示）", 6_500_000L, true));
		var notified = filedCase(all, market, "芒市某某米线店（演示）", company, today, 15);
		proposals.propose(all, notified.id(), proposal("米线中检出超范围使用的添加剂（演示）", 6_000_000L, false));
		notices.issueNotice(all, notified.id(), "经查，当事人生产的米线中检出超范围使用的食品添加剂（演示）");
		notices.serveNotice(all, notified.id(), today, "直接送达", "送达回证（演示）001");
		notices.addStatement(all, notified.id(), today, "添加剂系供货商配好的原料，本店不知情（演示）");
		String person2 = "53310319900315202";
		person2 = person2 + IdNumber.checkCharacter(person2);
		var heard = filedCase(all, market, "岩某某（演示）", null, today, 18, person2);
		proposals.propose(all, heard.id(), proposal("个体经营者超范围使用添加剂（演示）", 6_000_000L, false));
		notices.issueNotice(all, heard.id(), "经查，当事人销售的凉粉中检出超范围使用的着色剂（演示）");
		notices.serveNotice(all, heard.id(), today, "直接送达", "送达回证（演示）002");
		hearings.requestHearing(all, heard.id(), today);
		var decided = filedCase(all, market, "芒市某某副食店（演示）", company, today, 25);
		proposals.propose(all, decided.id(), proposal("销售超范围使用添加剂的食品，当事人认可违法事实（演示）", 6_000_000L, false));
		notices.issueNotice(all, decided.id(), "经查，当事人销售的食品中检出超范围使用的食品添加剂（演示）");
		notices.serveNotice(all, decided.id(), today, "直接送达", "送达回证（演示）003");
		notices.waive(all, decided.id(), "STATEMENT", today, true, DEMO_WAIVER);
		decisions.decide(all, decided.id(), new Decisions.DecisionForm(zhifa.penalty.DecisionOutcome.PENALTY,
				java.util.EnumSet.of(zhifa.discretion.PenaltyType.FINE), 6_000_000L, null, "当事人销售超范围使用食品添加剂的食品，依据食品安全法第一百二十四条（演示）", null));
		// decided, served and under 行政复议 (no late fee accrues meanwhile)
		String company2 = "91533103MD0000002";
		company2 = company2.substring(0, 17) + Uscc.checkCharacter(company2.substring(0, 17));
		var reviewed = filedCase(all, market, "芒市某某食品加工厂（演示）", company2, today, 30);
		proposals.propose(all, reviewed.id(), proposal("生产的腌菜中检出超范围使用的防腐剂（演示）", 6_200_000L, false));
		notices.issueNotice(all, reviewed.id(), "经查，当事人生产的腌菜中检出超范围使用的防腐剂（演示）");
		notices.serveNotice(all, reviewed.id(), today, "直接送达", "送达回证（演示）005");
		notices.waive(all, reviewed.id(), "STATEMENT", today, true, DEMO_WAIVER);
		decisions.decide(all, reviewed.id(), new Decisions.DecisionForm(zhifa.penalty.DecisionOutcome.PENALTY,
				java.util.EnumSet.of(zhifa.discretion.PenaltyType.FINE), 6_200_000L, null, "当事人生产超范围使用食品添加剂的食品，依据食品安全法第一百二十四条（演示）", null));
		delivery.serve(all, reviewed.id(), new ExecutionRecords.ServiceForm(ExecutionRecords.ServiceMethod.MAIL, today, "法定代表人",
				"EMS 回执（演示）", null, "EMS1234567890CN（演示）", null, null, null));
		payments.pay(all, reviewed.id(), today, 1_000_000L, "非税收入缴款码（演示）5331000001");
		delivery.startRemedy(all, reviewed.id(), "REVIEW", today);
		for (var type : List.of("FILING_APPROVAL", "NOTICE", "DECISION", "SERVICE_RECEIPT")) {
			documents.generate(all, reviewed.id(), type);
		}
		// published by the unit's administrator, so the public portal shows a decision from the first start
		var item = disclosures.draft(reviewed.id()).orElseThrow();
		as("scj.admin", () -> disclosures.publish(zhifa.shared.Operator.current(), item.id(), item.version()));

		// the same act of the same party filed again: a second fine is refused (一事不二罚款), shown on the case's gate checklist
		var twice = filedCase(all, market, "芒市某某副食店（演示，同一违法行为）", company, today, 25);
		proposals.propose(all, twice.id(), proposal("与已处罚案件为同一违法行为（演示）", 6_000_000L, false));
		notices.issueNotice(all, twice.id(), "经查，当事人销售的食品中检出超范围使用的食品添加剂（演示）");
		notices.serveNotice(all, twice.id(), today, "直接送达", "送达回证（演示）004");
		notices.waive(all, twice.id(), "STATEMENT", today, true, DEMO_WAIVER);

		// 当场处罚: number ranges for both bureaus and one on-the-spot fine collected and not yet handed in
		long urban = ids.get("综合执法局");
		onTheSpot.allocate(all, market, null, "芒市监当罚", 1, 200);
		var urbanRange = onTheSpot.allocate(all, urban, officer("孙磊"), "芒综执当罚", 1001, 1100);
		String person3 = "53310319750809303";
		person3 = person3 + IdNumber.checkCharacter(person3);
		onTheSpot.decide(all, new OnTheSpot.OnSpotForm(new ClueForm(urban, matter("ZF-CF-001"), ClueSource.INSPECTION, PartyType.NATURAL_PERSON,
				"段某（演示）", person3, null, "德宏州芒市勇罕街某号（演示）", 3L, "团结大街", today, null, false, "在街道上乱扔烟头、纸屑，经劝阻仍不清扫（演示）", today),
				List.of(officer("孙磊"), officer("周杰")), java.util.EnumSet.of(zhifa.discretion.PenaltyType.FINE), 5_000L, urbanRange.id(), 1001, true, false,
				"云南省非税收入票据（演示）0001", "当事人在团结大街乱扔废弃物，依据《城市市容和环境卫生管理条例》第三十四条处罚款50元（演示）"));

		cases.registerClue(all, new ClueForm(zhefang, matter("ZF-CF-001"), ClueSource.INSPECTION, PartyType.NATURAL_PERSON, "李某（演示）", person, null,
				null, zhefangRegion, "遮放镇集贸市场", today.minusDays(2), null, false, "巡查发现在集镇街道乱扔废弃物，拒不清扫（演示）", today.minusDays(2)), "demo-5", true);
	}

	private zhifa.penalty.PenaltyCase filedCase(DataScope all, long market, String party, String uscc, LocalDate today, int daysAgo) {
		return filedCase(all, market, party, uscc, today, daysAgo, null);
	}

	private zhifa.penalty.PenaltyCase filedCase(DataScope all, long market, String party, String uscc, LocalDate today, int daysAgo, String idNumber) {
		var clue = cases.registerClue(all, new ClueForm(market, matter("SJ-CF-001"), ClueSource.INSPECTION,
				idNumber == null ? PartyType.ORGANIZATION : PartyType.NATURAL_PERSON, party, idNumber, uscc, "德宏州芒市勐焕路" + (10 + daysAgo) + "号（演示）", 3L, "", today.minusDays(daysAgo + 5), null, false,
				"日常抽检发现食品添加剂使用不合规（演示）", today.minusDays(daysAgo)), "demo-" + party, true);
		var filed = as("scj.fuze", () -> cases.file(all, clue.id(), List.of(officer("张伟"), officer("岩温")), true, "同意立案（演示）"));
		evidence.addTranscript(all, filed.id(), "INQUIRY", today, "芒市市场监督管理局询问室", party, "当事人对抽检结果和添加剂来源的陈述（演示）");
		return filed;
	}

	private static Proposals.ProposalForm proposal(String report, long fine, boolean major) {
		return new Proposals.ProposalForm(report, java.util.Set.of(), null, java.util.EnumSet.of(zhifa.discretion.PenaltyType.FINE), fine,
				null, null, major, false);
	}

	private long matter(String code) {
		return jdbc.queryForObject("select id from matter_view where code = ?", Long.class, code);
	}

	private long officer(String name) {
		return jdbc.queryForObject("select id from officer_view where name = ?", Long.class, name);
	}

	/**
	 * A step a demo user takes himself (报请立案 and 立案 are signed with the requester's and the approver's names): run as
	 * that user, then as the system again.
	 */
	private void as(String username, Runnable step) {
		as(username, () -> {
			step.run();
			return null;
		});
	}

	private <T> T as(String username, java.util.function.Supplier<T> step) {
		var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
		var user = accounts.loadUserByUsername(username);
		var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
		org.springframework.security.core.context.SecurityContextHolder.setContext(context);
		try {
			return step.get();
		}
		finally {
			org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
		}
	}
}
