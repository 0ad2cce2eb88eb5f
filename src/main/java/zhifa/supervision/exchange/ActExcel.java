package zhifa.supervision.exchange;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.Excel;
import zhifa.shared.Money;

/**
 * The Excel form of a report for departments without a system: one row per act, Chinese headers, amounts in yuan,
 * dates as 2026-03-05 (or 2026/3/5), several certificate numbers separated by 、 or commas. A row that cannot be read
 * is refused with its row number like any other invalid record.
 */
public final class ActExcel {

	/** The columns in order: header and the JSON field it fills. */
	public static final List<String[]> COLUMNS = List.of(new String[] { "外部编号", "externalId" }, new String[] { "版本号", "version" },
			new String[] { "执法主体代码（统一社会信用代码）", "bodyCode" }, new String[] { "行为类别", "kind" }, new String[] { "事项编码", "matterCode" },
			new String[] { "案件编号", "caseNumber" }, new String[] { "当事人类型", "partyKind" }, new String[] { "当事人名称", "partyName" },
			new String[] { "统一社会信用代码", "partyUscc" }, new String[] { "身份证号码", "partyIdNumber" }, new String[] { "证件号（脱敏）", "partyMasked" },
			new String[] { "办理阶段", "stage" }, new String[] { "违法行为日期", "actDate" }, new String[] { "收到日期", "receivedOn" },
			new String[] { "立案日期", "filedOn" }, new String[] { "告知书送达日期", "noticeServedOn" }, new String[] { "陈述申辩期限", "statementDue" },
			new String[] { "听证申请期限", "hearingDue" }, new String[] { "告知听证权利", "hearingRight" }, new String[] { "申请听证", "hearingRequested" },
			new String[] { "举行听证", "hearingHeld" }, new String[] { "须法制审核", "legalReviewRequired" }, new String[] { "法制审核通过", "legalReviewPassed" },
			new String[] { "决定日期", "decidedOn" }, new String[] { "决定结果", "decisionOutcome" }, new String[] { "决定书文号", "decisionNumber" },
			new String[] { "罚款（元）", "fine" }, new String[] { "没收违法所得（元）", "gains" }, new String[] { "没收财物价值（元）", "propertyValue" },
			new String[] { "决定书送达日期", "decisionServedOn" }, new String[] { "已缴金额（元）", "paidTotal" }, new String[] { "结案日期", "closedOn" },
			new String[] { "执法证号（多个以、分隔）", "officerCertificates" }, new String[] { "行政复议结果", "reviewOutcome" },
			new String[] { "行政诉讼结果", "litigationOutcome" }, new String[] { "涉案金额（元，销售金额、货值、盗窃数额等）", "involvedAmount" });

	/** Columns were only ever added at the end: a sheet filled on an earlier template has at least these, the rest empty. */
	private static final int EARLIER_COLUMNS = 33;

	private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/M/d");
	private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("yyyy.M.d");

	private ActExcel() {
	}

	/** The header row of the current template, or of an earlier one (a prefix of it, the rest empty). */
	private static boolean earlierOrCurrent(List<String> header) {
		int n = header.size();
		while (n > 0 && header.get(n - 1).isBlank()) {
			n--;
		}
		return n >= EARLIER_COLUMNS && header.subList(0, n).equals(headers().subList(0, n));
	}

	public static List<String> headers() {
		return COLUMNS.stream().map(c -> c[0]).toList();
	}

	/** The template with one example row. */
	public static byte[] template() {
		// the coded columns in words, as a clerk fills them (the codes are read too)
		List<String> example = List.of("JT-2026-0001", "1", "（本单位统一社会信用代码）", OurCodes.KINDS.get("PENALTY"), "（目录中的事项编码）", "芒交罚〔2026〕1号",
				OurCodes.PARTY_KINDS.get("ORGANIZATION"), "某某运输有限公司",
				"（18位统一社会信用代码）", "", "", OurCodes.STAGES.get("DECIDED"), "2026-03-02", "2026-03-02", "2026-03-04", "2026-03-10", "2026-03-15", "2026-03-15", "是", "否", "否",
				"否", "否", "2026-03-20", OurCodes.OUTCOMES.get("PENALTY"), "芒交罚决〔2026〕1号", "2000.00", "", "", "2026-03-22", "0", "", "53000020240001、53000020240002", "", "", "");
		return Excel.workbook("执法行为", headers(), List.of(Excel.sample(example)));
	}

	/** Reads the rows of an upload (row numbers as in the sheet, the header being row 1); refuses a sheet with other headers. */
	public static List<ActExchange.Incoming> read(byte[] bytes) {
		List<List<String>> rows = Excel.read(new ByteArrayInputStream(bytes), COLUMNS.size());
		if (rows.isEmpty() || !earlierOrCurrent(rows.get(0))) {
			throw BusinessRuleViolation.onField("file", "表头与模板不一致，请下载模板填写（第1行为表头，共" + COLUMNS.size() + "列）");
		}
		List<ActExchange.Incoming> out = new ArrayList<>();
		for (int i = 1; i < rows.size(); i++) {
			List<String> r = rows.get(i);
			if (r.stream().allMatch(String::isBlank)) {
				continue;
			}
			List<ReportError> errors = new ArrayList<>();
			Reader x = new Reader(r, errors);
			ReportedAct act = new ReportedAct(x.text(0), x.number(1), x.text(2), x.code(3, OurCodes.KINDS), x.text(4), x.text(5), x.code(6, OurCodes.PARTY_KINDS),
					x.text(7), x.text(8), x.text(9), x.text(10), x.code(11, OurCodes.STAGES), x.date(12), x.date(13), x.date(14), x.date(15), x.date(16), x.date(17), x.yes(18), x.yes(19), x.yes(20), x.yes(21),
					x.yes(22), x.date(23), x.code(24, OurCodes.OUTCOMES), x.text(25), x.yuan(26), x.yuan(27), x.yuan(28), x.date(29), x.yuan(30), x.date(31), x.list(32), x.text(33), x.text(34), x.yuan(35));
			out.add(new ActExchange.Incoming(i + 1, act, errors));
		}
		if (out.isEmpty()) {
			throw BusinessRuleViolation.onField("file", "表格中没有数据行");
		}
		return out;
	}

	private record Reader(List<String> row, List<ReportError> errors) {

		String text(int c) {
			String v = row.get(c);
			if (zhifa.shared.web.RequestLimits.hasControlCharacters(v)) {
				errors.add(new ReportError(COLUMNS.get(c)[1], COLUMNS.get(c)[0] + "含有不允许的控制字符"));
				return null;
			}
			if (v.length() > 300) {
				errors.add(new ReportError(COLUMNS.get(c)[1], COLUMNS.get(c)[0] + "不超过300个字符"));
				return null;
			}
			return v.isBlank() ? null : v.strip();
		}

		/** A coded column: the code, or its name in words (行政处罚（普通程序）, 已作出决定 …) read as the code. */
		String code(int c, java.util.Map<String, String> codes) {
			String v = text(c);
			if (v == null || codes.containsKey(v)) {
				return v;
			}
			String words = v.replace('(', '（').replace(')', '）');
			return codes.entrySet().stream().filter(e -> e.getValue().equals(words)).map(java.util.Map.Entry::getKey).findFirst().orElse(v);
		}

		Long number(int c) {
			String v = text(c);
			try {
				return v == null ? null : Long.valueOf(v);
			}
			catch (NumberFormatException e) {
				errors.add(new ReportError(COLUMNS.get(c)[1], COLUMNS.get(c)[0] + "“" + v + "”不是整数"));
				return null;
			}
		}

		LocalDate date(int c) {
			String v = text(c);
			if (v == null) {
				return null;
			}
			for (DateTimeFormatter f : List.of(DateTimeFormatter.ISO_LOCAL_DATE, SLASHED, DOTTED)) {
				try {
					LocalDate d = LocalDate.parse(v, f);
					if (d.getYear() >= 1900 && d.getYear() <= 2199) {
						return d;
					}
				}
				catch (DateTimeParseException e) {
					// the next form
				}
			}
			errors.add(new ReportError(COLUMNS.get(c)[1], COLUMNS.get(c)[0] + "“" + v + "”不是有效日期（如 2026-03-05）"));
			return null;
		}

		Boolean yes(int c) {
			List<String> problems = new ArrayList<>();
			boolean b = Excel.yes(row.get(c).strip(), COLUMNS.get(c)[0], problems);
			problems.forEach(p -> errors.add(new ReportError(COLUMNS.get(c)[1], p)));
			return b;
		}

		Long yuan(int c) {
			String v = text(c);
			if (v == null) {
				return null;
			}
			try {
				return Money.fen(new BigDecimal(v.replace(",", "")), COLUMNS.get(c)[1]);
			}
			catch (NumberFormatException e) {
				errors.add(new ReportError(COLUMNS.get(c)[1], COLUMNS.get(c)[0] + "“" + v + "”不是金额"));
			}
			catch (BusinessRuleViolation e) {
				errors.add(new ReportError(COLUMNS.get(c)[1], COLUMNS.get(c)[0] + e.getMessage()));
			}
			return null;
		}

		List<String> list(int c) {
			String v = text(c);
			return v == null ? List.of() : List.of(v.split("[、,，;；\\s]+")).stream().filter(s -> !s.isBlank()).toList();
		}
	}
}
