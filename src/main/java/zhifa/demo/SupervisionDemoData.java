package zhifa.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import zhifa.supervision.ActReport;
import zhifa.supervision.Ledger;

/**
 * Acts reported to the supervision ledger by two departments' own systems (a 公安 and a 交通运输 case-handling system,
 * 演示): a year of ordinary decisions so the dashboard has trends, and acts that break the law in the ways the alert
 * rules look for — filed late, a single officer, a certificate lapsed on the day, a decision served late, ninety days
 * overrun, a large fine without the hearing right, no legal review, unpaid past due, a clue never decided on, and the
 * same party fined again and again (以罚代管). They are written to the ledger directly: the two bodies have no published
 * catalogue in the demo, which the exchange API's checks require.
 */
@Component
class SupervisionDemoData {

	static final String POLICE = "DEMO-GA";
	static final String TRANSPORT = "DEMO-JT";

	private final Ledger ledger;
	private final Clock clock;

	SupervisionDemoData(Ledger ledger, Clock clock) {
		this.ledger = ledger;
		this.clock = clock;
	}

	/** One reported act; dates as days before today (null: the step has not happened). */
	private record Demo(String source, String id, long body, String matter, String matterName, String party, String partyKey, Integer received,
			Integer filed, Integer noticed, boolean hearingRight, boolean reviewRequired, boolean reviewPassed, Integer decided, Long fine,
			Integer served, long paid, List<String> officers, int valid) {
	}

	void load(Map<String, Long> ids) {
		long police = ids.get("公安局");
		long transport = ids.get("交通局");
		String ga = "GA-ZA-001";
		String gaName = "对违反治安管理行为的行政处罚（演示）";
		String jt = "JT-YS-001";
		String jtName = "对道路运输违法行为的行政处罚（演示）";
		List<String> two = List.of("演示警号-0001", "演示警号-0002");
		List<String> jtTwo = List.of("53000020220010（演示）", "53000020220011（演示）");
		// ordinary decisions through the year, so the trends have something to show; paid in full and closed ten days after
		// service (a case-file review has closed files to draw), except the two still before a court or a review
		for (int i = 0; i < 10; i++) {
			int d = 20 + i * 30;
			record(new Demo(POLICE, "GA-2026-" + (100 + i), police, ga, gaName, "当事人" + (char) ('甲' + i) + "（演示）", "P:DEMO-GA-" + i, d + 25, d + 23,
					d + 15, false, false, false, d, 50_000L + i * 10_000L, d - 1, 50_000L + i * 10_000L, two, 2), null, null, i == 6 ? null : d - 11);
			record(new Demo(TRANSPORT, "JT-2026-" + (100 + i), transport, jt, jtName, "芒市某运输公司" + (i + 1) + "（演示）", "U:DEMO-JT-" + i, d + 25, d + 23,
					d + 15, false, false, false, d, 200_000L + i * 20_000L, d - 2, 200_000L + i * 20_000L, jtTwo, 2), null, null, i == 5 ? null : d - 12);
		}
		// filed long after the triage period (立案审查十五个工作日)
		record(new Demo(POLICE, "GA-2026-001", police, ga, gaName, "王某（演示）", "P:DEMO-GA-WANG", 90, 50, 45, false, false, false, 20, 50_000L, 19, 50_000L,
				two, 2));
		// one officer only (行政处罚法第四十二条)
		record(new Demo(POLICE, "GA-2026-002", police, ga, gaName, "李某（演示）", "P:DEMO-GA-LI", 60, 58, 54, false, false, false, 40, 20_000L, 39, 20_000L,
				List.of("演示警号-0001"), 1));
		// decision served eleven working days late (行政处罚法第六十一条: seven working days)
		record(new Demo(POLICE, "GA-2026-003", police, ga, gaName, "赵某（演示）", "P:DEMO-GA-ZHAO", 55, 53, 48, false, false, false, 30, 30_000L, 10, 0L,
				two, 2));
		// decided 105 days after filing (行政处罚法第六十条)
		record(new Demo(POLICE, "GA-2026-004", police, ga, gaName, "孙某（演示）", "P:DEMO-GA-SUN", 152, 150, 60, false, false, false, 45, 100_000L, 44,
				100_000L, two, 2));
		// the same party fined again and again for the same violation, nothing rectified (以罚代管)
		for (int i = 0; i < 3; i++) {
			int d = 25 + i * 35;
			record(new Demo(POLICE, "GA-2026-01" + i, police, ga, gaName, "芒市某歌舞厅（演示）", "U:DEMO-GA-KTV", d + 20, d + 18, d + 15, false, false, false, d,
					200_000L, d - 1, 200_000L, two, 2));
		}
		// a fine of 120,000 yuan (above the organisations' 较大数额 of 100,000) without telling the company of its hearing right (行政处罚法第六十三条)
		record(new Demo(TRANSPORT, "JT-2026-001", transport, jt, jtName, "芒市某客运公司（演示）", "U:DEMO-JT-KY", 45, 43, 32, false, false, false, 20,
				12_000_000L, 19, 0L, jtTwo, 2));
		// a major case decided without the legal review it needed (行政处罚法第五十八条)
		record(new Demo(TRANSPORT, "JT-2026-002", transport, jt, jtName, "芒市某物流公司（演示）", "U:DEMO-JT-WL", 60, 58, 47, true, true, false, 35,
				3_000_000L, 34, 3_000_000L, jtTwo, 2));
		// served forty days ago and still unpaid (行政处罚法第六十七条、第七十二条)
		record(new Demo(TRANSPORT, "JT-2026-003", transport, jt, jtName, "芒市某货运车队（演示）", "U:DEMO-JT-HY", 70, 68, 60, false, false, false, 45,
				800_000L, 40, 0L, jtTwo, 2));
		// one of the two officers' certificates had lapsed on the day
		record(new Demo(TRANSPORT, "JT-2026-004", transport, jt, jtName, "芒市某驾校（演示）", "U:DEMO-JT-JX", 40, 38, 30, false, false, false, 15, 100_000L,
				14, 100_000L, jtTwo, 1));
		// a theft of goods worth 8,000 yuan (returned to the owner) settled with a fine instead of a transfer to the judicial organs (以罚代刑)
		record(new Demo(POLICE, "GA-2026-005", police, ga, gaName, "周某（演示）", "P:DEMO-GA-ZHOU", 50, 48, 40, true, false, false, 30, 100_000L, 29,
				100_000L, two, 2), 800_000L, null);
		// this quarter the transport bureau's identifiable fines fell on companies registered elsewhere (趋利性执法: 外地当事人)
		String[][] outsiders = { { "四川某物流有限公司（演示）", "91510100MA6CD7Q01" }, { "广东某货运有限公司（演示）", "91440100MA5CD7Q02" },
				{ "贵州某运输有限公司（演示）", "91520100MA6CD7Q03" } };
		for (int i = 0; i < outsiders.length; i++) {
			String uscc = outsiders[i][1] + zhifa.shared.Uscc.checkCharacter(outsiders[i][1]);
			record(new Demo(TRANSPORT, "JT-2026-02" + i, transport, jt, jtName, outsiders[i][0], "U:" + uscc, 30 + i * 10, 28 + i * 10, 20 + i * 10, false,
					false, false, 12 + i * 10, 2_000_000L, 11 + i * 10, 2_000_000L, jtTwo, 2), null, uscc);
		}
		// a clue received forty days ago with no filing decision (有案不立)
		record(new Demo(TRANSPORT, "JT-2026-005", transport, jt, jtName, "举报：芒市某出租车公司（演示）", "U:DEMO-JT-CZ", 40, null, null, false, false, false,
				null, null, null, 0L, List.of(), 0));
	}

	private void record(Demo d) {
		record(d, null, null, null);
	}

	private void record(Demo d, Long involvedAmount, String partyMasked) {
		record(d, involvedAmount, partyMasked, null);
	}

	/** With the amount involved (涉案金额, in fen), the party's identifier as the ledger keeps it, and the day it was closed. */
	private void record(Demo d, Long involvedAmount, String partyMasked, Integer closedDaysAgo) {
		LocalDate today = LocalDate.now(clock);
		boolean decided = d.decided() != null;
		String stage = closedDaysAgo != null ? "CLOSED" : decided ? "DECIDED" : d.filed() != null ? "FILED" : "CLUE";
		ActReport r = new ActReport(d.source(), d.id(), 1, d.body(), "PENALTY", d.matter(), d.matterName(),
				d.source().equals(POLICE) ? "芒公（治）行罚决字〔2026〕" + d.id().substring(8) + "号（演示）" : "芒交运罚〔2026〕" + d.id().substring(8) + "号（演示）",
				d.partyKey().startsWith("U:") ? "ORGANIZATION" : "NATURAL_PERSON", d.party(), partyMasked, d.partyKey(), null, stage, day(today, d.received(), 3),
				day(today, d.received(), 0), day(today, d.filed(), 0), day(today, d.noticed(), 0), day(today, d.noticed(), -10), null, d.hearingRight(), false,
				false, d.reviewRequired(), d.reviewPassed(), day(today, d.decided(), 0), decided ? "PENALTY" : null, null, d.fine(), null, null,
				day(today, d.served(), 0), d.paid(), day(today, closedDaysAgo, 0), d.officers(), d.valid(), true, remedies(d, today).withInvolvedAmount(involvedAmount));
		ledger.record(r);
	}

	/** A few of the year's decisions were challenged: a court revoked one, a review upheld one, one review is under way. */
	private static ActReport.Details remedies(Demo d, LocalDate today) {
		String[] r = switch (d.id()) {
			case "JT-2026-105" -> new String[] { "LITIGATION", "REVOKED" };
			case "GA-2026-104" -> new String[] { "REVIEW", "UPHELD" };
			case "GA-2026-106" -> new String[] { "REVIEW", null };
			default -> null;
		};
		if (r == null || d.decided() == null) {
			return ActReport.Details.NONE;
		}
		return ActReport.Details.NONE.withRemedies(List.of(new ActReport.Remedy(r[0], day(today, d.decided(), -20), r[1] == null ? null
				: day(today, d.decided(), -80), r[1])));
	}

	/** {@code daysAgo} before today, moved {@code earlier} days further back (negative: later); null stays null. */
	private static LocalDate day(LocalDate today, Integer daysAgo, int earlier) {
		return daysAgo == null ? null : today.minusDays(daysAgo + earlier);
	}
}
