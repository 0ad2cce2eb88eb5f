package zhifa.supervision.exchange;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import zhifa.catalog.CatalogueEntry;
import zhifa.catalog.Catalogues;
import zhifa.catalog.MatterStatus;
import zhifa.officer.Certificate;
import zhifa.officer.CertificateStatus;
import zhifa.officer.Certificates;
import zhifa.shared.IdNumber;
import zhifa.shared.Money;
import zhifa.shared.PersonalData;
import zhifa.shared.Uscc;
import zhifa.shared.web.RequestLimits;
import zhifa.supervision.ActReport;

/**
 * Checks one reported act and turns it into the ledger's {@link ActReport}, or lists every error with its field, in
 * Chinese. Codes are mapped first; an unmapped code that is not one of ours is an error naming the code and its class.
 * Refused: unknown body or one the source may not report for; an unknown certificate number or one not yet issued on
 * the day the body acted; a matter not in the body's catalogue in force that day; dates out of order or in the future;
 * a bad USCC or ID-number checksum; amounts out of range. A certificate that existed but had lapsed that day (expired,
 * suspended, revoked, withdrawn) is not refused — it is exactly what supervision must see: the act is kept, the warning
 * says so, and the officer is not counted among the valid ones.
 */
@Component
class ActValidator {

	private final Certificates certificates;
	private final Catalogues catalogues;
	private final SourceSystems sources;
	private final PersonalData personal;

	private final zhifa.officer.Officers officers;
	private final zhifa.officer.OfficerAuthority authority;

	ActValidator(Certificates certificates, Catalogues catalogues, SourceSystems sources, PersonalData personal, zhifa.officer.Officers officers,
			zhifa.officer.OfficerAuthority authority) {
		this.officers = officers;
		this.authority = authority;
		this.certificates = certificates;
		this.catalogues = catalogues;
		this.sources = sources;
		this.personal = personal;
	}

	/** The outcome of checking one record: the report to record, or the errors; warnings either way. */
	record Checked(ActReport report, List<ReportError> errors, List<String> warnings) {
		boolean refused() {
			return !errors.isEmpty();
		}
	}

	/** What a batch looks up once: the source's mappings and the catalogue versions read so far. */
	static final class Context {
		final SourceSystem source;
		final Map<CodeClass, Map<String, String>> mappings;
		final LocalDate today;
		final boolean demo;
		/** The ledger's source of the acts: the system's code, or its Excel channel's (an upload never overwrites what the system reported). */
		final String ledgerSource;
		final Map<Long, List<CatalogueEntry>> entries = new HashMap<>();
		// what a batch of a thousand acts of one body asks again and again, looked up once per batch
		final Map<String, Optional<SourceSystem.Body>> bodies = new HashMap<>();
		final Map<String, Optional<Catalogues.Version>> published = new HashMap<>();
		final Map<String, Optional<Certificate>> certificates = new HashMap<>();
		final Map<String, Optional<CertificateStatus>> statuses = new HashMap<>();

		Context(SourceSystem source, Map<CodeClass, Map<String, String>> mappings, LocalDate today, boolean demo) {
			this(source, mappings, today, demo, source.code());
		}

		Context(SourceSystem source, Map<CodeClass, Map<String, String>> mappings, LocalDate today, boolean demo, String ledgerSource) {
			this.ledgerSource = ledgerSource;
			this.source = source;
			this.mappings = mappings;
			this.today = today;
			this.demo = demo;
		}
	}

	Checked check(Context ctx, ReportedAct a) {
		List<ReportError> errors = new ArrayList<>();
		List<String> warnings = new ArrayList<>();
		String externalId = text(a.externalId());
		if (externalId == null) {
			errors.add(new ReportError("externalId", "缺少外部编号（对方系统中该执法行为的编号）"));
		}
		else if (externalId.length() > 100 || RequestLimits.hasControlCharacters(externalId)) {
			errors.add(new ReportError("externalId", "外部编号不超过100个字符且不含控制字符"));
		}
		// a date far outside any act (a typo, or hostile input) is refused before anything is looked up with it
		for (LocalDate d : java.util.Arrays.asList(a.actDate(), a.receivedOn(), a.filedOn(), a.noticeServedOn(), a.statementDue(), a.hearingDue(),
				a.decidedOn(), a.decisionServedOn(), a.closedOn())) {
			if (d != null && (d.getYear() < 1950 || d.getYear() > 2199)) {
				errors.add(new ReportError("dates", "日期 " + d + " 不在 1950 年至 2199 年之间"));
				return new Checked(null, errors, warnings);
			}
		}
		if (a.version() == null || a.version() < 0) {
			errors.add(new ReportError("version", "缺少版本号或版本号为负数（应为不小于0的整数，每次修改递增）"));
		}
		// 执法主体
		Optional<SourceSystem.Body> body = Optional.empty();
		String bodyCode = mapped(ctx, CodeClass.BODY, a.bodyCode());
		if (bodyCode == null) {
			errors.add(new ReportError("bodyCode", "缺少执法主体代码"));
		}
		else {
			body = Uscc.isValid(bodyCode) ? ctx.bodies.computeIfAbsent(bodyCode, sources::bodyByUscc) : Optional.empty();
			if (body.isEmpty()) {
				errors.add(new ReportError("bodyCode", unmapped(ctx, CodeClass.BODY, a.bodyCode(), "不是本平台执法主体的统一社会信用代码")));
			}
			else if (!ctx.source.mayReportFor(body.get().id())) {
				errors.add(new ReportError("bodyCode", "报送系统“" + ctx.source.name() + "”无权报送“" + body.get().name() + "”的执法行为"));
				body = Optional.empty();
			}
		}
		String kind = text(a.kind()) == null ? "PENALTY" : text(a.kind());
		if (!OurCodes.KINDS.containsKey(kind)) {
			errors.add(new ReportError("kind", "行为类别“" + kind + "”不可用，可用：" + OurCodes.listed(OurCodes.KINDS)));
		}
		String stage = closedCode(ctx, CodeClass.STAGE, a.stage(), "stage", "办理阶段", errors);
		String partyKind = closedCode(ctx, CodeClass.PARTY_KIND, a.partyKind(), "partyKind", "当事人类型", errors);
		String outcome = a.decisionOutcome() == null || a.decisionOutcome().isBlank() ? null
				: closedCode(ctx, CodeClass.DECISION_OUTCOME, a.decisionOutcome(), "decisionOutcome", "决定结果", errors);
		// dates: each step not before the one before it, none in the future
		LocalDate on = a.actedOn();
		if (on == null) {
			errors.add(new ReportError("decidedOn", "至少应有一个日期（违法行为日期、收到日期、立案日期或决定日期）"));
		}
		dates(a, ctx.today, errors);
		if (a.decidedOn() != null && outcome == null && a.decisionOutcome() == null) {
			errors.add(new ReportError("decisionOutcome", "有决定日期时应填写决定结果"));
		}
		if (a.decidedOn() == null && a.decisionOutcome() != null && !a.decisionOutcome().isBlank()) {
			errors.add(new ReportError("decidedOn", "有决定结果时应填写决定日期"));
		}
		// 行政复议 and 行政诉讼 against the decision, with their outcomes
		List<ActReport.Remedy> remedies = new java.util.ArrayList<>();
		for (String[] r : new String[][] { { "REVIEW", "reviewOutcome", "行政复议结果", a.reviewOutcome() },
				{ "LITIGATION", "litigationOutcome", "行政诉讼结果", a.litigationOutcome() } }) {
			String v = text(r[3]);
			if (v == null) {
				continue;
			}
			String code = REMEDY_OUTCOMES.get(v.toUpperCase());
			if (code == null) {
				errors.add(new ReportError(r[1], r[2] + "“" + v + "”不可用，可用：进行中（PENDING）、维持（UPHELD，含驳回）、变更（CHANGED）、撤销（REVOKED）、确认违法（CONFIRMED_ILLEGAL）、确认无效（CONFIRMED_INVALID）、撤回或终止（WITHDRAWN）"));
			}
			else if (a.decidedOn() == null) {
				errors.add(new ReportError(r[1], "有" + r[2] + "时应填写决定日期"));
			}
			else {
				remedies.add(new ActReport.Remedy(r[0], null, null, "PENDING".equals(code) ? null : code));
			}
		}
		// the matter in the body's catalogue in force on the day the body acted
		CatalogueEntry matter = null;
		String matterCode = mapped(ctx, CodeClass.MATTER, a.matterCode());
		if (matterCode == null) {
			errors.add(new ReportError("matterCode", "缺少执法事项编码"));
		}
		else if (body.isPresent() && on != null) {
			matter = entry(ctx, body.get().id(), matterCode, on).orElse(null);
			if (matter == null) {
				String published = publishedOn(ctx, body.get().id(), on).map(v -> "第" + v.number() + "版").orElse(null);
				errors.add(new ReportError("matterCode", published == null
						? "“" + body.get().name() + "”在" + on + "尚无已发布的执法事项目录，事项“" + a.matterCode().strip() + "”无从核对"
						: unmapped(ctx, CodeClass.MATTER, a.matterCode(), "不在“" + body.get().name() + "”" + on + "有效的执法事项目录（" + published + "）中")));
			}
			else if (matter.status() != MatterStatus.ACTIVE) {
				errors.add(new ReportError("matterCode", "事项“" + matter.code() + " " + matter.name() + "”在" + on + "的目录中为" + matter.status().label()
						+ "状态，不能实施"));
				matter = null;
			}
		}
		// the party: a full identifier is checked and then kept only masked, with a key
		String partyName = text(a.partyName());
		if (partyName == null) {
			errors.add(new ReportError("partyName", "缺少当事人名称或姓名"));
		}
		else if (partyName.length() > 200) {
			errors.add(new ReportError("partyName", "当事人名称不超过200个字"));
		}
		String partyKey = null;
		String masked = text(a.partyMasked());
		String uscc = text(a.partyUscc()) == null ? null : text(a.partyUscc()).toUpperCase();
		String idNumber = text(a.partyIdNumber()) == null ? null : text(a.partyIdNumber()).toUpperCase();
		if (uscc != null) {
			Optional<String> p = Uscc.problem(uscc);
			if (p.isPresent()) {
				errors.add(new ReportError("partyUscc", "当事人" + p.get()));
			}
			else {
				partyKey = "U:" + uscc;
				masked = uscc;
			}
		}
		if (idNumber != null) {
			Optional<String> p = IdNumber.problem(idNumber);
			if (p.isPresent()) {
				errors.add(new ReportError("partyIdNumber", "当事人" + p.get()));
			}
			else {
				partyKey = "P:" + personal.fingerprint(idNumber);
				masked = IdNumber.mask(idNumber);
			}
		}
		if (masked != null && masked.length() > 40) {
			errors.add(new ReportError("partyMasked", "当事人证件号（脱敏）不超过40个字符"));
		}
		if ("NATURAL_PERSON".equals(partyKind) && idNumber == null && masked != null && IdNumber.isValid(masked.toUpperCase())) {
			errors.add(new ReportError("partyMasked", "partyMasked 应为脱敏后的身份证号；完整号码请填在 partyIdNumber（平台只保存脱敏号码和不可还原的指纹）"));
		}
		// amounts in fen
		amount("fine", "罚款", a.fine(), errors);
		amount("gains", "没收违法所得", a.gains(), errors);
		amount("propertyValue", "没收非法财物价值", a.propertyValue(), errors);
		amount("paidTotal", "已缴金额", a.paidTotal(), errors);
		amount("involvedAmount", "涉案金额", a.involvedAmount(), errors);
		for (var t : List.of(new String[] { "caseNumber", "案件编号", a.caseNumber() }, new String[] { "decisionNumber", "决定书文号", a.decisionNumber() })) {
			if (t[2] != null && t[2].strip().length() > 100) {
				errors.add(new ReportError(t[0], t[1] + "不超过100个字符"));
			}
		}
		// officers by certificate number, judged on the day the body acted
		List<String> numbers = new ArrayList<>(new LinkedHashSet<>(
				(a.officerCertificates() == null ? List.<String>of() : a.officerCertificates()).stream().filter(n -> n != null && !n.isBlank()).map(String::strip)
					.toList()));
		int valid = 0;
		for (String number : numbers) {
			if (number.length() > 50) {
				errors.add(new ReportError("officerCertificates", "执法证号“" + number.substring(0, 20) + "…”过长"));
				continue;
			}
			Optional<Certificate> c = ctx.certificates.computeIfAbsent(number, certificates::byNumber);
			if (c.isEmpty()) {
				// a police officer names his 人民警察证号（警号）: checked against the roster of police officers and their authority that day
				Optional<zhifa.officer.Officer> police = officers.policeByNumber(number);
				if (police.isEmpty()) {
					errors.add(new ReportError("officerCertificates", "执法证号“" + number + "”在执法证件库中不存在，也不是已登记的人民警察证号（警号）"));
					continue;
				}
				if (on == null || matter == null) {
					continue;
				}
				zhifa.officer.Officer p = police.get();
				var decision = authority.check(p.id(), matter.domainCode(), on);
				if (!decision.allowed()) {
					warnings.add("人民警察证号“" + number + "”（" + p.name() + "）在执法日期" + on + "不能从事该事项的执法（"
							+ String.join("；", decision.refusals().stream().map(r -> r.label()).toList()) + "），不计为有效执法人员");
					continue;
				}
				if (body.isPresent() && p.bodyId() != body.get().id()) {
					warnings.add("人民警察证号“" + number + "”（" + p.name() + "）属于" + p.bodyName() + "，不是报送的执法主体");
				}
				valid++;
				continue;
			}
			if (on == null) {
				continue;
			}
			Certificate cert = c.get();
			CertificateStatus status = ctx.statuses.computeIfAbsent(cert.id() + "/" + on, k -> certificates.statusOn(cert.id(), on)).orElse(null);
			if (status == null || cert.validFrom() == null || on.isBefore(cert.validFrom())) {
				errors.add(new ReportError("officerCertificates", "执法证号“" + number + "”（" + cert.officerName() + "）在执法日期" + on + "尚未发证生效"
						+ (cert.validFrom() == null ? "" : "（有效期自" + cert.validFrom() + "起）")));
				continue;
			}
			boolean expired = status == CertificateStatus.VALID && on.isAfter(cert.validTo());
			if (status != CertificateStatus.VALID || expired) {
				warnings.add("执法证号“" + number + "”（" + cert.officerName() + "）在执法日期" + on + "已" + (expired ? "过期（有效期至" + cert.validTo() + "）" : status.label())
						+ "，不计为有效执法人员");
				continue;
			}
			if (matter != null && !cert.domainCodes().contains(matter.domainCode())) {
				warnings.add("执法证号“" + number + "”（" + cert.officerName() + "）的执法领域不包括该事项，不计为有效执法人员");
				continue;
			}
			if (body.isPresent() && cert.bodyId() != body.get().id()) {
				warnings.add("执法证号“" + number + "”（" + cert.officerName() + "）属于" + cert.bodyName() + "，不是报送的执法主体");
			}
			valid++;
		}
		if (!errors.isEmpty()) {
			return new Checked(null, errors, warnings);
		}
		ActReport report = new ActReport(ctx.ledgerSource, externalId, a.version(), body.orElseThrow().id(), kind, matter.code(), matter.name(),
				text(a.caseNumber()), partyKind, partyName, masked, partyKey, null, stage, a.actDate(), a.receivedOn(), a.filedOn(), a.noticeServedOn(),
				a.statementDue(), a.hearingDue(), yes(a.hearingRight()), yes(a.hearingRequested()), yes(a.hearingHeld()), yes(a.legalReviewRequired()),
				yes(a.legalReviewPassed()), a.decidedOn(), outcome, text(a.decisionNumber()), a.fine(), a.gains(), a.propertyValue(), a.decisionServedOn(),
				a.paidTotal() == null ? 0 : a.paidTotal(), a.closedOn(), numbers, valid, ctx.demo,
				ActReport.Details.NONE.withRemedies(remedies).withInvolvedAmount(a.involvedAmount()));
		return new Checked(report, List.of(), warnings);
	}

	private Optional<CatalogueEntry> entry(Context ctx, long bodyId, String code, LocalDate on) {
		return publishedOn(ctx, bodyId, on)
			.flatMap(v -> ctx.entries.computeIfAbsent(v.id(), catalogues::entries).stream().filter(e -> e.code().equals(code)).findFirst());
	}

	private Optional<Catalogues.Version> publishedOn(Context ctx, long bodyId, LocalDate on) {
		return ctx.published.computeIfAbsent(bodyId + "/" + on, k -> catalogues.publishedOn(bodyId, on));
	}

	/** The steps in their order: each present date not before the present one before it. */
	private static void dates(ReportedAct a, LocalDate today, List<ReportError> errors) {
		Object[][] steps = { { "actDate", "违法行为日期", a.actDate() }, { "receivedOn", "收到（发现）日期", a.receivedOn() }, { "filedOn", "立案日期", a.filedOn() },
				{ "noticeServedOn", "告知书送达日期", a.noticeServedOn() }, { "decidedOn", "决定日期", a.decidedOn() },
				{ "decisionServedOn", "决定书送达日期", a.decisionServedOn() }, { "closedOn", "结案日期", a.closedOn() } };
		Object[] previous = null;
		for (Object[] step : steps) {
			LocalDate d = (LocalDate) step[2];
			if (d == null) {
				continue;
			}
			if (d.isAfter(today)) {
				errors.add(new ReportError((String) step[0], step[1] + "" + d + "晚于今天"));
			}
			if (previous != null && d.isBefore((LocalDate) previous[2])) {
				errors.add(new ReportError((String) step[0], step[1] + "" + d + "早于" + previous[1] + previous[2] + "，日期顺序不对"));
			}
			previous = step;
		}
		for (Object[] due : new Object[][] { { "statementDue", "陈述申辩期限", a.statementDue() }, { "hearingDue", "听证申请期限", a.hearingDue() } }) {
			if (due[2] != null && a.noticeServedOn() != null && ((LocalDate) due[2]).isBefore(a.noticeServedOn())) {
				errors.add(new ReportError((String) due[0], due[1] + "" + due[2] + "早于告知书送达日期" + a.noticeServedOn()));
			}
		}
	}

	private static void amount(String field, String label, Long fen, List<ReportError> errors) {
		if (fen != null && (fen < 0 || fen > Money.MAX_FEN)) {
			errors.add(new ReportError(field, label + (fen < 0 ? "不能为负数" : "超出允许的范围（不超过1,000亿元）") + "（金额以分为单位）"));
		}
	}

	/** A code of a closed class (stage, outcome, party kind): mapped, or ours as it is; otherwise an error naming code and class. */
	private static String closedCode(Context ctx, CodeClass codeClass, String value, String field, String label, List<ReportError> errors) {
		String code = mapped(ctx, codeClass, value);
		if (code == null) {
			errors.add(new ReportError(field, "缺少" + label));
			return null;
		}
		if (OurCodes.problem(codeClass, code).isPresent()) {
			errors.add(new ReportError(field, unmapped(ctx, codeClass, value, "不是本平台的" + label + "代码")));
			return null;
		}
		return code;
	}

	private static String mapped(Context ctx, CodeClass codeClass, String value) {
		String v = text(value);
		if (v == null) {
			return null;
		}
		return ctx.mappings.getOrDefault(codeClass, Map.of()).getOrDefault(v, v);
	}

	private static String unmapped(Context ctx, CodeClass codeClass, String value, String why) {
		String v = value.strip();
		boolean mapped = ctx.mappings.getOrDefault(codeClass, Map.of()).containsKey(v);
		return mapped ? "“" + v + "”映射为“" + ctx.mappings.get(codeClass).get(v) + "”，但" + why
				: "代码“" + v + "”" + why + "，且报送系统“" + ctx.source.code() + "”没有该代码的映射（代码类别：" + codeClass.label() + " " + codeClass.name() + "）";
	}

	/** 复议/诉讼 outcomes by code and by the words a department would type. */
	private static final Map<String, String> REMEDY_OUTCOMES = Map.ofEntries(Map.entry("PENDING", "PENDING"), Map.entry("进行中", "PENDING"),
			Map.entry("UPHELD", "UPHELD"), Map.entry("维持", "UPHELD"), Map.entry("驳回", "UPHELD"), Map.entry("CHANGED", "CHANGED"), Map.entry("变更", "CHANGED"),
			Map.entry("REVOKED", "REVOKED"), Map.entry("撤销", "REVOKED"), Map.entry("CONFIRMED_ILLEGAL", "CONFIRMED_ILLEGAL"), Map.entry("确认违法", "CONFIRMED_ILLEGAL"),
			Map.entry("CONFIRMED_INVALID", "CONFIRMED_INVALID"), Map.entry("确认无效", "CONFIRMED_INVALID"), Map.entry("WITHDRAWN", "WITHDRAWN"),
			Map.entry("撤回", "WITHDRAWN"), Map.entry("终止", "WITHDRAWN"), Map.entry("撤回或终止", "WITHDRAWN"));

	private static String text(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static boolean yes(Boolean b) {
		return Boolean.TRUE.equals(b);
	}
}
