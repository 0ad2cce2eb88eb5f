package zhifa.supervision.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import zhifa.supervision.ActReport;
import zhifa.supervision.Ledger;
import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/**
 * 案卷评查 end to end over HTTP: a rubric version is published and frozen; a programme draws closed files (reported by
 * another system, so the body uploads them); reviewers come only from other bodies and outside declared conflicts; the
 * platform proposes the veto its alert rule finds (overruling needs a reason — refused without, nothing written); equal
 * assessments become final, different ones are ruled by the lead; deductions stop at zero; the body sees its result and
 * a rectification document; the Excel and the report PDF are produced.
 */
class CaseFileReviewIntegrationTest extends IntegrationTestBase {

	@Autowired
	Ledger ledger;

	static final byte[] PDF = "%PDF-1.4\n% 案卷扫描件\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

	record Posted(int status, String page) {
	}

	private static Posted post(HttpSession s, String path, Map<String, String> form) {
		Map<String, String> f = new HashMap<>(form);
		f.put("_csrf", s.csrf());
		var r = s.postForm(path, f);
		return follow(s, r);
	}

	private static Posted follow(HttpSession s, java.net.http.HttpResponse<String> r) {
		String page = r.headers().firstValue("Location").map(l -> s.get(l.replaceFirst("^https?://[^/]+", "")).body()).orElse(r.body());
		return new Posted(r.statusCode(), page);
	}

	/** A form with repeated fields (several bodies, kinds). */
	private static Posted postPairs(HttpSession s, String path, List<String[]> pairs) {
		List<String[]> all = new ArrayList<>(pairs);
		all.add(new String[] { "_csrf", s.csrf() });
		String body = all.stream().map(p -> URLEncoder.encode(p[0], StandardCharsets.UTF_8) + "=" + URLEncoder.encode(p[1], StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return follow(s, s.postEncoded(path, body));
	}

	private long account(String username) {
		return jdbc.queryForObject("select id from account_view where username = ?", Long.class, username);
	}

	/** A penalty reported by another system, closed on the day given; {@code officers} certificates. */
	private long reported(long bodyId, String id, LocalDate closed, List<String> officers) {
		LocalDate decided = closed.minusDays(20);
		return ledger.record(new ActReport("REVIEW-IT", id, 1, bodyId, "PENALTY", "SJ-REVIEW", "评查测试事项", "芒市评查测〔2025〕" + id + "号", "ORGANIZATION",
				"评查测试公司", "评查*司", "REVIEW-" + id, null, "CLOSED", decided.minusDays(40), decided.minusDays(40), decided.minusDays(38),
				decided.minusDays(10), decided.minusDays(5), decided.minusDays(5), true, false, false, false, false, decided, "PENALTY", "芒评罚〔2025〕" + id + "号",
				100_000L, null, null, decided.plusDays(1), 100_000L, closed, officers, officers.size(), false)).actId();
	}

	private List<String> actions(long programme) {
		return jdbc.queryForList("select action from record_entry where subject_type = 'sv_review_programme' and subject_id = ? order by seq", String.class,
				String.valueOf(programme));
	}

	/**
	 * The demo's reported decisions paid in full are closed, so a supervisor trying 案卷评查 in the demo has files to draw:
	 * nine of each department's ten ordinary decisions (one is still before a court or a review).
	 */
	@Test
	void theDemoHasClosedFilesToReview() {
		HttpSession jiandu = loggedIn("jiandu");
		LocalDate today = LocalDate.now(clock);
		long police = bodyId("芒市公安局");
		long transport = bodyId("芒市交通运输局");
		long example = jdbc.queryForObject("select id from sv_rubric where code = 'PENALTY' and version = 1", Long.class);
		var created = postPairs(jiandu, "/supervision/reviews", List.of(new String[] { "title", "演示数据案卷评查（测试）" },
				new String[] { "rubricId", String.valueOf(example) }, new String[] { "closedFrom", today.minusYears(1).toString() },
				new String[] { "closedTo", today.toString() }, new String[] { "kinds", "PENALTY" }, new String[] { "bodyIds", String.valueOf(police) },
				new String[] { "bodyIds", String.valueOf(transport) }, new String[] { "ratio", "50" }, new String[] { "perFile", "1" },
				new String[] { "uploadDays", "5" }));
		assertThat(created.page()).contains("演示数据案卷评查（测试）", "筹备中");
		long id = jdbc.queryForObject("select max(id) from sv_review_programme where title = '演示数据案卷评查（测试）'", Long.class);
		String page = jiandu.get("/supervision/reviews/" + id).body();
		assertThat(page).contains("已结案的案件 18 件，按比例将抽取 10 件", "芒市公安局", "芒市交通运输局");
	}

	@Test
	void aPublishedRubricVersionNeverChangesAndANewVersionIsDrafted() {
		HttpSession jiandu = loggedIn("jiandu");
		// a file that does not exist is not found (it had been a 500)
		for (String step : new String[] { "not-provided", "rectification" }) {
			assertThat(jiandu.postForm("/reviews/files/987654/" + step, java.util.Map.of("_csrf", jiandu.csrf())).statusCode()).as(step).isEqualTo(404);
		}
		long example = jdbc.queryForObject("select id from sv_rubric where code = 'PENALTY' and version = 1", Long.class);
		String before = jdbc.queryForObject("select content from sv_rubric where id = ?", String.class, example);
		// the database itself refuses to change a published version
		assertThatThrownBy(() -> jdbc.update("update sv_rubric set content = 'x' where id = ?", example)).hasMessageContaining("已发布的评查标准版本不能修改");
		assertThatThrownBy(() -> jdbc.update("delete from sv_rubric where id = ?", example)).hasMessageContaining("已发布的评查标准版本不能修改");
		// a bad draft is refused with its line, nothing written
		long rubrics = jdbc.queryForObject("select count(*) from sv_rubric", Long.class);
		var refused = post(jiandu, "/supervision/reviews/rubrics", Map.of("from", String.valueOf(example), "title", "新标准", "text", "分组|G|形式|abc"));
		assertThat(refused.page()).contains("第1行：满分应为1至1000的整数");
		assertThat(jdbc.queryForObject("select count(*) from sv_rubric", Long.class)).isEqualTo(rubrics);
		// not a supervisor: refused
		assertThat(post(loggedIn("scj.admin"), "/supervision/reviews/rubrics", Map.of("title", "x", "text", before)).status()).isEqualTo(403);

		var drafted = post(jiandu, "/supervision/reviews/rubrics", Map.of("from", String.valueOf(example), "title", "行政处罚案卷评查标准（2026）",
				"text", before.replace("档次|合格|60", "档次|合格|70")));
		assertThat(drafted.page()).contains("第2版", "草稿");
		long v2 = jdbc.queryForObject("select max(id) from sv_rubric where code = 'PENALTY'", Long.class);
		assertThat(jdbc.queryForObject("select version from sv_rubric where id = ?", Integer.class, v2)).isGreaterThanOrEqualTo(2);
		post(jiandu, "/supervision/reviews/rubrics/" + v2 + "/publication", Map.of());
		assertThat(jdbc.queryForObject("select status from sv_rubric where id = ?", String.class, v2)).isEqualTo("PUBLISHED");
		assertThat(post(jiandu, "/supervision/reviews/rubrics/" + v2 + "/publication", Map.of()).page()).contains("该版本已于");
		assertThat(jdbc.queryForObject("select content from sv_rubric where id = ?", String.class, example)).isEqualTo(before);
		assertThat(jiandu.get("/supervision/reviews/rubrics/" + v2).body()).contains("合格 ≥ 70", "此版本不再改变");
	}

	@Test
	void aProgrammeDrawsClosedFilesCrossReviewsThemAndTheBodyGetsItsResult() {
		HttpSession jiandu = loggedIn("jiandu");
		HttpSession unitAdmin = loggedIn("scj.admin");
		HttpSession sfj = loggedIn("sfj.admin");
		HttpSession zhzf = loggedIn("zhzf.zhifa");
		long market = bodyId("芒市市场监督管理局");
		long zhefang = bodyId("遮放镇人民政府");
		long example = jdbc.queryForObject("select id from sv_rubric where code = 'PENALTY' and version = 1", Long.class);
		LocalDate from = LocalDate.of(2025, 1, 6);
		long single = reported(market, "R1", from, List.of("53000020250001"));
		long clean = reported(market, "R2", from.plusDays(1), List.of("53000020250001", "53000020250002"));
		long earlier = reported(market, "R3", from.minusDays(1), List.of("53000020250001", "53000020250002"));

		List<String[]> form = new ArrayList<>(List.of(new String[] { "title", "2025年初行政处罚案卷评查（测试）" }, new String[] { "rubricId", String.valueOf(example) },
				new String[] { "closedFrom", from.toString() }, new String[] { "closedTo", from.plusDays(1).toString() }, new String[] { "kinds", "PENALTY" },
				new String[] { "bodyIds", String.valueOf(market) }, new String[] { "ratio", "100" }, new String[] { "perFile", "2" },
				new String[] { "uploadDays", "5" }));
		// only a supervisor sets up a programme
		assertThat(postPairs(unitAdmin, "/supervision/reviews", form).status()).isEqualTo(403);
		// a period in which the bodies closed nothing is refused when it is set up, not at the last step; nothing written
		long programmes = jdbc.queryForObject("select count(*) from sv_review_programme", Long.class);
		List<String[]> empty = new ArrayList<>(form);
		empty.replaceAll(kv -> kv[0].equals("closedFrom") ? new String[] { "closedFrom", "2024-03-01" }
				: kv[0].equals("closedTo") ? new String[] { "closedTo", "2024-03-02" } : kv);
		assertThat(postPairs(jiandu, "/supervision/reviews", empty).page()).contains("没有已结案的所选种类案件");
		assertThat(jdbc.queryForObject("select count(*) from sv_review_programme", Long.class)).isEqualTo(programmes);
		var created = postPairs(jiandu, "/supervision/reviews", form);
		assertThat(created.page()).contains("2025年初行政处罚案卷评查（测试）", "筹备中");
		long id = jdbc.queryForObject("select max(id) from sv_review_programme where title = '2025年初行政处罚案卷评查（测试）'", Long.class);
		String base = "/supervision/reviews/" + id;

		// reviewers: one of the audited body, one who declared a conflict with it, and two from elsewhere
		post(jiandu, base + "/reviewers", Map.of("accountId", String.valueOf(account("scj.fazhi"))));
		postPairs(jiandu, base + "/reviewers", List.of(new String[] { "accountId", String.valueOf(account("zhefang.admin")) },
				new String[] { "conflicts", String.valueOf(market) }));
		post(jiandu, base + "/reviewers", Map.of("accountId", String.valueOf(account("sfj.admin"))));
		// who is on the list is not offered again; who is not, is
		String choices = jiandu.get(base).body();
		choices = choices.substring(choices.indexOf("id=\"accountId\""), choices.indexOf("</select>", choices.indexOf("id=\"accountId\"")));
		assertThat(choices).doesNotContain("value=\"" + account("sfj.admin") + "\"", "value=\"" + account("scj.fazhi") + "\"")
			.contains("value=\"" + account("zhzf.zhifa") + "\"");
		// before publishing, the page says what would be drawn, and that one eligible reviewer is too few for two per file
		String preview = jiandu.get(base).body();
		preview = preview.substring(preview.indexOf("id=\"population-preview\""), preview.indexOf("</table>", preview.indexOf("id=\"population-preview\"")));
		assertThat(preview).contains("已结案的案件 2 件，按比例将抽取 2 件", "芒市市场监督管理局", "不足 2 名，请增加评查人员", "table-warning");
		// with only one eligible reviewer a file cannot get two: refused, nothing changed
		var tooFew = post(jiandu, base + "/commitment", Map.of("version", "3"));
		assertThat(tooFew.page()).contains("只有 1 名可评查人员");
		assertThat(jdbc.queryForObject("select status from sv_review_programme where id = ?", String.class, id)).isEqualTo("PLANNED");
		post(jiandu, base + "/reviewers", Map.of("accountId", String.valueOf(account("zhzf.zhifa"))));
		assertThat(jiandu.get(base).body()).contains("id=\"population-preview\"").doesNotContain("请增加评查人员");
		var committed = post(jiandu, base + "/commitment", Map.of("version", "4"));
		assertThat(committed.page()).contains("已公布案卷名录和承诺值").doesNotContain("id=\"population-preview\"");
		// the panel is fixed once published: no reviewer added or removed (nothing changes), no form offered
		var panel = jdbc.queryForList("select account_id from sv_review_reviewer where programme_id = ? order by account_id", Long.class, id);
		assertThat(post(jiandu, base + "/reviewers", Map.of("accountId", String.valueOf(account("scj.fuze")))).page()).contains("评查人员即已确定，不能再增减");
		assertThat(post(jiandu, base + "/reviewers/" + account("zhzf.zhifa") + "/removal", Map.of()).page()).contains("评查人员即已确定，不能再增减");
		assertThat(jdbc.queryForList("select account_id from sv_review_reviewer where programme_id = ? order by account_id", Long.class, id)).isEqualTo(panel);
		assertThat(jiandu.get(base).body()).doesNotContain("id=\"reviewer-form\"", "/removal\"");
		String canonical = jiandu.get(base + "/canonical.txt").body();
		assertThat(canonical).startsWith("zhifa-draw-v1\n").contains(market + " " + single + "\n", market + " " + clean + "\n", market + "=1\n");
		assertThat(post(jiandu, base + "/draw", Map.of()).page()).contains("已抽取案卷并分配评查人员");
		// a second draw is refused and recorded
		assertThat(post(jiandu, base + "/draw", Map.of()).page()).contains("不能重复抽取");

		List<Long> files = jdbc.queryForList("select id from sv_review_file where programme_id = ? order by act_id", Long.class, id);
		assertThat(jdbc.queryForList("select act_id from sv_review_file where programme_id = ? order by act_id", Long.class, id)).containsExactly(single, clean);
		// cross-review: two reviewers per file, never the audited body nor the declared conflict
		assertThat(jdbc.queryForList("select distinct account_id from sv_review_score s join sv_review_file f on f.id = s.file_id where f.programme_id = ?",
				Long.class, id)).containsExactlyInAnyOrder(account("sfj.admin"), account("zhzf.zhifa"));
		assertThat(jdbc.queryForObject("select count(*) from sv_review_score s join sv_review_file f on f.id = s.file_id where f.programme_id = ? and s.body_id in (?, ?)",
				Long.class, id, market, zhefang)).isZero();
		long fileSingle = files.get(0);
		long fileClean = files.get(1);

		// a second programme over the same period: both files are already drawn, a file is reviewed once — refused when set up, nothing written
		long programmesNow = jdbc.queryForObject("select count(*) from sv_review_programme", Long.class);
		List<String[]> again = new ArrayList<>(form);
		again.replaceAll(kv -> kv[0].equals("title") ? new String[] { "title", "2025年初复评（测试）" } : kv);
		assertThat(postPairs(jiandu, "/supervision/reviews", again).page()).contains("均已被其他评查活动抽中（同一案卷只评查一次）");
		assertThat(jdbc.queryForObject("select count(*) from sv_review_programme", Long.class)).isEqualTo(programmesNow);
		// a day earlier too: only the file not drawn is in its population, and the page says why the other two are not
		again.replaceAll(kv -> kv[0].equals("closedFrom") ? new String[] { "closedFrom", from.minusDays(1).toString() } : kv);
		postPairs(jiandu, "/supervision/reviews", again);
		long otherId = jdbc.queryForObject("select max(id) from sv_review_programme where title = '2025年初复评（测试）'", Long.class);
		for (String reviewer : List.of("sfj.admin", "zhzf.zhifa")) {
			post(jiandu, "/supervision/reviews/" + otherId + "/reviewers", Map.of("accountId", String.valueOf(account(reviewer))));
		}
		assertThat(jiandu.get("/supervision/reviews/" + otherId).body()).contains("已结案的案件 1 件，按比例将抽取 1 件", "1（另有 2 件已被其他评查活动抽中，不再抽取）");
		post(jiandu, "/supervision/reviews/" + otherId + "/commitment", Map.of("version", "2"));
		String otherCanonical = jiandu.get("/supervision/reviews/" + otherId + "/canonical.txt").body();
		assertThat(otherCanonical).contains(market + " " + earlier + "\n").doesNotContain(market + " " + single + "\n", market + " " + clean + "\n");
		// a third over the same days is not published while the second's list, which holds the same file, waits for its draw
		again.replaceAll(kv -> kv[0].equals("title") ? new String[] { "title", "2025年初三评（测试）" } : kv);
		postPairs(jiandu, "/supervision/reviews", again);
		long thirdId = jdbc.queryForObject("select max(id) from sv_review_programme where title = '2025年初三评（测试）'", Long.class);
		long entriesBefore = jdbc.queryForObject("select count(*) from record_entry where subject_type = 'sv_review_programme' and subject_id = ?", Long.class,
				String.valueOf(thirdId));
		assertThat(post(jiandu, "/supervision/reviews/" + thirdId + "/commitment", Map.of("version", "0")).page())
			.contains("评查活动“2025年初复评（测试）”", "已公布案卷名录、尚未抽取，其名录与本活动有 1 件相同的案卷：请待其抽取后再公布");
		assertThat(jdbc.queryForObject("select status from sv_review_programme where id = ?", String.class, thirdId)).isEqualTo("PLANNED");
		assertThat(jdbc.queryForObject("select count(*) from record_entry where subject_type = 'sv_review_programme' and subject_id = ?", Long.class,
				String.valueOf(thirdId))).isEqualTo(entriesBefore);

		// reported by another system: the body uploads; a reviewer cannot score before
		assertThat(sfj.get("/").body()).contains("待我评查的案卷");
		assertThat(unitAdmin.get("/reviews").body()).contains("本单位待上传的案卷");
		var early = post(sfj, "/reviews/files/" + fileSingle + "/assessment", Map.of("version", "0"));
		assertThat(early.page()).contains("被评查单位尚未上传案卷");
		// the audited body has a unit administrator: nobody is told it cannot upload; without one (disabled here), the
		// reviewer is told who must open an account
		assertThat(sfj.get("/reviews/files/" + fileSingle).body()).doesNotContain("id=\"nobody-to-upload\"");
		long auditedBody = jdbc.queryForObject("select body_id from sv_review_file where id = ?", Long.class, fileSingle);
		List<Long> uploaders = jdbc.queryForList("select distinct u.id from idn_user u join idn_user_role r on r.user_id = u.id where u.body_id = ? and u.enabled "
				+ "and r.role in ('UNIT_ADMIN', 'LEADER')", Long.class, auditedBody);
		jdbc.update("update idn_user set enabled = false where id = any(?)", (Object) uploaders.toArray(Long[]::new));
		try {
			assertThat(sfj.get("/reviews/files/" + fileSingle).body()).contains("id=\"nobody-to-upload\"", "没有单位管理员或负责人账号，无法自行上传案卷")
				.doesNotContain("id=\"upload-on-behalf\"");
			// the organiser uploads the scan of the paper file on the body's behalf, and the record says so; a reviewer may not
			assertThat(sfj.postMultipart("/reviews/files/" + fileSingle + "/upload", Map.of("_csrf", sfj.csrf()), "file", "案卷.pdf", "application/pdf", PDF)
				.statusCode()).isEqualTo(403);
			assertThat(jdbc.queryForObject("select file_name is null from sv_review_file where id = ?", Boolean.class, fileSingle)).isTrue();
			assertThat(jiandu.get("/reviews/files/" + fileSingle).body()).contains("id=\"upload-on-behalf\"");
			jiandu.postMultipart("/reviews/files/" + fileSingle + "/upload", Map.of("_csrf", jiandu.csrf()), "file", "代传案卷.pdf", "application/pdf", PDF);
			assertThat(jdbc.queryForObject("select file_name from sv_review_file where id = ?", String.class, fileSingle)).isEqualTo("代传案卷.pdf");
			assertThat(jdbc.queryForObject("select summary from record_entry where subject_type = 'sv_review_programme' and subject_id = ? "
					+ "and action = 'review.file_uploaded' order by seq desc limit 1", String.class, String.valueOf(id))).contains("上传评查案卷（该单位在平台上没有账号");
		}
		finally {
			jdbc.update("update idn_user set enabled = true where id = any(?)", (Object) uploaders.toArray(Long[]::new));
		}
		assertThat(loggedIn("scj.zhifa").postMultipart("/reviews/files/" + fileSingle + "/upload", Map.of("_csrf", loggedIn("scj.zhifa").csrf()), "file", "案卷.pdf",
				"application/pdf", PDF).statusCode()).isIn(302, 403);
		assertThat(jdbc.queryForObject("select file_name from sv_review_file where id = ?", String.class, fileSingle)).isEqualTo("代传案卷.pdf");
		for (long f : files) {
			unitAdmin.postMultipart("/reviews/files/" + f + "/upload", Map.of("_csrf", unitAdmin.csrf()), "file", "案卷" + f + ".pdf", "application/pdf", PDF);
		}
		assertThat(jdbc.queryForObject("select count(*) from sv_review_file where programme_id = ? and file_name is not null", Long.class, id)).isEqualTo(2);

		// the audited body does not read the programme's record (reviewers and their marks)
		assertThat(unitAdmin.get("/records/sv_review_programme/" + id).statusCode()).isIn(403, 404);
		// the one-officer file: the platform proposes the veto from the ledger's data
		String page = sfj.get("/reviews/files/" + fileSingle).body();
		assertThat(page).contains("平台提示（执法人员不足两人或未持执法证件）", "执法人员未取得执法证件或少于两人", "被评查单位上传的案卷");
		// and what the veto on a crime not transferred is judged on: the case's 行刑衔接
		assertThat(page).contains("id=\"file-referrals\"", "没有涉嫌犯罪移送的记录");
		// another body's officer who is not a reviewer does not see it
		assertThat(loggedIn("zhefang.admin").get("/reviews/files/" + fileSingle).statusCode()).isEqualTo(404);
		// overruling without a reason: refused, nothing written
		var noReason = post(sfj, "/reviews/files/" + fileSingle + "/assessment", Map.of("version", "0"));
		assertThat(noReason.page()).contains("不认定须说明理由");
		assertThat(jdbc.queryForObject("select count(*) from sv_review_score where file_id = ? and status = 'SUBMITTED'", Long.class, fileSingle)).isZero();
		// both confirm the veto: the same result is final by itself
		post(sfj, "/reviews/files/" + fileSingle + "/assessment", Map.of("version", "0", "m_V_OFFICERS", "on"));
		assertThat(jdbc.queryForObject("select status from sv_review_file where id = ?", String.class, fileSingle)).isEqualTo("SCORING");
		var second = post(zhzf, "/reviews/files/" + fileSingle + "/assessment", Map.of("version", "0", "m_V_OFFICERS", "on", "n_V_OFFICERS", "仅一名执法人员签名"));
		assertThat(second.page()).contains("不合格");
		assertThat(jdbc.queryForMap("select status, total, grade, vetoes from sv_review_file where id = ?", fileSingle)).containsEntry("status", "FINAL")
			.containsEntry("total", 100).containsEntry("grade", "不合格").containsEntry("vetoes", "V_OFFICERS");

		// the clean file: different assessments (deductions beyond a group's maximum stop at zero) go to the lead
		post(sfj, "/reviews/files/" + fileClean + "/assessment", Map.of("version", "0", "m_F_INDEX", "30"));
		post(zhzf, "/reviews/files/" + fileClean + "/assessment", Map.of("version", "0", "m_C_DECISION", "1"));
		Map<String, Object> different = jdbc.queryForMap("select status, version from sv_review_file where id = ?", fileClean);
		assertThat(different).containsEntry("status", "DIFFERENT");
		assertThat(jdbc.queryForObject("select total from sv_review_score where file_id = ? and account_id = ?", Integer.class, fileClean, account("sfj.admin")))
			.isEqualTo(80);
		assertThat(jiandu.get("/").body()).contains("评查意见不一致，待裁定");
		long adopted = jdbc.queryForObject("select id from sv_review_score where file_id = ? and account_id = ?", Long.class, fileClean, account("zhzf.zhifa"));
		// only the lead rules
		assertThat(post(zhzf, "/reviews/files/" + fileClean + "/resolution", Map.of("version", String.valueOf(different.get("version")), "scoreId",
				String.valueOf(adopted), "reason", "x")).status()).isEqualTo(403);
		post(jiandu, "/reviews/files/" + fileClean + "/resolution", Map.of("version", String.valueOf(different.get("version")), "scoreId", String.valueOf(adopted),
				"reason", "卷内目录经核对完整，采纳孙磊意见"));
		assertThat(jdbc.queryForMap("select status, total, grade from sv_review_file where id = ?", fileClean)).containsEntry("status", "FINAL")
			.containsEntry("total", 90).containsEntry("grade", "优秀");

		// results, ranking, rectification through a supervision document
		assertThat(jiandu.get(base).body()).contains("各单位结果与排名", "芒市市场监督管理局", "95.0");
		post(jiandu, "/reviews/files/" + fileSingle + "/rectification", Map.of("requiredAction", "补正执法人员签名，完善双人执法制度。", "replyDays", "15"));
		Long document = jdbc.queryForObject("select document_id from sv_review_file where id = ?", Long.class, fileSingle);
		assertThat(document).isNotNull();
		assertThat(jdbc.queryForMap("select doc_type, body_id from sv_document where id = ?", document)).containsEntry("doc_type", "RECTIFICATION")
			.containsEntry("body_id", market);
		String body = unitAdmin.get("/reviews").body();
		assertThat(body).contains("本单位的评查结果", "芒市评查测〔2025〕R1号", "不合格", "整改通知");
		assertThat(unitAdmin.get("/reviews/files/" + fileSingle).body()).contains("不合格", "执法人员未取得执法证件或少于两人");
		var xlsx = jiandu.get(base + "/results.xlsx");
		assertThat(xlsx.statusCode()).isEqualTo(200);
		assertThat(jiandu.getBytes(base + "/report.pdf")).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
		assertThat(post(jiandu, base + "/closing", Map.of("version", String.valueOf(jdbc.queryForObject("select version from sv_review_programme where id = ?",
				Integer.class, id)))).page()).contains("已结束");
		assertThat(actions(id)).contains("review.programme_created", "review.reviewer_added", "review.programme_committed", "review.programme_drawn",
				"review.file_uploaded", "review.scored", "review.differs", "review.final", "review.rectification", "review.programme_closed");
	}
}
