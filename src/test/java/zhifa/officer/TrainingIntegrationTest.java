package zhifa.officer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zhifa.shared.DataScope;
import zhifa.shared.PersonalData;
import zhifa.support.IntegrationTestBase;

class TrainingIntegrationTest extends IntegrationTestBase {

	@Autowired
	Training training;

	@Autowired
	PersonalData personal;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate tx;

	@Test
	void planFiledAfterTheDueDateIsShownAsLateAndCannotChangeAfterwards() {
		int year = LocalDate.now(clock).getYear();
		var plans = training.plans(DataScope.all(), year);
		var urban = plans.stream().filter(p -> p.bodyName().equals("芒市综合行政执法局")).findFirst().orElseThrow();
		assertThat(urban.filed()).isTrue();
		assertThat(urban.late()).isEqualTo(LocalDate.now(clock).isAfter(LocalDate.of(year, 3, 31)));
		var next = training.plans(DataScope.all(), year + 1).stream().filter(p -> p.bodyName().equals("芒市市场监督管理局")).findFirst().orElseThrow();
		assertThat(next.late()).isFalse();
		var unit = loggedIn("scj.admin");
		var res = unit.postForm("/training/plans", java.util.Map.of("year", String.valueOf(year + 1), "title", "改", "content", "改",
				"file", "false", "_csrf", unit.csrf()));
		assertThat(res.statusCode()).isEqualTo(302);
		assertThat(training.plan(bodyId("芒市市场监督管理局"), year + 1).orElseThrow().title()).isNotEqualTo("改");
		// the supervisor sees who has not filed: a body with officers in post and no filed plan, not the one that filed
		assertThat(training.notFiled(DataScope.all(), year)).doesNotContain("芒市综合行政执法局");
		assertThat(training.notFiled(DataScope.all(), year + 5)).contains("芒市综合行政执法局", "芒市市场监督管理局");
		String page = loggedIn("jiandu").get("/training?year=" + (year + 5)).body();
		assertThat(page).contains("id=\"plans-not-filed\"", "尚未报备（" + (year + 5) + "-03-31 前）", "芒市综合行政执法局");
		assertThat(unit.get("/training?year=" + (year + 5)).body()).doesNotContain("id=\"plans-not-filed\"");
	}

	@Test
	void attendanceImportMatchesOfficersByIdNumberAndReportsBadRows() throws Exception {
		long officer = jdbc.queryForObject("select id from officer where name = '赵刚'", Long.class);
		String id = personal.decrypt(jdbc.queryForObject("select id_number_cipher from officer where id = ?", String.class, officer));
		var session = tx.execute(s -> training.createSession(bodyId("芒市司法局"), new Training.NewSession("导入测试", TrainingCategory.PUBLIC_LAW,
				TrainingKind.LECTURE, LocalDate.now(clock), BigDecimal.valueOf(6), null, List.of()), false));
		byte[] file = zhifa.shared.Excel.workbook("签到", List.of("姓名", "身份证号", "学时"),
				List.of(List.of("赵刚", id, "4"), List.of("无名氏", "11010519491231002X", ""), List.of("赵刚", id, "九")));
		var result = training.importAttendance(DataScope.all(), session.id(), new ByteArrayInputStream(file));
		assertThat(result.created()).isEqualTo(1);
		assertThat(result.errors()).extracting(zhifa.shared.ImportReport.RowError::row).containsExactly(3, 4);
		assertThat(training.hours(List.of(officer), LocalDate.now(clock).getYear()).get(officer).publicLaw())
			.isGreaterThanOrEqualTo(BigDecimal.valueOf(4));
	}

	/** 公共法律知识 hours are organised by the justice bureau (方案任务2): a department alone is refused, nothing written; with it, taken. */
	@Test
	void publicLawTrainingIsTheJusticeBureaus() {
		long market = bodyId("芒市市场监督管理局");
		long sessions = jdbc.queryForObject("select count(*) from training_session", Long.class);
		assertThatThrownBy(() -> tx.execute(s -> training.createSession(market, new Training.NewSession("市场监管局自办公共法律知识培训", TrainingCategory.PUBLIC_LAW,
				TrainingKind.LECTURE, LocalDate.now(clock), BigDecimal.valueOf(6), null, List.of()), false)))
			.isInstanceOf(zhifa.shared.BusinessRuleViolation.class).hasMessageContaining("由司法局组织");
		assertThat(jdbc.queryForObject("select count(*) from training_session", Long.class)).isEqualTo(sessions);
		var hosted = tx.execute(s -> training.createSession(market, new Training.NewSession("司法局与市场监管局联合举办公共法律知识培训", TrainingCategory.PUBLIC_LAW,
				TrainingKind.LECTURE, LocalDate.now(clock), BigDecimal.valueOf(6), null, List.of(bodyId("芒市司法局"))), false));
		assertThat(hosted.category()).isEqualTo(TrainingCategory.PUBLIC_LAW);
	}

	@Test
	void departmentOrganisesBusinessTrainingThatTownshipStaffAttend() {
		var session = tx.execute(s -> training.createSession(bodyId("芒市市场监督管理局"), new Training.NewSession("跨单位测试", TrainingCategory.BUSINESS,
				TrainingKind.LECTURE, LocalDate.now(clock), BigDecimal.valueOf(3), null, List.of()), false));
		long township = jdbc.queryForObject("select id from officer where name = '岩保'", Long.class);
		var unit = loggedIn("scj.admin");
		var res = unit.postForm("/training/sessions/" + session.id() + "/attendees",
				java.util.Map.of("officerIds", String.valueOf(township), "_csrf", unit.csrf()));
		assertThat(res.statusCode()).isEqualTo(302);
		assertThat(training.attendees(session.id())).extracting(Training.Attendee::name).containsExactly("岩保");
		var stranger = loggedIn("zhzf.zhifa");
		var other = stranger.postForm("/training/sessions/" + session.id() + "/attendees",
				java.util.Map.of("officerIds", String.valueOf(jdbc.queryForObject("select id from officer where name = '孙磊'", Long.class)),
						"_csrf", stranger.csrf()));
		assertThat(other.statusCode()).isEqualTo(403);
		assertThat(training.attendees(session.id())).hasSize(1);
		// the roster is the organiser's: the township sees its own attendee, a body with none there finds no such training
		long market = jdbc.queryForObject("select id from officer where name = '张伟'", Long.class);
		assertThat(unit.postForm("/training/sessions/" + session.id() + "/attendees", java.util.Map.of("officerIds", String.valueOf(market), "_csrf", unit.csrf()))
			.statusCode()).isEqualTo(302);
		assertThat(unit.get("/training/sessions/" + session.id()).body()).contains("岩保", "张伟");
		var townshipPage = loggedIn("zhefang.admin").get("/training/sessions/" + session.id());
		assertThat(townshipPage.statusCode()).isEqualTo(200);
		assertThat(townshipPage.body()).contains("跨单位测试", "岩保").doesNotContain("张伟");
		assertThat(stranger.get("/training/sessions/" + session.id()).statusCode()).isEqualTo(404);
	}

	/** Attendance is of a training held, and of someone: nobody ticked, or a training yet to come, is refused and nothing written. */
	@Test
	void attendanceIsRecordedOnlyForATrainingHeldAndOfSomeone() {
		var coming = tx.execute(s -> training.createSession(bodyId("芒市市场监督管理局"), new Training.NewSession("下月业务培训", TrainingCategory.BUSINESS,
				TrainingKind.LECTURE, LocalDate.now(clock).plusDays(20), BigDecimal.valueOf(3), null, List.of()), false));
		long township = jdbc.queryForObject("select id from officer where name = '岩保'", Long.class);
		var unit = loggedIn("scj.admin");
		assertThat(unit.get("/training/sessions/" + coming.id()).body()).contains("id=\"not-held\"").doesNotContain("/attendance-import");
		var early = unit.postForm("/training/sessions/" + coming.id() + "/attendees", java.util.Map.of("officerIds", String.valueOf(township), "_csrf", unit.csrf()));
		assertThat(early.statusCode()).isEqualTo(302);
		assertThat(unit.get("/training/sessions/" + coming.id()).body()).contains("举行后才能登记参训人员和学时");
		var nobody = unit.postForm("/training/sessions/" + coming.id() + "/attendees", java.util.Map.of("_csrf", unit.csrf()));
		assertThat(nobody.statusCode()).isEqualTo(302);
		assertThat(unit.get("/training/sessions/" + coming.id()).body()).contains("请勾选参训人员").doesNotContain("已登记 0 名");
		assertThat(training.attendees(coming.id())).isEmpty();
	}

	/** A date a century back, hours the column would round: refused with the reason, nothing made; an attendee twice is said to be. */
	@Test
	void aSessionsDateAndHoursAreCheckedAndAnAttendeeIsNotAddedTwice() {
		long market = bodyId("芒市市场监督管理局");
		long sessions = jdbc.queryForObject("select count(*) from training_session", Long.class);
		assertThatThrownBy(() -> tx.execute(s -> training.createSession(market, new Training.NewSession("百年前的培训", TrainingCategory.BUSINESS,
				TrainingKind.LECTURE, LocalDate.of(1900, 1, 1), BigDecimal.valueOf(3), null, List.of()), false)))
			.hasMessageContaining("培训日期应在 " + (LocalDate.now(clock).getYear() - 5) + "-01-01 至");
		assertThatThrownBy(() -> tx.execute(s -> training.createSession(market, new Training.NewSession("零点二五学时", TrainingCategory.BUSINESS,
				TrainingKind.LECTURE, LocalDate.now(clock).minusDays(1), new BigDecimal("1.25"), null, List.of()), false)))
			.hasMessageContaining("学时最多保留一位小数");
		assertThat(jdbc.queryForObject("select count(*) from training_session", Long.class)).isEqualTo(sessions);

		var held = tx.execute(s -> training.createSession(market, new Training.NewSession("昨天的业务培训", TrainingCategory.BUSINESS,
				TrainingKind.LECTURE, LocalDate.now(clock).minusDays(1), new BigDecimal("1.5"), null, List.of()), false));
		long township = jdbc.queryForObject("select id from officer where name = '岩保'", Long.class);
		var unit = loggedIn("scj.admin");
		unit.postForm("/training/sessions/" + held.id() + "/attendees", java.util.Map.of("officerIds", String.valueOf(township), "_csrf", unit.csrf()));
		assertThat(unit.get("/training/sessions/" + held.id()).body()).contains("已登记 1 名参训人员");
		long entries = jdbc.queryForObject("select count(*) from record_entry where subject_type = 'training_session' and subject_id = ?", Long.class,
				String.valueOf(held.id()));
		unit.postForm("/training/sessions/" + held.id() + "/attendees", java.util.Map.of("officerIds", String.valueOf(township), "_csrf", unit.csrf()));
		assertThat(unit.get("/training/sessions/" + held.id()).body()).contains("所选人员已登记过本次培训，未重复登记").doesNotContain("已登记 0 名");
		assertThat(training.attendees(held.id())).hasSize(1);
		assertThat(jdbc.queryForObject("select count(*) from record_entry where subject_type = 'training_session' and subject_id = ?", Long.class,
				String.valueOf(held.id()))).isEqualTo(entries);
	}

	/**
	 * An attendance recorded by mistake is taken off by the organiser with a reason, on the record, and the officer's hours
	 * follow; without a reason, or by another body, nothing changes.
	 */
	@Test
	void aWrongAttendanceIsRemovedWithAReasonByTheOrganiser() {
		long market = bodyId("芒市市场监督管理局");
		var held = tx.execute(s -> training.createSession(market, new Training.NewSession("误登记更正测试", TrainingCategory.BUSINESS,
				TrainingKind.LECTURE, LocalDate.now(clock).minusDays(2), new BigDecimal("4"), null, List.of()), false));
		long township = jdbc.queryForObject("select id from officer where name = '岩保'", Long.class);
		int year = held.heldOn().getYear();
		BigDecimal before = training.hours(List.of(township), year).get(township).total();
		var unit = loggedIn("scj.admin");
		unit.postForm("/training/sessions/" + held.id() + "/attendees", java.util.Map.of("officerIds", String.valueOf(township), "_csrf", unit.csrf()));
		assertThat(training.hours(List.of(township), year).get(township).total()).isEqualByComparingTo(before.add(new BigDecimal("4")));
		assertThat(unit.get("/training/sessions/" + held.id()).body()).contains("/attendees/" + township + "/removal", "删除原因");

		String removal = "/training/sessions/" + held.id() + "/attendees/" + township + "/removal";
		unit.postForm(removal, java.util.Map.of("reason", " ", "_csrf", unit.csrf()));
		assertThat(unit.get("/training/sessions/" + held.id()).body()).contains("请填写删除这条参训登记的原因");
		var stranger = loggedIn("zhzf.zhifa");
		assertThat(stranger.postForm(removal, java.util.Map.of("reason", "误登记", "_csrf", stranger.csrf())).statusCode()).isEqualTo(403);
		var otherAdmin = loggedIn("zhefang.admin");
		otherAdmin.postForm(removal, java.util.Map.of("reason", "误登记", "_csrf", otherAdmin.csrf()));
		assertThat(otherAdmin.get("/training/sessions/" + held.id()).body()).contains("只有培训的组织单位可以更正参训登记");
		assertThat(training.attendees(held.id())).hasSize(1);

		unit.postForm(removal, java.util.Map.of("reason", "未参加，误勾选", "_csrf", unit.csrf()));
		assertThat(unit.get("/training/sessions/" + held.id()).body()).contains("已删除这条参训登记");
		assertThat(training.attendees(held.id())).isEmpty();
		assertThat(training.hours(List.of(township), year).get(township).total()).isEqualByComparingTo(before);
		assertThat(jdbc.queryForObject("select summary from record_entry where subject_type = 'training_session' and subject_id = ? "
				+ "and action = 'training.attendance_removed'", String.class, String.valueOf(held.id()))).contains("岩保", "4学时", "未参加，误勾选");
		// gone already: said so, nothing else written
		unit.postForm(removal, java.util.Map.of("reason", "再删一次", "_csrf", unit.csrf()));
		assertThat(unit.get("/training/sessions/" + held.id()).body()).contains("该人员不在本次培训的参训登记中");
		assertThat(jdbc.queryForObject("select count(*) from record_entry where subject_type = 'training_session' and subject_id = ? "
				+ "and action = 'training.attendance_removed'", Long.class, String.valueOf(held.id()))).isEqualTo(1);
	}
}
