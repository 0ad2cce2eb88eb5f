package zhifa.officer;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import zhifa.record.RecordVocabulary;

/** The record's words for 执法人员, 执法证件, exams and training; a person by name, a certificate by its number. */
@Component
class OfficerRecordVocabulary implements RecordVocabulary {

	private final NamedParameterJdbcTemplate jdbc;

	OfficerRecordVocabulary(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<String, String> actions() {
		Map<String, String> actions = new HashMap<>(Map.ofEntries(Map.entry("officer.created", "新增执法人员"),
				Map.entry("officer.updated", "修改执法人员"), Map.entry("officer.status_changed", "变更人员状态"),
				Map.entry("certificate.applied", "申领执法证件"), Map.entry("certificate.registered", "登记执法证件"),
				Map.entry("certificate.cancellation_queued", "提请注销执法证件"), Map.entry("certificate.cancellation_sent", "注销申请已推送"), Map.entry("certificate.number_rule_saved", "设置证件编号规则"),
				Map.entry("exam.created", "新建资格考试"), Map.entry("exam.question_added", "题库新增试题"),
				Map.entry("exam.candidates_added", "添加考生"), Map.entry("exam.paper_started", "开始答题"),
				Map.entry("exam.paper_submitted", "交卷"), Map.entry("training.target_saved", "设置培训学时目标"),
				Map.entry("training.plan_saved", "保存培训计划"), Map.entry("training.plan_filed", "报备培训计划"),
				Map.entry("training.session_created", "新增培训班次"), Map.entry("training.attendance_added", "登记参训"),
				Map.entry("training.attendance_removed", "删除参训登记")));
		// written as "certificate." + the new status (Certificates.transition)
		for (CertificateStatus s : CertificateStatus.values()) {
			actions.put("certificate." + s.name().toLowerCase(), "执法证件" + s.label());
		}
		return actions;
	}

	@Override
	public Map<String, String> fields() {
		return Map.ofEntries(Map.entry("post", "岗位"), Map.entry("requests", "申请数"), Map.entry("staffing", "人员性质"), Map.entry("idNumber", "身份证号"),
				Map.entry("legalQualificationNo", "法律职业资格证书编号"), Map.entry("police", "人民警察"), Map.entry("policeNumber", "人民警察证号（警号）"),
				Map.entry("supervisionStaff", "执法监督人员"), Map.entry("legalReviewer", "法制审核人员"), Map.entry("from", "原状态"),
				Map.entry("to", "新状态"), Map.entry("effectiveDate", "生效日期"), Map.entry("documentNumber", "文号"),
				Map.entry("number", "编号"), Map.entry("validFrom", "有效期自"), Map.entry("validTo", "有效期至"),
				Map.entry("issuingAuthority", "发证机关"), Map.entry("publicScore", "公共法律知识得分"),
				Map.entry("professionalScore", "专业法律知识得分"), Map.entry("autoSubmitted", "到时自动交卷"), Map.entry("title", "名称"),
				Map.entry("late", "逾期"), Map.entry("hours", "学时"), Map.entry("category", "类别"), Map.entry("heldOn", "日期"),
				Map.entry("organisers", "组织单位"), Map.entry("questions", "题数"), Map.entry("deadline", "交卷期限"),
				Map.entry("stem", "题干"), Map.entry("total", "总学时"), Map.entry("publicLaw", "公共法律知识学时"),
				Map.entry("business", "业务与技能学时"), Map.entry("planDue", "计划报备截止"), Map.entry("completionDue", "轮训完成截止"),
				Map.entry("example", "示例"), Map.entry("publicCount", "公共法律知识题数"), Map.entry("professionalCount", "专业法律知识题数"),
				Map.entry("durationMinutes", "限时（分钟）"), Map.entry("passMark", "合格分数线"), Map.entry("opensAt", "开放自"),
				Map.entry("closesAt", "开放至"), Map.entry("status", "状态"), Map.entry("officer", "执法人员"),
				Map.entry("candidates", "考生"), Map.entry("score", "得分"), Map.entry("part", "部分"), Map.entry("type", "题型"));
	}

	@Override
	public Map<String, String> values() {
		return RecordVocabulary.labelsOf(CertificateStatus.class, OfficerStatus.class, StaffingType.class, TrainingCategory.class,
				TrainingKind.class, Exams.Part.class, Exams.QuestionType.class);
	}

	@Override
	public Map<String, String> subjectTypes() {
		return Map.of("officer", "执法人员", "certificate", "执法证件", "exam", "资格考试", "exam_paper", "答卷", "exam_question", "试题",
				"training_plan", "培训计划", "training_session", "培训班次", "training_target", "培训学时目标", "certificate_number_rule",
				"证件编号规则");
	}

	@Override
	public Map<String, String> subjectNames(String subjectType, Collection<String> ids) {
		List<Long> numeric = ids.stream().filter(i -> i.matches("\\d{1,18}")).map(Long::valueOf).toList();
		String sql = switch (subjectType) {
			case "officer" -> "select id, name from officer where id in (:ids)";
			case "certificate" -> "select c.id, o.name || coalesce('（' || c.number || '）', '') as name from certificate c join officer o on o.id = c.officer_id where c.id in (:ids)";
			case "exam" -> "select id, title as name from exam where id in (:ids)";
			case "training_plan", "training_session" -> "select id, title as name from " + subjectType + " where id in (:ids)";
			default -> null;
		};
		Map<String, String> names = new HashMap<>();
		if (sql != null && !numeric.isEmpty()) {
			jdbc.query(sql, Map.of("ids", numeric), rs -> {
				names.put(String.valueOf(rs.getLong("id")), rs.getString("name"));
			});
		}
		return names;
	}
}
