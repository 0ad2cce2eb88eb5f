package zhifa.officer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.IdNumber;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

class OfficerIntegrationTest extends IntegrationTestBase {

	@Autowired
	OfficerAuthority authority;

	@Autowired
	Officers officers;

	@Autowired
	Certificates certificates;

	@Autowired
	Exams exams;

	@Autowired
	Qualifications qualifications;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate tx;

	private long officerId(String name) {
		return jdbc.queryForObject("select id from officer where name = ?", Long.class, name);
	}

	private static String idNumber(int n) {
		String first17 = "53310319880101" + String.format("%03d", n);
		return first17 + IdNumber.checkCharacter(first17);
	}

	@Test
	void suspendedCertificateIsRefusedWithThatReason() {
		var decision = authority.check(officerId("李明"), "MARKET", LocalDate.now(clock));
		assertThat(decision.allowed()).isFalse();
		assertThat(decision.refusals()).containsExactly(AuthorityDecision.Refusal.SUSPENDED);
		assertThat(authority.check(officerId("张伟"), "MARKET", LocalDate.now(clock)).allowed()).isTrue();
		assertThat(authority.check(officerId("张伟"), "URBAN", LocalDate.now(clock)).refusals())
			.containsExactly(AuthorityDecision.Refusal.DOMAIN_NOT_COVERED);
		assertThat(authority.check(officerId("王小红"), "MARKET", LocalDate.now(clock)).refusals())
			.contains(AuthorityDecision.Refusal.AUXILIARY_STAFF);
		assertThat(authority.check(officerId("何平"), "MARKET", LocalDate.now(clock)).refusals())
			.containsExactly(AuthorityDecision.Refusal.NOT_IN_POST, AuthorityDecision.Refusal.WITHDRAWN);
		assertThat(authority.check(officerId("吴敏"), "URBAN", LocalDate.now(clock)).refusals())
			.containsExactly(AuthorityDecision.Refusal.EXPIRED);
		assertThat(authority.check(officerId("段勇"), "PUBLIC_SECURITY", LocalDate.now(clock)).allowed()).isTrue();
	}

	@Test
	void onlyOfficersInAnEnforcementPostAreToldTheirTrainingFallsShort() {
		HttpSession admin = loggedIn("scj.admin");
		assertThat(admin.get("/officers/" + officerId("王小红")).body()).contains("辅助人员不计入执法人员年度培训学时考核").doesNotContain("未达标：");
		assertThat(admin.get("/officers/" + officerId("何平")).body()).contains("不在执法岗位（").doesNotContain("未达标：");
		// the list says who holds a certificate today (李明's is suspended)
		assertThat(admin.get("/officers?q=" + java.net.URLEncoder.encode("李明", java.nio.charset.StandardCharsets.UTF_8)).body())
			.contains("<th>执法证件</th>", "badge text-bg-danger\">暂扣</span>");
		assertThat(admin.get("/officers?q=" + java.net.URLEncoder.encode("张伟", java.nio.charset.StandardCharsets.UTF_8)).body()).containsPattern("至 20[0-9]{2}-");
		// and so does its Excel
		var sheet = zhifa.shared.Excel.read(new java.io.ByteArrayInputStream(admin.getBytes("/officers/export.xlsx")), 15);
		assertThat(sheet.get(0).subList(12, 15)).containsExactly("执法证件号", "证件状态", "证件有效期至");
		assertThat(sheet.stream().filter(r -> r.get(0).equals("李明")).findFirst().orElseThrow().get(13)).isEqualTo("暂扣");
		// an officer who has passed no exam is told why he cannot apply, and where the exams are
		assertThat(admin.get("/officers/" + officerId("赵刚")).body()).contains("id=\"apply-blocked\"", "尚未通过任何领域的执法资格考试");
		assertThat(admin.get("/officers/" + officerId("张伟")).body()).containsPattern("id=\"training-standing\" class=\"text-(success|danger) small\"");
	}

	@Test
	void authorityIsAlsoAvailableOverHttp() {
		var res = loggedIn("scj.admin").get("/api/v1/officers/" + officerId("李明") + "/authority?domain=MARKET");
		assertThat(res.statusCode()).isEqualTo(200);
		assertThat(json(res.body()).get("allowed").asBoolean()).isFalse();
		assertThat(json(res.body()).get("refusals").get(0).asString()).isEqualTo("SUSPENDED");
		assertThat(loggedIn("zhzf.zhifa").get("/api/v1/officers/" + officerId("李明")).statusCode()).isEqualTo(404);
	}

	@Test
	void idNumberIsEncryptedAtRestMaskedEverywhereAndUnique() {
		HttpSession admin = loggedIn("scj.admin");
		String id = idNumber(901);
		var created = admin.postJson("/api/v1/officers", """
				{"name":"测试甲","idNumber":"%s","post":"执法科科员","staffing":"ESTABLISHED","domainCodes":["MARKET"]}""".formatted(id));
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.body()).doesNotContain(id).contains(IdNumber.mask(id));
		long newId = json(created.body()).get("id").asLong();
		String stored = jdbc.queryForObject("select id_number_cipher from officer where id = ?", String.class, newId);
		assertThat(stored).startsWith("sm4:").doesNotContain(id);
		assertThat(officers.idNumber(DataScope.all(), newId)).isEqualTo(id);
		assertThat(jdbc.queryForObject("select count(*) from record_entry where payload like ?", Long.class, "%" + id + "%")).isZero();

		var duplicate = admin.postJson("/api/v1/officers", """
				{"name":"测试乙","idNumber":"%s","post":"执法科科员","staffing":"ESTABLISHED"}""".formatted(id.toLowerCase()));
		assertThat(duplicate.statusCode()).isEqualTo(400);
		assertThat(json(duplicate.body()).get("errors").get("idNumber").asString()).contains("已登记在“芒市市场监督管理局”");
		var wrong = admin.postJson("/api/v1/officers", """
				{"name":"测试丙","idNumber":"%s","post":"执法科科员","staffing":"ESTABLISHED"}""".formatted(id.substring(0, 17) + (id.endsWith("0") ? "1" : "0")));
		assertThat(json(wrong.body()).get("errors").get("idNumber").asString()).contains("校验位");
		// on the page, the number refused comes back in its box to be corrected (it was emptied); a birth date after today is refused
		String mistyped = id.substring(0, 17) + (id.endsWith("0") ? "1" : "0");
		long before = jdbc.queryForObject("select count(*) from officer", Long.class);
		var page = admin.postForm("/officers", Map.of("_csrf", admin.csrf(), "name", "测试丁", "idNumber", mistyped, "post", "执法科科员", "staffing", "ESTABLISHED"));
		assertThat(page.body()).contains("校验位错误", "value=\"" + mistyped + "\"");
		String unborn = "53310320300101123";
		unborn = unborn + IdNumber.checkCharacter(unborn);
		assertThat(admin.postForm("/officers", Map.of("_csrf", admin.csrf(), "name", "测试丁", "idNumber", unborn, "post", "执法科科员", "staffing", "ESTABLISHED"))
			.body()).contains("出生日期 2030-01-01 晚于今天");
		assertThat(jdbc.queryForObject("select count(*) from officer", Long.class)).isEqualTo(before);
	}

	@Test
	void aPoliceOfficersNumberIsOnlyForPoliceWellFormedUniqueAndRecorded() {
		HttpSession admin = loggedIn("admin");
		long police = bodyId("芒市公安局");
		String number = "PN" + (System.nanoTime() % 100_000_000L);
		long before = jdbc.queryForObject("select count(*) from officer", Long.class);
		// not a police officer, a malformed number: refused, nothing written
		var notPolice = admin.postJson("/api/v1/officers", """
				{"bodyId":%d,"name":"警号测试甲","idNumber":"%s","post":"文员","staffing":"ESTABLISHED","policeNumber":"%s"}""".formatted(police, idNumber(913),
				number));
		assertThat(notPolice.statusCode()).isEqualTo(400);
		assertThat(json(notPolice.body()).get("errors").get("policeNumber").asString()).isEqualTo("只有人民警察填写人民警察证号（警号）");
		var malformed = admin.postJson("/api/v1/officers", """
				{"bodyId":%d,"name":"警号测试甲","idNumber":"%s","post":"民警","staffing":"ESTABLISHED","police":true,"policeNumber":"12-3"}""".formatted(police,
				idNumber(913)));
		assertThat(json(malformed.body()).get("errors").get("policeNumber").asString()).contains("4至20位");
		assertThat(jdbc.queryForObject("select count(*) from officer", Long.class)).isEqualTo(before);

		var created = admin.postJson("/api/v1/officers", """
				{"bodyId":%d,"name":"警号测试甲","idNumber":"%s","post":"民警","staffing":"ESTABLISHED","police":true,"policeNumber":"%s",
				 "domainCodes":["PUBLIC_SECURITY"]}""".formatted(police, idNumber(913), number.toLowerCase()));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = json(created.body()).get("id").asLong();
		assertThat(jdbc.queryForObject("select police_number from officer where id = ?", String.class, id)).isEqualTo(number);
		assertThat(officers.policeByNumber(number.toLowerCase())).hasValueSatisfying(o -> assertThat(o.id()).isEqualTo(id));
		assertThat(jdbc.queryForObject("select payload from record_entry where subject_type = 'officer' and subject_id = ? and action = 'officer.created'",
				String.class, String.valueOf(id))).contains(number);
		assertThat(admin.get("/officers/" + id).body()).contains("警号 " + number);
		// the same number for another officer: refused
		var twice = admin.postJson("/api/v1/officers", """
				{"bodyId":%d,"name":"警号测试乙","idNumber":"%s","post":"民警","staffing":"ESTABLISHED","police":true,"policeNumber":"%s"}""".formatted(police,
				idNumber(914), number));
		assertThat(json(twice.body()).get("errors").get("policeNumber").asString()).contains("已登记为警号测试甲（芒市公安局）");
	}

	@Test
	void leavingThePostTakesTheCertificateBackAndQueuesCancellationInOneTransaction() {
		long id = tx.execute(s -> {
			var form = new OfficerForm();
			form.setBodyId(bodyId("芒市综合行政执法局"));
			form.setName("离岗测试");
			form.setIdNumber(idNumber(902));
			form.setPost("队员");
			form.setDomainCodes(List.of("URBAN"));
			Officer o = officers.create(DataScope.all(), form, false);
			certificates.registerExisting(DataScope.all(), o.id(), List.of("URBAN"), "53", "云南省人民政府",
					new Certificates.Issue("5300002025990001", LocalDate.now(clock).minusYears(1), LocalDate.now(clock).plusYears(4), "测试"), false);
			return o.id();
		});
		var res = loggedIn("admin").postJson("/api/v1/officers/" + id + "/status", """
				{"status":"TRANSFERRED","reason":"调往州局","documentNumber":"芒组调〔2026〕9号"}""");
		assertThat(res.statusCode()).isEqualTo(200);
		assertThat(jdbc.queryForObject("select status from certificate where officer_id = ?", String.class, id)).isEqualTo("WITHDRAWN");
		assertThat(jdbc.queryForObject("select status from certificate_cancellation_request where officer_id = ?", String.class, id)).isEqualTo("PENDING");
		assertThat(authority.check(id, "URBAN", LocalDate.now(clock)).refusals())
			.containsExactly(AuthorityDecision.Refusal.NOT_IN_POST, AuthorityDecision.Refusal.WITHDRAWN);
		long certId = jdbc.queryForObject("select id from certificate where officer_id = ?", Long.class, id);
		assertThat(jdbc.queryForList("select action from record_entry where subject_type = 'certificate' and subject_id = ? order by seq",
				String.class, String.valueOf(certId))).containsExactly("certificate.registered", "certificate.withdrawn", "certificate.cancellation_queued");
	}

	@Test
	void applyingNeedsAPassedExamAndIssuingChecksTheNumberPatternAndOneLiveCertificate() {
		long zhaogang = officerId("赵刚");
		assertThatThrownBy(() -> tx.execute(s -> certificates.apply(DataScope.all(), new Certificates.Application(zhaogang, List.of("MARKET"), "53", "云南省人民政府"))))
			.isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("尚未通过").hasMessageContaining("市场监管");

		long chenjing = officerId("陈静");
		assertThat(exams.qualifiedDomains(chenjing)).containsExactly("MARKET");
		// 陈静 already holds a valid certificate: a second live one is refused
		assertThatThrownBy(() -> tx.execute(s -> certificates.registerExisting(DataScope.all(), chenjing, List.of("MARKET"), "53", "云南省人民政府",
				new Certificates.Issue("5300002026990002", LocalDate.now(clock), LocalDate.now(clock).plusYears(5), "x"), false)))
			.hasMessageContaining("每人只能持有一个");

		long exam = jdbc.queryForObject("select min(id) from exam", Long.class);
		long liming = officerId("李明");
		var paper = tx.execute(s -> exams.start(exam, liming));
		var answers = jdbc.queryForList("select i.seq, q.answer from exam_paper_item i join exam_question q on q.id = i.question_id where i.paper_id = ?", paper.id());
		tx.executeWithoutResult(s -> answers.forEach(a -> exams.answer(paper.id(), liming, ((Number) a.get("seq")).intValue(), (String) a.get("answer"))));
		var done = tx.execute(s -> exams.submit(paper.id(), liming));
		assertThat(done.passed()).isTrue();
		assertThat(done.publicScore()).isEqualTo(100);
		assertThat(exams.qualifiedDomains(liming)).containsExactly("MARKET");

		// 陈静 holds a usable certificate, 李明 a suspended one: nothing to apply for
		assertThat(qualifications.nextStep(chenjing)).isEmpty();
		assertThat(qualifications.nextStep(liming)).isEmpty();
		assertThat(qualifications.qualifiedWithoutApplication(DataScope.all())).extracting(Officer::name).doesNotContain("李明");
	}

	/**
	 * Passed and holding nothing: the officer is told what comes next, his unit administrator has him to apply for; once
	 * applied, the supervisor has the application to review and the officer is told it is on its way.
	 */
	@Test
	void afterPassingTheNextStepIsToldToTheOfficerTheAdministratorAndTheSupervisor() {
		long newcomer = tx.execute(s -> {
			var form = new OfficerForm();
			form.setBodyId(bodyId("芒市市场监督管理局"));
			form.setName("考后申领测试");
			form.setIdNumber(idNumber(918));
			form.setPost("执法科科员");
			form.setDomainCodes(List.of("MARKET"));
			return officers.create(DataScope.all(), form, false).id();
		});
		assertThat(qualifications.nextStep(newcomer)).isEmpty();
		var now = java.time.LocalDateTime.now(clock);
		long exam = tx.execute(s -> exams.createExam(bodyId("芒市司法局"), new Exams.NewExam("考后申领测试考试", "MARKET", 5, 5, now.minusHours(1),
				now.plusHours(2), 60, 60, false), false).id());
		tx.executeWithoutResult(s -> exams.addCandidates(DataScope.all(), exam, List.of(newcomer)));
		// the candidates are the organiser's and their own body's to see: another unit finds no such exam
		assertThat(loggedIn("sfj.admin").get("/exams/" + exam).statusCode()).isEqualTo(200);
		assertThat(loggedIn("scj.admin").get("/exams/" + exam).body()).contains("考后申领测试");
		assertThat(loggedIn("zhefang.admin").get("/exams/" + exam).statusCode()).isEqualTo(404);
		var paper = tx.execute(s -> exams.start(exam, newcomer));
		var answers = jdbc.queryForList("select i.seq, q.answer from exam_paper_item i join exam_question q on q.id = i.question_id where i.paper_id = ?", paper.id());
		tx.executeWithoutResult(s -> answers.forEach(a -> exams.answer(paper.id(), newcomer, ((Number) a.get("seq")).intValue(), (String) a.get("answer"))));
		assertThat(tx.execute(s -> exams.submit(paper.id(), newcomer)).passed()).isTrue();

		assertThat(qualifications.nextStep(newcomer)).hasValueSatisfying(next -> assertThat(next).contains("已通过市场监管领域的执法资格考试", "由本单位的单位管理员为您申领"));
		assertThat(qualifications.qualifiedWithoutApplication(DataScope.all())).extracting(Officer::name).contains("考后申领测试");
		assertThat(loggedIn("scj.admin").get("/").body()).contains("考试合格、待申领执法证件的人员", "考后申领测试", "已通过执法资格考试，尚未申领执法证件");
		var applied = tx.execute(s -> certificates.apply(DataScope.all(), new Certificates.Application(newcomer, List.of("MARKET"), "53", "云南省人民政府")));
		assertThat(qualifications.nextStep(newcomer)).hasValueSatisfying(next -> assertThat(next).startsWith("执法证件申领中（申领），由发证机关云南省人民政府审核发证"));
		assertThat(qualifications.qualifiedWithoutApplication(DataScope.all())).extracting(Officer::name).doesNotContain("考后申领测试");
		assertThat(loggedIn("jiandu").get("/").body()).contains("待审核的执法证件申领", "考后申领测试", "href=\"/certificates/" + applied.id() + "\"");
		// the city's application is the city's justice bureau's to review: the prefecture's supervisor sees it in her list, not on her home page
		assertThat(loggedIn("zhou.jiandu").get("/").body()).doesNotContain("href=\"/certificates/" + applied.id() + "\"");
		assertThat(loggedIn("zhou.jiandu").get("/certificates").body()).contains("考后申领测试");
		long prefectureBureau = bodyId("德宏州司法局");
		String prefecturePath = jdbc.queryForObject("select r.path from org_body b join org_region r on r.id = b.region_id where b.id = ?", String.class,
				prefectureBureau);
		var prefecture = scopes.directlySupervisedBodyIds(DataScope.regionSubtree(prefectureBureau, prefecturePath));
		assertThat(prefecture).contains(bodyId("德宏州生态环境局")).doesNotContain(bodyId("芒市市场监督管理局"), bodyId("遮放镇人民政府"));
		long cityBureau = bodyId("芒市司法局");
		String cityPath = jdbc.queryForObject("select r.path from org_body b join org_region r on r.id = b.region_id where b.id = ?", String.class, cityBureau);
		assertThat(scopes.directlySupervisedBodyIds(DataScope.regionSubtree(cityBureau, cityPath))).contains(bodyId("芒市市场监督管理局"), bodyId("遮放镇人民政府"));
		// the unit's export says his application is on its way, not only that he has none
		try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(loggedIn("scj.admin").getBytes("/compliance/export.xlsx")))) {
			java.util.List<String> rows = new java.util.ArrayList<>();
			book.getSheet("人员明细").forEach(row -> rows.add(row.getCell(1) + "|" + row.getCell(3)));
			assertThat(rows).contains("考后申领测试|无证（证件申领中）");
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/**
	 * A 法律职业资格 exempts from the public part only where the exam says so: on an exam without the exemption, a holder who
	 * fails the public part is not qualified in the domain however well he did in the professional part.
	 */
	@Test
	void aLegalQualificationExemptsFromThePublicPartOnlyWhereTheExamSaysSo() {
		long holder = tx.execute(s -> {
			var form = new OfficerForm();
			form.setBodyId(bodyId("芒市市场监督管理局"));
			form.setName("法律职业资格测试");
			form.setIdNumber(idNumber(917));
			form.setPost("执法科科员");
			form.setDomainCodes(List.of("MARKET"));
			form.setLegalQualificationNo("A20185301299917");
			return officers.create(DataScope.all(), form, false).id();
		});
		var now = java.time.LocalDateTime.now(clock);
		long exam = tx.execute(s -> exams.createExam(bodyId("芒市司法局"), new Exams.NewExam("不免考公共部分的测试考试", "MARKET", 5, 5, now.minusHours(1),
				now.plusHours(2), 60, 60, false), false).id());
		tx.executeWithoutResult(s -> exams.addCandidates(DataScope.all(), exam, List.of(holder)));
		var paper = tx.execute(s -> exams.start(exam, holder));
		assertThat(paper.publicExempt()).isFalse();
		// the professional part all right, the public part left blank
		var answers = jdbc.queryForList("select i.seq, q.answer from exam_paper_item i join exam_question q on q.id = i.question_id "
				+ "where i.paper_id = ? and i.part <> 'PUBLIC'", paper.id());
		tx.executeWithoutResult(s -> answers.forEach(a -> exams.answer(paper.id(), holder, ((Number) a.get("seq")).intValue(), (String) a.get("answer"))));
		var done = tx.execute(s -> exams.submit(paper.id(), holder));
		assertThat(done.professionalScore()).isEqualTo(100);
		assertThat(done.passed()).isFalse();
		assertThat(exams.qualifiedDomains(holder)).isEmpty();
		assertThatThrownBy(() -> tx.execute(s -> certificates.apply(DataScope.all(), new Certificates.Application(holder, List.of("MARKET"), "53", "云南省人民政府"))))
			.isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("尚未通过");
	}

	@Test
	void certificateLifecycleWithNumberPatternThroughTheBrowserForms() {
		long officer = tx.execute(s -> {
			var form = new OfficerForm();
			form.setBodyId(bodyId("芒市市场监督管理局"));
			form.setName("发证测试");
			form.setIdNumber(idNumber(903));
			form.setPost("科员");
			form.setLegalQualificationNo("A2020530000001");
			return officers.create(DataScope.all(), form, false).id();
		});
		long exam = jdbc.queryForObject("select min(id) from exam", Long.class);
		tx.executeWithoutResult(s -> exams.addCandidates(DataScope.all(), exam, List.of(officer)));
		var paper = tx.execute(s -> exams.start(exam, officer));
		assertThat(paper.publicExempt()).isTrue();
		var answers = jdbc.queryForList("select i.seq, q.answer from exam_paper_item i join exam_question q on q.id = i.question_id where i.paper_id = ?", paper.id());
		tx.executeWithoutResult(s -> answers.forEach(a -> exams.answer(paper.id(), officer, ((Number) a.get("seq")).intValue(), (String) a.get("answer"))));
		tx.executeWithoutResult(s -> exams.submit(paper.id(), officer));

		HttpSession unit = loggedIn("scj.admin");
		var applied = unit.postForm("/officers/" + officer + "/certificates", java.util.Map.of("domainCodes", "MARKET", "issuingAuthority", "云南省人民政府", "_csrf", unit.csrf()));
		assertThat(applied.statusCode()).isEqualTo(302);
		long cert = jdbc.queryForObject("select id from certificate where officer_id = ?", Long.class, officer);
		HttpSession supervisor = loggedIn("jiandu");
		supervisor.postForm("/certificates/" + cert + "/review", java.util.Map.of("_csrf", supervisor.csrf()));
		supervisor.postForm("/certificates/" + cert + "/approve", java.util.Map.of("number", "ABC-1", "validFrom", LocalDate.now(clock).toString(),
				"validTo", LocalDate.now(clock).plusYears(5).toString(), "documentNumber", "云司证〔2026〕1号", "_csrf", supervisor.csrf()));
		assertThat(jdbc.queryForObject("select status from certificate where id = ?", String.class, cert)).isEqualTo("UNDER_REVIEW");
		supervisor.postForm("/certificates/" + cert + "/approve", java.util.Map.of("number", "5300002026880001", "validFrom", LocalDate.now(clock).toString(),
				"validTo", LocalDate.now(clock).plusYears(5).toString(), "documentNumber", "云司证〔2026〕1号", "_csrf", supervisor.csrf()));
		assertThat(jdbc.queryForObject("select status from certificate where id = ?", String.class, cert)).isEqualTo("VALID");
		assertThat(authority.check(officer, "MARKET", LocalDate.now(clock)).allowed()).isTrue();

		// one certificate per officer: another is refused while this one has years to run (it was accepted, then could never be issued)
		long held = jdbc.queryForObject("select count(*) from certificate where officer_id = ?", Long.class, officer);
		assertThatThrownBy(() -> tx.execute(s -> certificates.apply(DataScope.all(), new Certificates.Application(officer, List.of("MARKET"), "53", "云南省人民政府"))))
			.isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("已持有有效的执法证件 5300002026880001").hasMessageContaining("6个月内可申领换证");
		assertThat(jdbc.queryForObject("select count(*) from certificate where officer_id = ?", Long.class, officer)).isEqualTo(held);
		// within six months of its end a new one is applied for (换证): issued, and the old one is cancelled, recorded
		jdbc.update("update certificate set valid_to = ? where id = ?", LocalDate.now(clock).plusMonths(3), cert);
		long renewed = tx.execute(s -> certificates.apply(DataScope.all(), new Certificates.Application(officer, List.of("MARKET"), "53", "云南省人民政府"))).id();
		supervisor.postForm("/certificates/" + renewed + "/review", java.util.Map.of("_csrf", supervisor.csrf()));
		// renewed ahead of time: the new one from ten days on; the old one stays valid until then, and its page says so
		LocalDate handOver = LocalDate.now(clock).plusDays(10);
		supervisor.postForm("/certificates/" + renewed + "/approve", java.util.Map.of("number", "5300002026880002", "validFrom", handOver.toString(),
				"validTo", LocalDate.now(clock).plusYears(5).toString(), "documentNumber", "云司证〔2026〕2号", "_csrf", supervisor.csrf()));
		assertThat(jdbc.queryForObject("select status from certificate where id = ?", String.class, cert)).isEqualTo("CANCELLED");
		assertThat(jdbc.queryForObject("select status from certificate where id = ?", String.class, renewed)).isEqualTo("VALID");
		assertThat(jdbc.queryForObject("select summary from record_entry where subject_type = 'certificate' and subject_id = ? and action = 'certificate.cancelled'",
				String.class, String.valueOf(cert))).contains("有效 → 注销");
		assertThat(authority.check(officer, "MARKET", LocalDate.now(clock)).allowed()).isTrue();
		assertThat(authority.check(officer, "MARKET", handOver).allowed()).isTrue();
		assertThat(supervisor.get("/certificates/" + cert).body()).contains("id=\"certificate-status\">有效<",
				"id=\"certificate-pending\">自 " + handOver + " 起注销<");

		// a unit administrator may not suspend (only the issuing authority), but may take the certificate back
		unit.postForm("/certificates/" + renewed + "/change", java.util.Map.of("to", "SUSPENDED", "reason", "x", "documentNumber", "y", "_csrf", unit.csrf()));
		assertThat(jdbc.queryForObject("select status from certificate where id = ?", String.class, renewed)).isEqualTo("VALID");
		supervisor.postForm("/certificates/" + renewed + "/change", java.util.Map.of("to", "SUSPENDED", "reason", "违规执法", "documentNumber", "芒司〔2026〕5号", "_csrf", supervisor.csrf()));
		assertThat(authority.check(officer, "MARKET", handOver).refusals()).containsExactly(AuthorityDecision.Refusal.SUSPENDED);

		var pub = new HttpSession(port).get("/api/v1/public/certificates/5300002026880002");
		assertThat(pub.statusCode()).isEqualTo(200);
		assertThat(json(pub.body()).get("statusLabel").asString()).isEqualTo("暂扣");
		assertThat(pub.body()).contains("发证测试").doesNotContain(idNumber(903)).doesNotContain("idNumber");
		assertThat(new HttpSession(port).get("/api/v1/public/certificates/5300002026880002/qr.svg").body()).startsWith("<svg");
		var missing = new HttpSession(port).get("/api/v1/public/certificates/000");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(json(missing.body()).get("detail").asString()).contains("未找到");
		// while it is suspended, no new one is applied for
		assertThatThrownBy(() -> tx.execute(s -> certificates.apply(DataScope.all(), new Certificates.Application(officer, List.of("MARKET"), "53", "云南省人民政府"))))
			.isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("正在暂扣中");
	}

	@Test
	void answersAfterTheDeadlineAreRefusedAndThePaperIsSubmittedAsItStands() {
		long exam = jdbc.queryForObject("select min(id) from exam", Long.class);
		long officer = officerId("岩温");
		tx.executeWithoutResult(s -> exams.addCandidates(DataScope.all(), exam, List.of(officer)));
		var paper = tx.execute(s -> exams.start(exam, officer));
		tx.executeWithoutResult(s -> exams.answer(paper.id(), officer, 1, "A"));
		clock.shift(Duration.ofMinutes(31));
		assertThatThrownBy(() -> tx.executeWithoutResult(s -> exams.answer(paper.id(), officer, 2, "B")))
			.hasMessageContaining("考试时间已到");
		var done = exams.paper(paper.id());
		assertThat(done.submittedAt()).isNotNull();
		assertThat(done.autoSubmitted()).isTrue();
		assertThat(done.submittedAt()).isEqualTo(paper.deadlineAt());
		assertThat(jdbc.queryForObject("select given from exam_paper_item where paper_id = ? and seq = 2", String.class, paper.id())).isNull();
	}

	@Autowired
	OfficerExcel officerExcel;

	@Autowired
	zhifa.shared.BodyScopes scopes;

	private static byte[] xlsx(List<List<String>> rows) {
		return zhifa.shared.Excel.workbook("导入", rows.get(0), rows.subList(1, rows.size()));
	}

	@Test
	void officerImportKeepsGoodRowsAndQuestionImportReportsBadOnes() throws Exception {
		byte[] file = xlsx(List.of(OfficerExcel.HEADERS,
				List.of("导入甲", idNumber(911), "", "执法队员", "在编", "城市管理（综合行政执法）", "", "否", "否", "否"),
				List.of("导入乙", "123", "", "执法队员", "临时工", "天文", "", "否", "否", "否"),
				List.of("导入丙", idNumber(912), "芒市市场监督管理局", "协管员", "辅助人员", "", "", "否", "是", "否"),
				List.of("导入丁", idNumber(915), "", "民警", "在编", "", "", "是", "否", "否", "JHIMPORT915"),
				List.of("导入戊", idNumber(916), "", "执法队员", "在编", "", "", "否", "否", "否", "JHIMPORT916")));
		var result = tx.execute(s -> officerExcel.importOfficers(DataScope.body(bodyId("芒市综合行政执法局")), bodyId("芒市综合行政执法局"),
				new java.io.ByteArrayInputStream(file)));
		assertThat(result.created()).isEqualTo(2);
		assertThat(result.errors()).extracting(zhifa.shared.ImportReport.RowError::row).containsExactly(3, 4, 6);
		assertThat(jdbc.queryForObject("select police_number from officer where name = '导入丁'", String.class)).isEqualTo("JHIMPORT915");
		assertThat(result.errors().get(2).message()).contains("只有人民警察填写人民警察证号");
		assertThat(result.errors().get(0).message()).contains("人员性质“临时工”").contains("执法领域“天文”不存在");
		assertThat(result.errors().get(1).message()).contains("不在您的管理范围内");
		// the template as downloaded imports nobody (its example row is skipped); an ID number Excel keeps as a number is told so
		var untouched = tx.execute(s -> officerExcel.importOfficers(DataScope.body(bodyId("芒市综合行政执法局")), bodyId("芒市综合行政执法局"),
				new java.io.ByteArrayInputStream(officerExcel.template())));
		assertThat(untouched.created()).isZero();
		assertThat(untouched.errors()).isEmpty();
		byte[] numeric = zhifa.shared.Excel.workbook("导入", OfficerExcel.HEADERS,
				List.of(List.<Object>of("导入己", Long.parseLong(idNumber(917).substring(0, 17)) * 10, "", "执法队员", "在编", "", "", "否", "否", "否")));
		var asNumber = tx.execute(s -> officerExcel.importOfficers(DataScope.body(bodyId("芒市综合行政执法局")), bodyId("芒市综合行政执法局"),
				new java.io.ByteArrayInputStream(numeric)));
		assertThat(asNumber.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("身份证号被 Excel 存成了数字", "设置为“文本”格式"));

		byte[] questions = xlsx(List.of(List.of("部分", "执法领域", "题型", "题干", "A", "B", "C", "D", "E", "F", "答案", "解析"),
				List.of("公共法律知识", "", "判断题", "行政机关可以因当事人申辩加重处罚。", "", "", "", "", "", "", "错", ""),
				List.of("专业法律知识", "市场监管", "单选题", "题干", "甲", "乙", "", "", "", "", "C", ""),
				List.of("专业法律知识", "天文", "单选题", "题干", "甲", "乙", "", "", "", "", "A", "")));
		var imported = exams.importQuestions(null, new java.io.ByteArrayInputStream(questions));
		assertThat(imported.created()).isEqualTo(1);
		assertThat(imported.errors()).extracting(zhifa.shared.ImportReport.RowError::row).containsExactly(3, 4);
		assertThat(imported.errors().get(0).message()).contains("超出了选项范围");
	}

	@Test
	void complianceFiguresComeFromTheData() {
		var res = loggedIn("jiandu").get("/compliance");
		assertThat(res.statusCode()).isEqualTo(200);
		assertThat(res.body()).contains("芒市市场监督管理局").doesNotContain("德宏州司法局");
		var market = loggedIn("jiandu").get("/compliance/bodies/" + bodyId("芒市市场监督管理局"));
		assertThat(market.body()).contains("张伟").contains("暂扣");
		assertThat(loggedIn("zhzf.zhifa").get("/compliance").statusCode()).isEqualTo(403);
		assertThat(loggedIn("jiandu").get("/compliance/export.xlsx").headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
		// the unit administrator's export has his people too, not only his body's line
		try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(loggedIn("scj.admin").getBytes("/compliance/export.xlsx")))) {
			assertThat(book.getNumberOfSheets()).isEqualTo(2);
			var people = book.getSheet("人员明细");
			java.util.List<String> names = new java.util.ArrayList<>();
			people.forEach(row -> names.add(row.getCell(1) == null ? "" : row.getCell(1).toString()));
			assertThat(names).contains("姓名", "张伟", "李明");
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	@Test
	void aBodyThatHasEnteredNoOfficersIsNamedAboveTheTable() {
		long mangshi = jdbc.queryForObject("select id from org_region where code = '533103'", Long.class);
		String name = "人员未录入测试局" + System.nanoTime() % 100_000;
		long body = jdbc.queryForObject("""
				insert into org_body (name, uscc, kind, region_id, status, created_at, updated_at)
				values (?, '91533103ST' || lpad((floor(random() * 1e8))::bigint::text, 8, '0'), 'ADMINISTRATIVE_ORGAN', ?, 'ACTIVE', now(), now()) returning id""",
				Long.class, name, mangshi);
		try {
			var page = loggedIn("jiandu").get("/compliance");
			assertThat(page.statusCode()).isEqualTo(200);
			String warning = page.body().substring(page.body().indexOf("id=\"no-staff\""), page.body().indexOf("id=\"compliance-table\""));
			assertThat(warning).contains("尚未录入执法人员", "/compliance/bodies/" + body, name).doesNotContain("芒市市场监督管理局");
			assertThat(page.body()).contains(name + "</a> <span class=\"badge text-bg-warning\">未录入人员</span>");
		}
		finally {
			jdbc.update("delete from org_body where id = ?", body);
		}
	}

	/** The certificate page offers each user only the steps he may take: the unit administrator 收回, the issuer every step. */
	@Test
	void theCertificatePageOffersTheUnitAdministratorOnlyWithdrawal() {
		long cert = jdbc.queryForObject("select c.id from certificate c join officer o on o.id = c.officer_id where o.name = '张伟' and c.status = 'VALID'", Long.class);
		String unit = loggedIn("scj.admin").get("/certificates/" + cert).body();
		assertThat(unit).contains("value=\"WITHDRAWN\"").doesNotContain("value=\"SUSPENDED\"", "value=\"REVOKED\"", "value=\"CANCELLED\"");
		String issuer = loggedIn("jiandu").get("/certificates/" + cert).body();
		assertThat(issuer).contains("value=\"WITHDRAWN\"", "value=\"SUSPENDED\"", "value=\"REVOKED\"", "value=\"CANCELLED\"");
	}
}
